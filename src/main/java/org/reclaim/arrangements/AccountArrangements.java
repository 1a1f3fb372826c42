package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Service;

/** The arrangements an account has been in, newest first, as the officer's account view shows them. */
@Service
public class AccountArrangements {

    /**
     * One arrangement on the account: its terms, where it stands, and its next payment on or after the day asked about
     * (null when none is left). {@code status} is ACTIVE, COMPLETED, BROKEN or CANCELLED.
     */
    public record Summary(long id, Money instalment, String frequency, String method, LocalDate madeOn, String madeBy,
                          LocalDate firstPaymentOn, LocalDate lastPaymentOn, Money total, String status, @Nullable LocalDate endedOn,
                          @Nullable String endReason, @Nullable LocalDate nextPaymentOn, @Nullable Money nextPayment, int misses) {

        public boolean active() {
            return status.equals(Arrangement.Status.ACTIVE.name());
        }
    }

    private final ArrangementRecords records;

    AccountArrangements(ArrangementRecords records) {
        this.records = records;
    }

    public List<Summary> of(Account account, LocalDate today) {
        return records.onAccount(account.authorityId(), account.id()).stream()
                .map(id -> records.read(account.authorityId(), id).orElseThrow())
                .map(a -> {
                    PaymentPlan.Payment next = a.schedule().stream().filter(p -> !p.dueOn().isBefore(today)).findFirst().orElse(null);
                    return new Summary(a.id(), a.instalment(), a.frequency().name(), a.method().name(), a.madeOn(), a.createdBy(),
                            a.firstPaymentOn(), a.lastPaymentOn(), a.total(), a.status().name(), a.endedOn(), a.endReason(),
                            next == null ? null : next.dueOn(), next == null ? null : next.amount(), a.misses().size());
                })
                .toList();
    }
}
