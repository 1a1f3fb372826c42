package org.reclaim.directdebit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.reclaim.directdebit.bacs.BankDetails;

/**
 * A Direct Debit Instruction as it stands: the payer's bank details, the collection day, the notice agreed (10 working
 * days unless agreed otherwise) and where it is in its life. How it got there is its history ({@link Mandates#history}).
 */
record Mandate(long id, int authorityId, long accountId, String accountReference, String reference, BankDetails payer, int paymentDay,
               int agreedNoticeDays, String modulusResult, Status status, @Nullable LocalDate lodgedOn, OffsetDateTime createdAt,
               String createdBy) {

    /**
     * SET_UP: taken, its 0N instruction waiting for an AUDDIS file. LODGED: sent to Bacs in an AUDDIS file. ACTIVE: lodged
     * long enough ago to collect under. SUSPENDED: the bank account moved (ARUDD 3): collect nothing until a new instruction.
     * CANCELLED: ended by the payer, their bank, or the council.
     */
    enum Status {
        SET_UP, LODGED, ACTIVE, SUSPENDED, CANCELLED;

        boolean isLive() {
            return this != CANCELLED;
        }
    }
}
