package org.reclaim.directdebit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.reclaim.directdebit.bacs.BankDetails;

/**
 * A Direct Debit Instruction as it stands: the payer's bank details, the collection day, the notice agreed (10 working
 * days unless agreed otherwise) and where it is in its life. How it got there is its history ({@link Mandates#history}).
 */
public record Mandate(long id, int authorityId, long accountId, String accountReference, String reference, BankDetails payer, int paymentDay,
               int agreedNoticeDays, String modulusResult, Status status, @Nullable LocalDate lodgedOn, OffsetDateTime createdAt,
               String createdBy) {

    /**
     * SET_UP: taken, its 0N instruction waiting for an AUDDIS file. LODGED: sent to Bacs in an AUDDIS file. ACTIVE: lodged
     * long enough ago to collect under. SUSPENDED: the bank account moved (ARUDD 3): collect nothing until a new instruction.
     * CANCELLED: ended by the payer, their bank, or the council.
     */
    public enum Status {
        SET_UP, LODGED, ACTIVE, SUSPENDED, CANCELLED;

        boolean isLive() {
            return this != CANCELLED;
        }
    }

    /** The last 4 digits of the payer's account number: enough to confirm with the payer, never the whole number. */
    public String accountNumberEnding() {
        return payer.accountNumber().substring(payer.accountNumber().length() - 4);
    }

    /** The last 2 digits of the payer's sort code. */
    public String sortCodeEnding() {
        return payer.sortCode().substring(payer.sortCode().length() - 2);
    }
}
