package org.reclaim.recovery.calculators;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Council Tax attachment of earnings deduction, England: Council Tax (Administration and Enforcement) Regulations
 * 1992 (SI 1992/613) reg 38 and Sch. 4 Tables A (weekly), B (monthly) and C (daily), read from table
 * {@code attachment_of_earnings_band} (migration V50, each row with its source). The table that applies is the one in
 * force on the date the order was made (SI 2006/3395's tables apply to orders made on or after 1 April 2007).
 *
 * <p>What "net earnings" means (reg 32(1)): the residue of earnings payable under the employment after the employer
 * has deducted income tax, primary Class 1 National Insurance contributions, and amounts deductible under any
 * enactment or at the debtor's written request for a superannuation (pension) scheme. "Earnings" are wages or salary,
 * including fees, bonus, commission, overtime and other emoluments, and statutory sick pay; they do not include pay
 * from the Government of Northern Ireland or a territory outside the UK, pay or allowances as a member of the armed
 * forces, social security benefits and allowances, disablement or disability allowances, or a seaman's wages (other
 * than on a fishing boat) (http://www.legislation.gov.uk/uksi/1992/613/schedule/3/made?view=plain). Councils'
 * guidance also excludes e.g. statutory maternity pay and redundancy pay (Luton), and since 1995 the employer ignores
 * any deduction for repaying a loan from the employer (SI 1995/22). The caller passes net earnings so defined.
 *
 * <p>Not here (they are the engine's rules): at most two orders at once, the second calculated on net earnings after
 * the first order's deduction, and the employer's £1 administration charge per deduction.
 */
@Component
public class AttachmentOfEarnings {

    /** Orders made from this date use the tables of SI 2006/3395; Reclaim ships no earlier table. */
    public static final LocalDate TABLES_OF_2007 = LocalDate.of(2007, 4, 1);

    private final JdbcClient jdbc;

    AttachmentOfEarnings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The Schedule 4 table for this pay period that applies to an order made on this date. */
    public DeductionTable table(PayPeriod period, LocalDate orderMadeOn) {
        List<DeductionBand> bands = jdbc.sql("""
                        select * from attachment_of_earnings_band
                        where pay_period = :period
                          and effective_from = (select max(effective_from) from attachment_of_earnings_band
                                                where pay_period = :period and effective_from <= :on)
                        order by exceeding_pence""")
                .param("period", period.name()).param("on", orderMadeOn)
                .query((rs, n) -> {
                    long upTo = rs.getLong("up_to_pence");
                    boolean open = rs.wasNull();
                    return new DeductionBand(period, rs.getObject("effective_from", LocalDate.class),
                            Money.ofPence(rs.getLong("exceeding_pence")), open ? null : Money.ofPence(upTo),
                            rs.getBigDecimal("percent"), rs.getBigDecimal("percent_of_excess"), rs.getString("source"));
                })
                .list();
        if (bands.isEmpty()) {
            throw NotFound.of(period.name().toLowerCase(java.util.Locale.ROOT)
                    + " Council Tax attachment of earnings table for an order made on", orderMadeOn);
        }
        return new DeductionTable(period, bands.get(0).effectiveFrom(), bands);
    }

    /** The deduction on one pay-day from these net earnings, under an order made on this date. */
    public Deduction deduction(PayPeriod period, Money netEarnings, LocalDate orderMadeOn) {
        return table(period, orderMadeOn).deductionFrom(netEarnings);
    }
}
