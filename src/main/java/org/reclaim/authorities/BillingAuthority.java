package org.reclaim.authorities;

/**
 * A council that bills and collects. Identified outside Reclaim by its ONS GSS code (e.g. E07000135); inside, every
 * account reference starts with its two-digit {@code referencePrefix}.
 */
public record BillingAuthority(int id, String gssCode, String name, AuthorityKind kind, int referencePrefix) {
}
