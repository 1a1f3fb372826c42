/**
 * The remedies after a liability order, chosen to keep the cost to the customer low: what the authority knows about a
 * debtor ({@link org.reclaim.recovery.remedies.RemedyFacts}), the remedies each account-year allows, cheapest first,
 * with the rule behind each ({@link org.reclaim.recovery.remedies.RemedyLadder}), an officer's confirmation
 * ({@link org.reclaim.recovery.remedies.ConfirmRemedy}), the employer's schedule of attachment of earnings orders and the
 * enforcement agents' referral and return files. A liability order is a {@code recovery_action} with code
 * {@code LIABILITY_ORDER} for the account-year.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("remedies")
package org.reclaim.recovery.remedies;
