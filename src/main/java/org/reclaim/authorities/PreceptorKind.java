package org.reclaim.authorities;

/** Who a precept is for: the billing authority itself or a major or local precepting authority (LGFA 1992, s. 39). */
public enum PreceptorKind {
    BILLING_AUTHORITY, COUNTY_COUNCIL, POLICE, FIRE, MAYORAL, PARISH, OTHER
}
