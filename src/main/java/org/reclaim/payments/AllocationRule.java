package org.reclaim.payments;

/** How an authority sets a payment the payer did not direct against the years owed (see {@link Allocator}). */
public enum AllocationRule {
    /** The oldest year first: the most common practice, and what happens where the authority has chosen nothing. */
    OLDEST_FIRST,
    /** The current year first, keeping the payer's current plan up to date, then the oldest. */
    CURRENT_YEAR_FIRST
}
