/**
 * Accounts (one per revenue stream, authority and liability), their liable parties, and the ledger: the append-only
 * record of every money movement, from which balances and arrears are derived.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.accounts;
