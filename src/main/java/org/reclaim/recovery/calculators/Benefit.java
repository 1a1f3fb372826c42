package org.reclaim.recovery.calculators;

/** The DWP benefits from which Council Tax may be deducted (Council Tax (Deductions from Income Support) Regulations 1993, SI 1993/494, as extended). */
public enum Benefit {
    /** Universal Credit: 5% of the claimant's standard allowance per monthly assessment period. */
    UNIVERSAL_CREDIT,
    /** Income Support, income-based JSA, income-related ESA, Pension Credit guarantee credit: a fixed weekly sum. */
    LEGACY_INCOME_RELATED
}
