package org.reclaim.support;

/**
 * Something known about a person that may entitle the household to less Council Tax. Officers record them per customer;
 * an income and expenditure form may note them for someone in the household.
 */
public enum CircumstanceFact {
    /** A student (LGFA 1992 Sch. 1 para 4): disregarded for discounts; a home of students only is exempt (Class N). */
    STUDENT("a student"),
    /** Severely mentally impaired (LGFA 1992 Sch. 1 para 2): disregarded; a home of such people (and students) is exempt (Class U). */
    SEVERELY_MENTALLY_IMPAIRED("severely mentally impaired"),
    /** A carer (LGFA 1992 Sch. 1): disregarded for discounts where the conditions are met. */
    CARER("a carer"),
    /** The home has a feature a disabled resident needs (SI 1992/554 reg. 3). */
    DISABLED_ADAPTATION("a disabled resident needing an adaptation of the home"),
    /** Receives an income-related benefit (e.g. Universal Credit, Pension Credit): a sign of entitlement to Council Tax Reduction. */
    INCOME_RELATED_BENEFIT("receiving an income-related benefit");

    final String described;

    CircumstanceFact(String described) {
        this.described = described;
    }

    /** Facts that make a person disregarded when counting the adults for a discount. */
    boolean disregards() {
        return this == STUDENT || this == SEVERELY_MENTALLY_IMPAIRED || this == CARER;
    }

    /** Facts that can make a home of such people exempt (Classes N and U), not just discounted. */
    boolean canExempt() {
        return this == STUDENT || this == SEVERELY_MENTALLY_IMPAIRED;
    }
}
