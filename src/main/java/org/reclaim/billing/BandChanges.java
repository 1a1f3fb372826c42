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
    private final CouncilTaxBilling councilTax;

    BandChanges(Properties properties, Accounts accounts, CouncilTaxBilling councilTax) {
        this.properties = properties;
        this.accounts = accounts;
        this.councilTax = councilTax;
    }

    @Transactional
    public List<Bill> change(long propertyId, CouncilTaxBand band, LocalDate effectiveFrom, LocalDate issuedOn) {
        Property property = properties.changeBand(propertyId, band, effectiveFrom);
        List<Bill> rebills = new ArrayList<>();
        for (Account account : accounts.atProperty(property.authorityId(), propertyId, RevenueStream.COUNCIL_TAX)) {
            rebills.addAll(councilTax.rebillFrom(account, effectiveFrom, issuedOn, "Band changed to " + band + " from " + effectiveFrom));
        }
        return rebills;
    }
}
