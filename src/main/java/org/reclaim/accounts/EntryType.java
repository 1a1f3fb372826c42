package org.reclaim.accounts;

/**
 * The kinds of money movement on an account, with the sign each must have. Positive amounts add to what the account
 * owes; negative amounts reduce it. The same rule is a CHECK constraint on the ledger table.
 */
public enum EntryType {
    CHARGE(Sign.DEBIT), PAYMENT(Sign.CREDIT), PAYMENT_REVERSAL(Sign.DEBIT), COSTS(Sign.DEBIT), ADJUSTMENT(Sign.EITHER),
    WRITE_OFF(Sign.CREDIT), REFUND(Sign.DEBIT), TRANSFER(Sign.EITHER);

    enum Sign { DEBIT, CREDIT, EITHER }

    /** No single movement is larger (the same limit is a CHECK on the ledger), so sums never overflow a long. */
    static final long MAX_PENCE = 100_000_000_000L;

    private final Sign sign;

    EntryType(Sign sign) {
        this.sign = sign;
    }

    /** Why this amount cannot be of this type, or null if it can. */
    String refusal(long amountPence) {
        if (amountPence == 0) {
            return "must not be zero";
        }
        if (Math.abs(amountPence) > MAX_PENCE) {
            return "must not exceed £1,000,000,000 either way: check the amount is in pence";
        }
        if (sign == Sign.DEBIT && amountPence < 0) {
            return "must be positive for a " + this;
        }
        if (sign == Sign.CREDIT && amountPence > 0) {
            return "must be negative for a " + this;
        }
        return null;
    }
}
