package org.reclaim.recovery.calculators;

import java.util.Optional;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The prescribed Council Tax deductions from DWP benefits (attachment of benefits), read from table
 * {@code benefit_deduction_rate} (migration V51, each row with its source and whether it is derived). DWP applies the
 * deduction and may refuse it (e.g. Universal Credit's overall cap, 15% of the standard allowance from 30 April 2025,
 * or one Council Tax deduction at a time); this only says what the prescribed amount is.
 */
@Component
public class BenefitDeductions {

    private final JdbcClient jdbc;

    BenefitDeductions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The deduction for this benefit, claimant and year; empty when Reclaim has no figure for it. */
    public Optional<BenefitDeduction> find(Benefit benefit, Claimant claimant, FinancialYear year) {
        return jdbc.sql("select * from benefit_deduction_rate where benefit = ? and claimant = ? and financial_year = ?")
                .param(benefit.name()).param(claimant.name()).param(year.startYear())
                .query((rs, n) -> new BenefitDeduction(benefit, claimant, year, PayPeriod.valueOf(rs.getString("pay_period")),
                        Money.ofPence(rs.getLong("deduction_pence")), rs.getBoolean("derived"), rs.getString("basis"), rs.getString("source")))
                .optional();
    }
}
