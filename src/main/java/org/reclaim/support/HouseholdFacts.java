package org.reclaim.support;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/**
 * What the customer says about their household when arrears are discussed or an income and expenditure form is taken,
 * beyond what is recorded: how many adults (18 or over) live there, the household's monthly income, and circumstances
 * noted for someone in it. Every part is optional; what is absent is read from the records.
 */
public record HouseholdFacts(@Nullable Integer adults, @Nullable Money monthlyIncome, Set<CircumstanceFact> noted) {

    public static final HouseholdFacts NONE = new HouseholdFacts(null, null, Set.of());

    public HouseholdFacts {
        if (adults != null && adults < 1) {
            throw new IllegalArgumentException("a household with a liable person has at least one adult");
        }
        if (monthlyIncome != null && monthlyIncome.isNegative()) {
            throw new IllegalArgumentException("a monthly income cannot be negative");
        }
        noted = noted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(noted));
    }
}
