package org.reclaim.worklists;

import java.time.Clock;
import java.time.LocalDate;
import org.reclaim.arrangements.ArrangementPaymentMissed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A missed arrangement payment puts a call in an officer's queue on each account of the arrangement, due the day it is
 * noticed: the customer can still make it good before a second miss breaks the arrangement (issue 6). Heard inside
 * the monitor's transaction, so the miss and its task are recorded together or not at all; the key makes a monitor run
 * again for the same day raise nothing twice.
 */
@Component
class ArrangementTasks {

    static final String KIND = "ARRANGEMENT_MISSED_PAYMENT";

    private final Worklists worklists;
    private final Clock clock;

    ArrangementTasks(Worklists worklists, Clock clock) {
        this.worklists = worklists;
        this.clock = clock;
    }

    @EventListener
    void on(ArrangementPaymentMissed missed) {
        LocalDate today = LocalDate.now(clock);
        for (long accountId : missed.accountIds()) {
            worklists.raise(accountId, KIND, "the payment due on " + missed.dueOn() + " under arrangement " + missed.arrangementId()
                            + " was missed: call the customer to make it good before a second miss breaks the arrangement",
                    today.isAfter(missed.dueOn()) ? today : missed.dueOn(),
                    "arrangement-missed:" + missed.arrangementId() + ":" + missed.dueOn() + ":" + accountId);
        }
    }
}
