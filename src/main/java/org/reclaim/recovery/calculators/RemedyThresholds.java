package org.reclaim.recovery.calculators;

import java.time.LocalDate;
import java.util.Optional;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The least debt for which a charging order, a bankruptcy petition or a winding-up petition may be sought, read from
 * table {@code remedy_threshold} (migration V51, each row with its source):
 * Council Tax charging order at least £1,000 outstanding under liability orders (CTAE 1992 reg 50); an individual's
 * bankruptcy at least £5,000 from 1 October 2015 (Insolvency Act 1986 s.267(4)); a company's winding-up more than
 * £750 (s.123(1)(a)). The other conditions (a beneficial interest in the dwelling, a statutory demand unpaid for 21
 * days, one remedy at a time) are the engine's.
 */
@Component
public class RemedyThresholds {

    private final JdbcClient jdbc;

    RemedyThresholds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The threshold in force on this date; empty when none is known for it (then the remedy must not be proposed). */
    public Optional<RemedyThreshold> on(Remedy remedy, LocalDate date) {
        return jdbc.sql("""
                        select * from remedy_threshold where remedy = ? and effective_from <= ?
                        order by effective_from desc limit 1""")
                .param(remedy.name()).param(date)
                .query((rs, n) -> new RemedyThreshold(remedy, rs.getObject("effective_from", LocalDate.class),
                        Money.ofPence(rs.getLong("amount_pence")), "MORE_THAN".equals(rs.getString("test")), rs.getString("source")))
                .optional();
    }

    /** Whether a debt of this size allows the remedy on this date; false when no threshold is known for the date. */
    public boolean allows(Remedy remedy, Money debt, LocalDate date) {
        return on(remedy, date).map(t -> t.allows(debt)).orElse(false);
    }
}
