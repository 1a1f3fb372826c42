package org.reclaim.recovery.calculators;

/** The remedies after a liability order that only a debt of a least size allows. */
public enum Remedy {
    /** Council Tax: CTAE 1992 reg 50, on the dwelling the liability orders relate to. */
    CHARGING_ORDER,
    /** An individual's bankruptcy on the authority's petition: Insolvency Act 1986 s.267(4). */
    BANKRUPTCY_PETITION,
    /** A company's winding-up on the authority's petition: Insolvency Act 1986 s.123(1)(a). */
    WINDING_UP_PETITION
}
