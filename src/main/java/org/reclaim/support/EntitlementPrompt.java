package org.reclaim.support;

/**
 * Something the customer may be entitled to and has not got, for the officer to raise: {@code why} is the data that
 * suggested it, {@code ask} what to ask, {@code rule} the law that gives it.
 */
public record EntitlementPrompt(Code code, String title, String why, String ask, String rule) {

    public enum Code {
        SINGLE_PERSON_DISCOUNT, COUNCIL_TAX_REDUCTION, STUDENT_EXEMPTION, SEVERELY_MENTALLY_IMPAIRED, CARER_DISREGARD,
        DISABLED_BAND_REDUCTION, SMALL_BUSINESS_RATE_RELIEF
    }
}
