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
import org.reclaim.shared.Money;
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
        if (property.rateableValuePence() == null) {
            throw InvalidInput.of("rateableValue", "the property " + property.singleLineAddress() + " has no rateable value");
        }
        BusinessRatesYear figures = years.find(year).orElseThrow(() -> InvalidInput.of("financialYear",
                "Reclaim has no Business Rates multipliers for " + year + ": they are added by a migration when published"));
        LiabilityPeriod period = LiabilityPeriod.within(year, account.liabilityStart(), account.liabilityEnd());
        return BusinessRatesCharge.lines(figures, Money.ofPence(property.rateableValuePence()), period, circumstances);
    }

    @Transactional
    public Bill bill(AccountReference reference, FinancialYear year, LocalDate issuedOn, String reason,
                     BusinessRatesCharge.Circumstances circumstances, Bills.PlanChoice plan) {
        return bills.issue(reference, year, issuedOn, reason, preview(reference, year, circumstances), plan, circumstances);
    }
}
