package org.reclaim.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What was collected in a period, and for Council Tax each precepting body's share of it. Council Tax collected goes
 * into the billing authority's collection fund and is shared in proportion to the precepts of the year it was collected
 * for (LGFA 1988 s. 89; LGFA 1992 ss. 30 and 40): each body's Band D amount over the year's total Band D.
 * Shares are rounded so that they add up exactly to what was collected (largest remainder).
 */
@Service
public class CollectionFund {

    public record BodyShare(String name, Money share) {
    }

    public record YearCollected(FinancialYear year, Money collected, List<BodyShare> shares) {
    }

    public record Report(String authority, LocalDate from, LocalDate to, Money councilTaxCollected, List<YearCollected> councilTaxByYear,
                         Money businessRatesCollected) {
    }

    private final JdbcClient jdbc;
    private final Authorities authorities;

    CollectionFund(JdbcClient jdbc, Authorities authorities) {
        this.jdbc = jdbc;
        this.authorities = authorities;
    }

    public Report report(BillingAuthority authority, LocalDate from, LocalDate to) {
        record Row(FinancialYear year, Money collected) {
        }
        List<YearCollected> byYear = jdbc.sql("""
                select financial_year, sum(collected_pence) from collected_money
                where authority_id = ? and stream = 'COUNCIL_TAX' and effective_on between ? and ?
                group by financial_year order by financial_year""")
                .params(authority.id(), from, to)
                .query((rs, n) -> new Row(FinancialYear.of(rs.getInt(1)), Money.ofPence(rs.getLong(2))))
                .list().stream()
                .map(r -> new YearCollected(r.year(), r.collected(), authorities.councilTax(authority.id(), r.year())
                        .map(config -> shares(config, r.collected())).orElse(List.of())))
                .toList();
        Money councilTax = byYear.stream().map(YearCollected::collected).reduce(Money.ZERO, Money::plus);
        Money rates = Money.ofPence(jdbc.sql("""
                select coalesce(sum(collected_pence), 0) from collected_money
                where authority_id = ? and stream = 'BUSINESS_RATES' and effective_on between ? and ?""")
                .params(authority.id(), from, to).query(Long.class).single());
        return new Report(authority.gssCode(), from, to, councilTax, byYear, rates);
    }

    /** Splits the amount in proportion to each body's Band D amount; the pennies left over go to the largest remainders. */
    static List<BodyShare> shares(CouncilTaxYear config, Money collected) {
        long total = config.precepts().stream().mapToLong(p -> p.bandD().pence()).sum();
        if (total == 0) {
            return List.of();
        }
        int n = config.precepts().size();
        long[] floor = new long[n];
        long[] remainder = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long weight = config.precepts().get(i).bandD().pence();
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(collected.pence()).multiply(java.math.BigInteger.valueOf(weight))
                    .divideAndRemainder(java.math.BigInteger.valueOf(total));
            floor[i] = qr[0].longValueExact();
            remainder[i] = qr[1].longValueExact();
            given += floor[i];
        }
        long left = collected.pence() - given;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(remainder[b], remainder[a]));
        for (int k = 0; k < Math.abs(left); k++) {
            floor[order[k % n]] += Long.signum(left);
        }
        List<BodyShare> shares = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shares.add(new BodyShare(config.precepts().get(i).body().name(), Money.ofPence(floor[i])));
        }
        return shares;
    }
}
