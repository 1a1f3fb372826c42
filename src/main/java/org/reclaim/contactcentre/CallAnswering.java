package org.reclaim.contactcentre;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The call-answering report: calls answered of those offered, per queue and in total, on peak days and on the others,
 * against the authority's targets (source document seeds/000: answer 82% of calls during peak times, 86% the rest of the
 * year). Each day is peak or off-peak by the settings in force on that day; each split is measured against the target
 * in force on the report's last day.
 * <p>
 * The rule for a rate: answered ÷ offered as a percentage, rounded to one decimal place, half up (81.25 → 81.3). A target
 * is met when answered ÷ offered, exactly, is at least the target: 81.96% shows as 82.0% but has not met 82%. With no
 * calls offered there is no rate and nothing to meet (both null).
 */
@Service
public class CallAnswering {

    public static final String RATE_RULE = "answered ÷ offered as a percentage, to one decimal place, half up; "
            + "a target is met when answered ÷ offered, unrounded, is at least the target";

    /** Figures for a queue, or for all queues when {@code queue} is null. */
    public record Figures(@Nullable String queue, long offered, long answered, long abandoned, @Nullable Long answeredWithinServiceLevel,
                          @Nullable BigDecimal answerRatePercent, @Nullable Boolean metTarget) {
    }

    /** Peak or off-peak days: the target, each queue's figures and the total. */
    public record Split(BigDecimal targetPercent, List<Figures> queues, Figures total) {
    }

    public record Report(LocalDate from, LocalDate to, String peakPeriod, Split peak, Split offPeak, Figures total, String rateRule) {
    }

    private final JdbcClient jdbc;
    private final CallAnsweringSettings settings;
    private final TelephonyImports imports;

    CallAnswering(JdbcClient jdbc, CallAnsweringSettings settings, TelephonyImports imports) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.imports = imports;
    }

    /** Whether any call data has been imported for the authority. */
    public boolean hasData(int authorityId) {
        return imports.any(authorityId);
    }

    /** The settings in force on the day (the dashboard shows the targets and the latest periods from them). */
    public CallAnsweringSettings.Settings settingsOn(int authorityId, LocalDate day) {
        return settings.on(authorityId, day);
    }

    public Report report(int authorityId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidInput.of("to", "is before from");
        }
        if (to.isAfter(from.plusYears(5))) {
            throw InvalidInput.of("to", "a report covers at most 5 years");
        }
        List<CallAnsweringSettings.Settings> history = settings.history(authorityId);
        CallAnsweringSettings.Settings last = CallAnsweringSettings.inForce(history, to);
        Map<String, long[]> peak = new TreeMap<>();
        Map<String, long[]> offPeak = new TreeMap<>();
        jdbc.sql("""
                select queue, cast(starts_at as date), sum(offered), sum(answered), sum(abandoned), sum(answered_within_service_level),
                       count(answered_within_service_level)
                from telephony_interval
                where authority_id = ? and starts_at >= ? and starts_at < ?
                group by queue, cast(starts_at as date)""")
                .params(authorityId, from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .query((rs, n) -> {
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    Map<String, long[]> split = CallAnsweringSettings.inForce(history, day).peak().contains(day) ? peak : offPeak;
                    long[] sums = split.computeIfAbsent(rs.getString(1), q -> new long[5]);
                    for (int k = 0; k < 5; k++) {
                        sums[k] += rs.getLong(3 + k);
                    }
                    return null;
                }).list();
        Split peakSplit = split(last.peakTargetPercent(), peak);
        Split offPeakSplit = split(last.otherTargetPercent(), offPeak);
        long[] all = new long[5];
        for (Map<String, long[]> m : List.of(peak, offPeak)) {
            m.values().forEach(s -> add(all, s));
        }
        return new Report(from, to, PeakPeriod.text(last.peak().from()) + " to " + PeakPeriod.text(last.peak().to()), peakSplit, offPeakSplit,
                figures(null, all, null), RATE_RULE);
    }

    private static Split split(BigDecimal target, Map<String, long[]> byQueue) {
        List<Figures> queues = new ArrayList<>();
        long[] total = new long[5];
        byQueue.forEach((queue, sums) -> {
            queues.add(figures(queue, sums, target));
            add(total, sums);
        });
        return new Split(target, queues, figures(null, total, target));
    }

    private static void add(long[] into, long[] sums) {
        for (int k = 0; k < 5; k++) {
            into[k] += sums[k];
        }
    }

    /** sums: offered, answered, abandoned, answered within the service level, intervals that gave it. */
    private static Figures figures(@Nullable String queue, long[] sums, @Nullable BigDecimal target) {
        long offered = sums[0];
        long answered = sums[1];
        BigDecimal rate = rate(answered, offered);
        Boolean met = rate == null || target == null ? null : BigDecimal.valueOf(answered).multiply(BigDecimal.valueOf(100))
                .compareTo(target.multiply(BigDecimal.valueOf(offered))) >= 0;
        return new Figures(queue, offered, answered, sums[2], sums[4] == 0 ? null : sums[3], rate, met);
    }

    /** answered ÷ offered as a percentage to one decimal place, half up; null when nothing was offered. */
    static @Nullable BigDecimal rate(long answered, long offered) {
        return offered == 0 ? null : BigDecimal.valueOf(answered).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(offered), 1, RoundingMode.HALF_UP);
    }
}
