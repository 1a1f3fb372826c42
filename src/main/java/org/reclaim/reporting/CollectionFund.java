package org.reclaim.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.BusinessRatesShares;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What was collected in a period, and each body's share of it. Council Tax collected goes into the billing authority's
 * collection fund and is shared in proportion to the precepts of the year it was collected for (LGFA 1988 s. 89;
 * LGFA 1992 ss. 30 and 40): each body's Band D amount over the year's total Band D. Business Rates collected are
 * shared by the retained-rates shares of the year they were collected for (LGFA 1988 Sch. 7B; Non-Domestic Rating
 * (Rates Retention) Regulations 2013, SI 2013/452, reg. 5), e.g. central 50%, district 40%, county 9%, fire 1%
 * (http://legislation.data.gov.uk/uksi/2013/737/schedule/1/paragraph/2/made/data.html).
 * Shares are rounded so that they add up exactly to what was collected (largest remainder, {@link Money#allocate}).
 */
@Service
public class CollectionFund {

    public record BodyShare(String name, Money share) {
    }

    public record YearCollected(FinancialYear year, Money collected, List<BodyShare> shares) {
    }

    public record Report(String authority, LocalDate from, LocalDate to, Money councilTaxCollected, List<YearCollected> councilTaxByYear,
                         Money businessRatesCollected, List<YearCollected> businessRatesByYear) {
    }

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final BusinessRatesShares rateShares;

    CollectionFund(JdbcClient jdbc, Authorities authorities, BusinessRatesShares rateShares) {
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.rateShares = rateShares;
    }

    public Report report(BillingAuthority authority, LocalDate from, LocalDate to) {
        List<YearCollected> councilTax = collectedByYear(authority, "COUNCIL_TAX", from, to).stream()
                .map(r -> new YearCollected(r.year(), r.collected(), authorities.councilTax(authority.id(), r.year())
                        .map(config -> shares(config, r.collected())).orElse(List.of())))
                .toList();
        List<YearCollected> rates = collectedByYear(authority, "BUSINESS_RATES", from, to).stream()
                .map(r -> new YearCollected(r.year(), r.collected(), shares(rateShares.of(authority.id(), r.year()), r.collected())))
                .toList();
        return new Report(authority.gssCode(), from, to, total(councilTax), councilTax, total(rates), rates);
    }

    private record Collected(FinancialYear year, Money collected) {
    }

    private List<Collected> collectedByYear(BillingAuthority authority, String stream, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select financial_year, sum(collected_pence) from collected_money
                where authority_id = ? and stream = ? and effective_on between ? and ?
                group by financial_year order by financial_year""")
                .params(authority.id(), stream, from, to)
                .query((rs, n) -> new Collected(FinancialYear.of(rs.getInt(1)), Money.ofPence(rs.getLong(2))))
                .list();
    }

    private static Money total(List<YearCollected> years) {
        return years.stream().map(YearCollected::collected).reduce(Money.ZERO, Money::plus);
    }

    /** Splits the amount in proportion to each body's Band D amount; the pennies left over go to the largest remainders. */
    static List<BodyShare> shares(CouncilTaxYear config, Money collected) {
        return split(config.precepts().stream().map(p -> p.body().name()).toList(),
                config.precepts().stream().map(p -> p.bandD().pence()).toList(), collected);
    }

    /** Splits Business Rates collected by the year's retained-rates shares; none set, no split. */
    static List<BodyShare> shares(List<BusinessRatesShares.Share> set, Money collected) {
        return split(set.stream().map(BusinessRatesShares.Share::name).toList(), BusinessRatesShares.weights(set), collected);
    }

    private static List<BodyShare> split(List<String> names, List<Long> weights, Money collected) {
        if (weights.stream().mapToLong(Long::longValue).sum() == 0) {
            return List.of();
        }
        List<Money> parts = collected.allocate(weights);
        List<BodyShare> shares = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            shares.add(new BodyShare(names.get(i), parts.get(i)));
        }
        return shares;
    }
}
