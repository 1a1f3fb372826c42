package org.reclaim.billing;

import java.util.Optional;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a year's national Business Rates figures (migration V13 and later). */
@Repository
public class BusinessRatesYears {

    private final JdbcClient jdbc;

    BusinessRatesYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BusinessRatesYear> find(FinancialYear year) {
        return jdbc.sql("select * from business_rates_year where financial_year = ?").param(year.startYear())
                .query((rs, n) -> new BusinessRatesYear(year, rs.getInt("small_multiplier"), rs.getInt("standard_multiplier"),
                        rs.getInt("high_value_multiplier"), rs.getInt("rhl_small_multiplier"), rs.getInt("rhl_standard_multiplier"),
                        Money.ofPence(rs.getLong("small_business_limit_pence")), Money.ofPence(rs.getLong("high_value_limit_pence")),
                        Money.ofPence(rs.getLong("sbrr_full_up_to_pence")), Money.ofPence(rs.getLong("sbrr_ends_at_pence")),
                        rs.getInt("rhl_relief_percent"), Money.ofPence(rs.getLong("rhl_relief_cap_pence")), rs.getString("source")))
                .optional();
    }
}
