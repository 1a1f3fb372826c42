/**
 * Officers' worklists: run lines waiting for an officer's decision, summonses waiting for a team leader, vulnerable
 * customers to call before escalation, and tasks raised by other modules ({@link org.reclaim.worklists.Worklists#raise})
 * or by officers. Items are read against the state of the moment, so a payment, an arrangement or a hold takes an item
 * off its list at once; each list is ordered by one transparent score ({@code WorklistScore}).
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.worklists;
