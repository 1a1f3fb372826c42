package org.reclaim.payments;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * Money received, as its channel reports it, before it is matched to an account.
 *
 * @param authorityId      the authority whose bank account received it
 * @param reference        the reference the payer gave (an account reference when all is well); null if none
 * @param amount           what was paid, more than zero
 * @param method           the channel
 * @param receivedOn       the day the money reached the council (the day it counts as paid)
 * @param namedYear        the financial year the payer said it is for, if they did
 * @param source           where the record came from, e.g. "api", "file", "govuk-pay", "direct-debit"
 * @param sourceReference  the record's own identity within its source (an Idempotency-Key, a file line's reference,
 *                         a GOV.UK Pay payment id): the same source and source reference is the same money, posted once
 * @param payerName        the payer's name as the channel gives it, to help match from suspense
 */
public record PaymentReceipt(int authorityId, @Nullable String reference, Money amount, PaymentMethod method, LocalDate receivedOn,
                             @Nullable FinancialYear namedYear, String source, String sourceReference, @Nullable String payerName) {

    /** The largest single payment the ledger takes. */
    static final long MAX_PENCE = 100_000_000_000L;

    public PaymentReceipt {
        if (!amount.isPositive()) {
            throw InvalidInput.of("amountPence", "must be more than zero: a payment of " + amount + " is not money received");
        }
        if (amount.pence() > MAX_PENCE) {
            // the payment table's CHECK: without this a typo in pence reached the database and came back as a bare 409
            throw InvalidInput.of("amountPence", "must not exceed £1,000,000,000: check the amount is in pence");
        }
        if (sourceReference.isBlank()) {
            throw new IllegalArgumentException("a payment needs its source reference, so that it is posted once");
        }
    }
}
