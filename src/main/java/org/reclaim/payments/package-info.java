/**
 * Payments from every channel: posting, allocation to years by the authority's rules, suspense for money that
 * matches no account, credits, refunds and transfers, payment files, card payments and Direct Debit collections.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.payments;
