package org.reclaim.recovery.calculators;

/** Whose allowance a Universal Credit deduction is a share of; legacy benefits' fixed sum is the same for {@link #ANY}. */
public enum Claimant {
    ANY,
    SINGLE_UNDER_25,
    SINGLE_25_OR_OVER,
    COUPLE_UNDER_25,
    COUPLE_25_OR_OVER
}
