package org.reclaim.contactcentre;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each authority's peak period and call-answering targets (table call_answering_setting), as versions that apply from
 * their effective date; the defaults until an administrator sets a version.
 */
@Service
public class CallAnsweringSettings {

    /**
     * One version. {@code effectiveFrom}, {@code reason}, {@code setBy} and {@code setAt} are null for the defaults.
     *
     * @param peakTargetPercent  the share of calls to answer on peak days
     * @param otherTargetPercent the share of calls to answer on every other day
     */
    public record Settings(PeakPeriod peak, BigDecimal peakTargetPercent, BigDecimal otherTargetPercent, @Nullable LocalDate effectiveFrom,
                           @Nullable String reason, @Nullable String setBy, @Nullable OffsetDateTime setAt) {
        boolean sameAs(Settings o) {
            return peak.equals(o.peak) && peakTargetPercent.compareTo(o.peakTargetPercent) == 0
                    && otherTargetPercent.compareTo(o.otherTargetPercent) == 0;
        }
    }

    /**
     * The source document's standard (seeds/000, "Our Standards", contact us by telephone): "Answer 82% of calls during peak
     * times (annual billing). Answer 86% of calls during the rest of the year".
     */
    static final BigDecimal DEFAULT_PEAK_TARGET = new BigDecimal("82.0");
    static final BigDecimal DEFAULT_OTHER_TARGET = new BigDecimal("86.0");
    /**
     * Peak times are "annual billing" (seeds/000) without dates: the year's bills go out in March for the first instalment
     * due in April, so the calls they bring come in March and April. A council's own busy weeks are its to set.
     */
    static final PeakPeriod DEFAULT_PEAK = new PeakPeriod(MonthDay.of(3, 1), MonthDay.of(4, 30));
    static final Settings DEFAULTS = new Settings(DEFAULT_PEAK, DEFAULT_PEAK_TARGET, DEFAULT_OTHER_TARGET, null, null, null, null);

    private final JdbcClient jdbc;
    private final Clock clock;

    CallAnsweringSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The version in force on the day: the latest effective on or before it, else the defaults. */
    public Settings on(int authorityId, LocalDate day) {
        return inForce(history(authorityId), day);
    }

    /** Of the versions (newest first), the one in force on the day, else the defaults. */
    static Settings inForce(List<Settings> history, LocalDate day) {
        return history.stream().filter(s -> !s.effectiveFrom().isAfter(day)).findFirst().orElse(DEFAULTS);
    }

    /** Every version set, newest first. */
    public List<Settings> history(int authorityId) {
        return jdbc.sql("""
                select peak_from_month, peak_from_day, peak_to_month, peak_to_day, peak_target_percent, other_target_percent,
                       effective_from, reason, set_by, set_at
                from call_answering_setting where authority_id = ? order by effective_from desc""")
                .param(authorityId).query(CallAnsweringSettings::map).list();
    }

    /**
     * A new version from {@code effectiveFrom}. The same settings again for the same day change nothing; other settings for a
     * day that already has a version are refused (set a version from another day).
     */
    @Transactional
    public Settings set(int authorityId, PeakPeriod peak, BigDecimal peakTarget, BigDecimal otherTarget, LocalDate effectiveFrom, String reason) {
        Settings wanted = new Settings(peak, peakTarget, otherTarget, effectiveFrom, reason, null, null);
        Optional<Settings> sameDay = history(authorityId).stream().filter(s -> s.effectiveFrom().equals(effectiveFrom)).findFirst();
        if (sameDay.isPresent()) {
            if (sameDay.get().sameAs(wanted)) {
                return sameDay.get();
            }
            throw Conflict.because("a version from " + effectiveFrom + " is already set; set the change from another day");
        }
        jdbc.sql("""
                insert into call_answering_setting (authority_id, effective_from, peak_from_month, peak_from_day, peak_to_month, peak_to_day,
                    peak_target_percent, other_target_percent, reason, set_at, set_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, effectiveFrom, peak.from().getMonthValue(), peak.from().getDayOfMonth(), peak.to().getMonthValue(),
                        peak.to().getDayOfMonth(), peakTarget, otherTarget, reason, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        return on(authorityId, effectiveFrom);
    }

    private static Settings map(ResultSet rs, int n) throws SQLException {
        return new Settings(new PeakPeriod(MonthDay.of(rs.getInt(1), rs.getInt(2)), MonthDay.of(rs.getInt(3), rs.getInt(4))),
                rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class));
    }
}
