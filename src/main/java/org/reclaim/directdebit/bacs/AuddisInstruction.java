package org.reclaim.directdebit.bacs;

import org.reclaim.shared.InvalidInput;

/** One AUDDIS instruction: new (0N), cancel (0C) or convert (0S), for the payer's bank details and reference. */
public record AuddisInstruction(BankDetails payer, TransactionCode code, String reference) {

    public AuddisInstruction {
        if (!code.isInstruction()) {
            throw InvalidInput.of("transactionCode", "an AUDDIS instruction uses transaction code 0N, 0C or 0S, not "
                    + code.code());
        }
        reference = Standard18.reference(reference);
    }
}
