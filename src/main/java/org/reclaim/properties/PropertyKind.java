package org.reclaim.properties;

/** A dwelling (Council Tax, rent) or a non-domestic hereditament (Business Rates). */
public enum PropertyKind { DWELLING, NON_DOMESTIC }
