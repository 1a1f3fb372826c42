package org.reclaim.recovery.calculators;

import java.time.LocalDate;
import org.reclaim.shared.Money;

/** The least debt for a remedy, from a date: at least {@code amount}, or (when {@code moreThan}) more than it. */
public record RemedyThreshold(Remedy remedy, LocalDate effectiveFrom, Money amount, boolean moreThan, String source) {

    /** Whether a debt of this size is big enough for the remedy. */
    public boolean allows(Money debt) {
        return moreThan ? debt.isGreaterThan(amount) : debt.compareTo(amount) >= 0;
    }
}
