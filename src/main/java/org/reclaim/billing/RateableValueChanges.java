package org.reclaim.billing;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.properties.Properties;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A rateable value alteration (from the Valuation Office Agency's list, often backdated): records it and rebills every
 * Business Rates account at the hereditament for each year from it that has a bill, keeping each bill's reliefs'
 * circumstances and plan, as {@link BandChanges} does for Council Tax bands. The same alteration again rebills nothing.
 */
@Service
public class RateableValueChanges {

    private final Properties properties;
    private final Accounts accounts;
    private final BusinessRatesBilling businessRates;

    RateableValueChanges(Properties properties, Accounts accounts, BusinessRatesBilling businessRates) {
        this.properties = properties;
        this.accounts = accounts;
        this.businessRates = businessRates;
    }

    /** Records the alteration and returns the rebills it caused: none if it was already recorded. */
    @Transactional
    public List<Bill> change(long propertyId, Money rateableValue, LocalDate effectiveFrom, String source, LocalDate issuedOn) {
        Properties.RateableValueChange change = properties.changeRateableValue(propertyId, rateableValue, effectiveFrom, source);
        if (!change.recorded()) {
            return List.of();
        }
        String reason = "Rateable value changed to " + rateableValue + " from " + effectiveFrom + " (" + source.trim() + ")";
        return accounts.atProperty(change.property().authorityId(), propertyId, RevenueStream.BUSINESS_RATES).stream()
                .flatMap(account -> businessRates.rebillFrom(account, effectiveFrom, issuedOn, reason).stream()).toList();
    }
}
