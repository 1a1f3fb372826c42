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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Bills a Council Tax account for a year: its band, the year's precepts, the days liable and its circumstances. */
@Service
public class CouncilTaxBilling {

    private final Accounts accounts;
    private final Properties properties;
    private final Authorities authorities;
    private final Bills bills;

    CouncilTaxBilling(Accounts accounts, Properties properties, Authorities authorities, Bills bills) {
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
        return lines(config, bands, period, circumstances);
    }

    /** The lines for a period; a band that changes during it is charged band by band, each for its own days. */
    static List<BillLine> lines(CouncilTaxYear config, List<Properties.BandPeriod> bands, LiabilityPeriod period,
                                CouncilTaxCircumstances circumstances) {
        List<BillLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            LocalDate to = i + 1 < bands.size() ? bands.get(i + 1).from().minusDays(1) : period.to();
            lines.addAll(CouncilTaxCharge.lines(config, bands.get(i).band(), new LiabilityPeriod(period.year(), bands.get(i).from(), to),
                    circumstances));
        }
        return lines;
    }

    @Transactional
    public Bill bill(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason,
                     CouncilTaxCircumstances circumstances, Bills.PlanChoice plan) {
        return bills.issue(reference, year, issuedOn, reason, preview(reference, year, circumstances), plan, circumstances);
    }
}
