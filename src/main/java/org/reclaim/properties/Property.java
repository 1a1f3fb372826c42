package org.reclaim.properties;

import org.jspecify.annotations.Nullable;
import org.reclaim.shared.CouncilTaxBand;

/**
 * A property. UPRN is the Unique Property Reference Number of the national address gazetteer (up to 12 digits).
 * Amounts are in pence: a rateable value of £12,500 is {@code rateableValuePence = 1250000}. {@code parishId} is the
 * parish area of the authority the dwelling lies in (its parish precept is billed with the rest), or null if unparished.
 */
public record Property(long id, int authorityId, long uprn, PropertyKind kind, String addressLine1,
                       @Nullable String addressLine2, String town, String postcode, @Nullable CouncilTaxBand councilTaxBand,
                       @Nullable Long rateableValuePence, @Nullable String ratesDescription,
                       @Nullable Long weeklyRentPence, @Nullable Long weeklyServiceChargePence, @Nullable Integer parishId) {

    /** "12 Station Road, Wigston, LE18 2DR" */
    public String singleLineAddress() {
        return addressLine1 + (addressLine2 == null ? "" : ", " + addressLine2) + ", " + town + ", " + postcode;
    }
}
