package org.reclaim.authorities;

/** The kind of billing authority in England (Local Government Finance Act 1992, s. 1(2)). */
public enum AuthorityKind {
    SHIRE_DISTRICT, METROPOLITAN_DISTRICT, UNITARY, LONDON_BOROUGH
}
