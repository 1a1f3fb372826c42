package org.reclaim.directdebit.bacs;

import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * One Direct Debit to collect: the payer's bank details, the amount, the transaction code (01, 17, 18 or 19) and the
 * payer's reference, the mandate reference Bacs and the payer's bank know the instruction by (1 to 18 characters of
 * the Bacs set; lower-case letters are upper-cased).
 */
public record Debit(BankDetails payer, Money amount, TransactionCode code, String reference) {

    /** The largest amount an 11-digit pence field holds: £999,999,999.99. */
    public static final Money LARGEST = Money.ofPence(99_999_999_999L);

    public Debit {
        if (!code.isCollection()) {
            throw InvalidInput.of("transactionCode", "a collection uses transaction code 01, 17, 18 or 19, not "
                    + code.code());
        }
        if (amount.pence() <= 0) {
            throw InvalidInput.of("amountPence", "a Direct Debit collects more than nothing");
        }
        if (amount.compareTo(LARGEST) > 0) {
            throw InvalidInput.of("amountPence", "a Bacs amount is at most 11 digits of pence (£999,999,999.99)");
        }
        reference = Standard18.reference(reference);
    }
}
