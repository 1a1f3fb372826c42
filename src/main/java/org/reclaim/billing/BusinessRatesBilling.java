package org.reclaim.billing;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bills a Business Rates account for a year: the hereditament's rateable value, the year's national multipliers and
 * relief figures, the days liable and the ratepayer's circumstances (LGFA 1988 ss. 43-45; {@link BusinessRatesCharge}).
 * Issuing, rebilling and the instalment plan are {@link Bills}'s, as for Council Tax.
 */
@Service
public class BusinessRatesBilling {

    private final Accounts accounts;
    private final Properties properties;
    private final BusinessRatesYears years;
    private final Bills bills;

    BusinessRatesBilling(Accounts accounts, Properties properties, BusinessRatesYears years, Bills bills) {
        this.accounts = accounts;
        this.properties = properties;
        this.years = years;
        this.bills = bills;
    }

    /** The bill lines the account would get, each relief on its own line; nothing is saved. */
    public List<BillLine> preview(AccountReference reference, FinancialYear year, BusinessRatesCharge.Circumstances circumstances) {
        Account account = accounts.get(reference);
        if (account.stream() != RevenueStream.BUSINESS_RATES) {
            throw InvalidInput.of("reference", "account " + reference + " is " + account.stream() + ", not Business Rates");
        }
        if (account.propertyId() == null) {
            throw InvalidInput.of("propertyId", "account " + reference + " has no hereditament to bill");
        }
        Property property = properties.get(account.propertyId());
        BusinessRatesYear figures = years.find(year).orElseThrow(() -> InvalidInput.of("financialYear",
                "Reclaim has no Business Rates multipliers for " + year + ": they are added by a migration when published"));
        LiabilityPeriod period = LiabilityPeriod.within(year, account.liabilityStart(), account.liabilityEnd());
        List<Properties.RateableValuePeriod> values = properties.rateableValuesBetween(property, period.from(), period.to());
        if (values.isEmpty()) {
            throw InvalidInput.of("rateableValue", "the property " + property.singleLineAddress() + " has no rateable value");
        }
        if (values.get(0).from().isAfter(period.from())) {
            throw InvalidInput.of("rateableValue", "the property " + property.singleLineAddress() + " has no rateable value before "
                    + values.get(0).from() + ", and the liability billed starts on " + period.from());
        }
        return BusinessRatesCharge.lines(figures, values, period, circumstances);
    }

    /**
     * Rebills each billed year from a change (see {@link Bills#rebillFrom}), keeping each bill's reliefs' circumstances
     * and plan; the rateable values are those of each day, so a year the value changes in is charged in parts.
     */
    @Transactional
    public List<Bill> rebillFrom(Account account, LocalDate changedOn, LocalDate issuedOn, String reason) {
        return bills.rebillFrom(account, changedOn, issuedOn, (year, current) -> bill(account.reference(), year, issuedOn, reason,
                current.ratesCircumstances() == null ? BusinessRatesCharge.Circumstances.OCCUPIED : current.ratesCircumstances(),
                Bills.PlanChoice.keeping(current)));
    }

    @Transactional
    public Bill bill(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason,
                     BusinessRatesCharge.Circumstances circumstances, Bills.PlanChoice plan) {
        return bills.issue(reference, year, issuedOn, reason, preview(reference, year, circumstances), plan, circumstances);
    }
}
