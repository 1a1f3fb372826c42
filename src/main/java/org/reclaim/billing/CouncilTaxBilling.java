package org.reclaim.billing;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bills a Council Tax account for a year: its band, the year's precepts, the days liable and its circumstances. */
@Service
public class CouncilTaxBilling {

    private final Accounts accounts;
    private final Properties properties;
    private final Authorities authorities;
    private final Bills bills;
    private final CircumstanceChanges circumstanceChanges;

    CouncilTaxBilling(Accounts accounts, Properties properties, Authorities authorities, Bills bills, CircumstanceChanges circumstanceChanges) {
        this.circumstanceChanges = circumstanceChanges;
        this.accounts = accounts;
        this.properties = properties;
        this.authorities = authorities;
        this.bills = bills;
    }

    /** The bill lines the account would get; nothing is saved. */
    public List<BillLine> preview(AccountReference reference, FinancialYear year, CouncilTaxCircumstances circumstances) {
        Account account = accounts.get(reference);
        if (account.stream() != RevenueStream.COUNCIL_TAX) {
            throw InvalidInput.of("reference", "account " + reference + " is " + account.stream() + ", not Council Tax");
        }
        if (account.propertyId() == null) {
            throw InvalidInput.of("propertyId", "account " + reference + " has no property to bill");
        }
        Property property = properties.get(account.propertyId());
        BillingAuthority authority = authorities.byId(account.authorityId());
        // a dwelling in a parish area pays its parish's precept as well as the authority-wide bodies' (LGFA 1992, s. 41)
        CouncilTaxYear config = authorities.councilTax(authority.id(), year, property.parishId()).orElseThrow(() -> InvalidInput.of("financialYear",
                "no Council Tax is set for " + authority.name() + " in " + year + ": an administrator sets each body's Band D with "
                        + "PUT /api/v1/authorities/" + authority.gssCode() + "/council-tax/" + year.startYear()));
        LiabilityPeriod period = LiabilityPeriod.within(year, account.liabilityStart(), account.liabilityEnd());
        List<Properties.BandPeriod> bands = properties.bandsBetween(property, period.from(), period.to());
        if (bands.isEmpty()) {
            throw InvalidInput.of("councilTaxBand", "the property " + property.singleLineAddress() + " has no Council Tax band");
        }
        return lines(config, bands, period, circumstances, circumstanceChanges.of(account));
    }

    /** The lines for a period with one set of circumstances throughout. */
    static List<BillLine> lines(CouncilTaxYear config, List<Properties.BandPeriod> bands, LiabilityPeriod period,
                                CouncilTaxCircumstances circumstances) {
        return lines(config, bands, period, circumstances, List.of());
    }

    /**
     * The lines for a period, day by day (LGFA 1992 s. 2): the period is cut wherever the band changes or a recorded
     * change of circumstances takes effect, and each part is charged for its own days with what applied on them. Before
     * the first recorded change the {@code base} circumstances apply. A Council Tax Reduction award is one amount for the
     * bill, so it is taken off once, at the end, and never more than what is left.
     */
    static List<BillLine> lines(CouncilTaxYear config, List<Properties.BandPeriod> bands, LiabilityPeriod period,
                                CouncilTaxCircumstances base, List<CircumstanceChanges.Change> changes) {
        java.util.TreeSet<LocalDate> starts = new java.util.TreeSet<>();
        starts.add(period.from());
        bands.forEach(b -> starts.add(b.from()));
        changes.stream().map(CircumstanceChanges.Change::effectiveFrom)
                .filter(d -> d.isAfter(period.from()) && !d.isAfter(period.to())).forEach(starts::add);
        List<BillLine> lines = new java.util.ArrayList<>();
        for (LocalDate from : starts) {
            LocalDate higher = starts.higher(from);
            LocalDate to = higher == null ? period.to() : higher.minusDays(1);
            CircumstanceChanges.Change change = CircumstanceChanges.lastOnOrBefore(changes, from);
            CouncilTaxCircumstances applying = change == null ? base : change.circumstances();
            lines.addAll(CouncilTaxCharge.lines(config, bandOn(bands, from), new LiabilityPeriod(period.year(), from, to),
                    applying.withoutReduction()));
        }
        if (base.councilTaxReduction().isPositive()) {
            Money award = base.councilTaxReduction().min(CouncilTaxCharge.total(lines));
            if (award.isPositive()) {
                lines.add(new BillLine(BillLine.Kind.COUNCIL_TAX_REDUCTION, "Council Tax Reduction", award.negate()));
            }
        }
        return lines;
    }

    private static org.reclaim.shared.CouncilTaxBand bandOn(List<Properties.BandPeriod> bands, LocalDate day) {
        org.reclaim.shared.CouncilTaxBand band = bands.get(0).band();
        for (Properties.BandPeriod b : bands) {
            if (!b.from().isAfter(day)) {
                band = b.band();
            }
        }
        return band;
    }

    /** Rebills each billed year from a change (see {@link Bills#rebillFrom}), keeping each bill's circumstances and plan. */
    @Transactional
    public List<Bill> rebillFrom(Account account, LocalDate changedOn, LocalDate issuedOn, String reason) {
        return bills.rebillFrom(account, changedOn, issuedOn, (year, current) -> bill(account.reference(), year, issuedOn, reason,
                current.circumstances(), Bills.PlanChoice.keeping(current)));
    }

    @Transactional
    public Bill bill(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason,
                     CouncilTaxCircumstances circumstances, Bills.PlanChoice plan) {
        return bills.issue(reference, year, issuedOn, reason, preview(reference, year, circumstances), plan, circumstances);
    }
}
