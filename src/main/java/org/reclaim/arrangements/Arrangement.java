package org.reclaim.arrangements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.shared.Money;

/** An arrangement as recorded: its terms, the accounts it covers with their holds, its schedule and its misses. */
record Arrangement(long id, int authorityId, long partyId, @Nullable Long incomeExpenditureId, Money instalment, PaymentFrequency frequency,
                   LocalDate firstPaymentOn, LocalDate lastPaymentOn, Money total, PaymentMethod method, boolean madeAtFirstContact,
                   @Nullable Money proposal, @Nullable String belowProposalReason, LocalDate madeOn, Status status,
                   @Nullable LocalDate endedOn, @Nullable String endReason, @Nullable String endedBy, OffsetDateTime createdAt,
                   String createdBy, List<InScope> accounts, List<PaymentPlan.Payment> schedule, List<MissView> misses) {

    enum Status { ACTIVE, COMPLETED, BROKEN, CANCELLED }

    record InScope(long accountId, AccountReference reference, RevenueStream stream, Money debt, long holdId) {
    }

    record MissView(LocalDate dueOn, LocalDate noticedOn, Money shortfall) {
    }

    List<ArrangementCheck.Due> dues() {
        return schedule.stream().map(p -> new ArrangementCheck.Due(p.dueOn(), p.amount())).toList();
    }
}
