package org.reclaim.authorities;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an authority's Business Rates collected for a year are shared under the business rates retention scheme
 * (Local Government Finance Act 1988 Sch. 7B; Non-Domestic Rating (Rates Retention) Regulations 2013, SI 2013/452):
 * the central share (Sch. 7B paras 4-6), the major precepting authorities' shares (SI 2013/452 reg. 5) and what the
 * billing authority keeps. Two-tier England outside a pilot: central 50%, district 40%, county 9% and fire 1% where
 * the county is not the fire authority (http://legislation.data.gov.uk/uksi/2013/737/schedule/1/paragraph/2/made/data.html);
 * Greater Manchester's 100% pilot: district 99%, fire 1% (https://www.oldham.gov.uk/info/200198/council_tax/1764/business_rates_retention).
 * The figures are data per authority and year (migrations V26 and V27), never constants here.
 */
@Service
public class BusinessRatesShares {

    /** One body's share, as a percentage of what was collected (up to four decimal places). */
    public record Share(String name, BigDecimal percent, String source) {
    }

    static final BigDecimal WHOLE = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;

    BusinessRatesShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's shares, in the order they were set; empty if none are. */
    public List<Share> of(int authorityId, FinancialYear year) {
        return jdbc.sql("""
                select name, percent, source from business_rates_share
                where authority_id = ? and financial_year = ? order by line_no""")
                .params(authorityId, year.startYear())
                .query((rs, n) -> new Share(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros(), rs.getString(3))).list();
    }

    /** Replaces the year's shares with these, which must name each body once and add up to exactly 100%. */
    @Transactional
    public List<Share> replace(int authorityId, FinancialYear year, List<Share> shares) {
        check(shares);
        jdbc.sql("delete from business_rates_share where authority_id = ? and financial_year = ?")
                .params(authorityId, year.startYear()).update();
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            jdbc.sql("""
                    insert into business_rates_share (authority_id, financial_year, line_no, name, percent, source)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(authorityId, year.startYear(), i + 1, s.name(), s.percent(), s.source()).update();
        }
        return of(authorityId, year);
    }

    /** Refuses shares that are not each above 0% and at most 100% with four decimals, name a body twice, or miss 100%. */
    static void check(List<Share> shares) {
        if (shares.isEmpty()) {
            throw InvalidInput.of("shares", "must list at least one share");
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            if (s.percent().signum() <= 0 || s.percent().compareTo(WHOLE) > 0 || s.percent().stripTrailingZeros().scale() > 4) {
                errors.add(new InvalidInput.FieldError("shares[" + i + "].percent", "must be more than 0 and at most 100, to at most four decimal places"));
            }
            if (!names.add(s.name().trim().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new InvalidInput.FieldError("shares[" + i + "].name", "names a body already listed"));
            }
            sum = sum.add(s.percent());
        }
        if (errors.isEmpty() && sum.compareTo(WHOLE) != 0) {
            errors.add(new InvalidInput.FieldError("shares", "add up to " + sum.stripTrailingZeros().toPlainString()
                    + "%: the shares of what was collected must add up to exactly 100%"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    /** The weights to share money by: each percentage in ten-thousandths, so that 9.5% and 90.5% share exactly. */
    public static List<Long> weights(List<Share> shares) {
        return shares.stream().map(s -> s.percent().movePointRight(4).longValueExact()).toList();
    }
}
