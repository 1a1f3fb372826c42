/**
 * Affordable payment arrangements: income and expenditure in the Standard Financial Statement's categories with the
 * authority's spending guidelines, the affordability proposal, arrangements over one or more of a customer's accounts
 * (each placing a recovery hold of type ARRANGEMENT), their daily monitoring, and the service-standards report.
 * Uses accounts (debts, ledger), parties (the customer), recovery ({@link org.reclaim.recovery.Holds}) and directdebit
 * (the payment method chosen); publishes {@link org.reclaim.arrangements.ArrangementPaymentMissed}.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.arrangements;
