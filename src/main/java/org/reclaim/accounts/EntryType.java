package org.reclaim.accounts;

/**
 * The kinds of money movement on an account, with the sign each must have. Positive amounts add to what the account
 * owes; negative amounts reduce it. The same rule is a CHECK constraint on the ledger table.
 */
public enum EntryType {
    CHARGE(Sign.DEBIT), PAYMENT(Sign.CREDIT), PAYMENT_REVERSAL(Sign.DEBIT), COSTS(Sign.DEBIT), ADJUSTMENT(Sign.EITHER),
    WRITE_OFF(Sign.CREDIT), REFUND(Sign.DEBIT), TRANSFER(Sign.EITHER);

    enum Sign { DEBIT, CREDIT, EITHER }

    private final Sign sign;

    EntryType(Sign sign) {
        this.sign = sign;
    }

    /** Why this amount cannot be of this type, or null if it can. */
    String refusal(long amountPence) {
        if (amountPence == 0) {
            return "must not be zero";
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
