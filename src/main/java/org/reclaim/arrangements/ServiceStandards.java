package org.reclaim.arrangements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The source document's two arrangement standards, measured: "Need to set up a payment arrangement — ... set this up
 * over the telephone where possible — At first point of contact", and "Income and Expenditure form — Set up a
 * reasonable payment arrangement ... — Within 10 days" (seeds/000, Our Standards). Counts only, no personal data.
 */
@Component
public class ServiceStandards {

    /** Shares are fractions to two places ({@code 0.85}); null when there is nothing to divide by. */
    public record Report(String authority, LocalDate from, LocalDate to, long arrangements, long madeAtFirstContact,
                  @Nullable BigDecimal madeAtFirstContactShare, long incomeExpenditureForms, long arrangedWithin10Days,
                  @Nullable BigDecimal arrangedWithin10DaysShare, long overdueWithoutArrangement) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceStandards(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Arrangements made in the period, and those made at first contact; forms received in the period, those with an
     * arrangement made by their respond-by day, and those with none whose respond-by day has passed (as of today).
     */
    public Report report(int authorityId, String gssCode, LocalDate from, LocalDate to) {
        long[] arrangements = jdbc.sql("""
                select count(*), count(*) filter (where made_at_first_contact) from arrangement
                where authority_id = ? and made_on between ? and ?""")
                .params(authorityId, from, to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] forms = jdbc.sql("""
                select count(*),
                       count(*) filter (where exists (select 1 from arrangement a where a.authority_id = f.authority_id
                                                        and a.income_expenditure_id = f.id and a.made_on <= f.respond_by)),
                       count(*) filter (where f.respond_by < ? and not exists (select 1 from arrangement a where a.authority_id = f.authority_id
                                                        and a.income_expenditure_id = f.id))
                from income_expenditure f where f.authority_id = ? and f.received_on between ? and ?""")
                .params(LocalDate.now(clock), authorityId, from, to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return new Report(gssCode, from, to, arrangements[0], arrangements[1], share(arrangements[1], arrangements[0]), forms[0], forms[1],
                share(forms[1], forms[0]), forms[2]);
    }

    private static @Nullable BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
