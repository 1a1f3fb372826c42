package org.reclaim.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A band alteration (from the Valuation Office Agency's list, often backdated): records it and rebills every Council
 * Tax account at the dwelling for each year it touches that has a bill, keeping each bill's discounts and reductions.
 */
@Service
public class BandChanges {

    private final Properties properties;
    private final Accounts accounts;
    private final Bills bills;
    private final CouncilTaxBilling councilTax;

    BandChanges(Properties properties, Accounts accounts, Bills bills, CouncilTaxBilling councilTax) {
        this.properties = properties;
        this.accounts = accounts;
        this.bills = bills;
        this.councilTax = councilTax;
    }

    @Transactional
    public List<Bill> change(long propertyId, CouncilTaxBand band, LocalDate effectiveFrom, LocalDate issuedOn) {
        Property property = properties.changeBand(propertyId, band, effectiveFrom);
        List<Bill> rebills = new ArrayList<>();
        for (Account account : accounts.atProperty(property.authorityId(), propertyId, RevenueStream.COUNCIL_TAX)) {
            // every year from the change up to the one after the notice (bills for next year go out in March)
            for (FinancialYear y = FinancialYear.containing(effectiveFrom); y.compareTo(FinancialYear.containing(issuedOn).next()) <= 0; y = y.next()) {
                FinancialYear year = y;
                bills.current(account, year).ifPresent(current -> rebills.add(councilTax.bill(account.reference(), year, issuedOn,
                        "Band changed to " + band + " from " + effectiveFrom, current.circumstances(),
                        Bills.PlanChoice.keeping(current))));
            }
        }
        return rebills;
    }
}
