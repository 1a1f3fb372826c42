package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import org.reclaim.accounts.Accounts;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends an active arrangement — kept to the end, broken, or cancelled — and ends its recovery holds on the same day,
 * in one transaction. Recovery then carries on from the stage each account had reached: the recovery run derives the
 * next step from the actions already issued, so nothing starts again from the first reminder.
 */
@Component
class ArrangementEnds {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Holds holds;
    private final ArrangementRecords records;
    private final AccessAudit audit;
    private final Clock clock;

    ArrangementEnds(JdbcClient jdbc, Accounts accounts, Holds holds, ArrangementRecords records, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.holds = holds;
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    Arrangement cancel(long id, String reason) {
        if (reason.isBlank()) {
            throw InvalidInput.of("reason", "is required: say why the arrangement is cancelled");
        }
        Arrangement a = records.find(id).orElseThrow(() -> NotFound.of("arrangement", id));
        LocalDate today = LocalDate.now(clock);
        if (!end(a, Arrangement.Status.CANCELLED, today.isBefore(a.madeOn()) ? a.madeOn() : today, reason)) {
            throw Conflict.because("arrangement " + id + " is " + a.status() + (a.endedOn() == null ? "" : " since " + a.endedOn())
                    + ": only an active arrangement can be cancelled");
        }
        return records.read(a.authorityId(), id).orElseThrow();
    }

    /**
     * Moves an active arrangement to {@code status} from {@code on} and ends its holds that day; false (and nothing
     * changed) when it is no longer active.
     */
    boolean end(Arrangement a, Arrangement.Status status, LocalDate on, String reason) {
        int changed = jdbc.sql("""
                update arrangement set status = ?, ended_on = ?, end_reason = ?, ended_by = ?
                where authority_id = ? and id = ? and status = 'ACTIVE'""")
                .params(status.name(), on, reason, AccessAudit.currentUser(), a.authorityId(), a.id()).update();
        if (changed == 0) {
            return false;
        }
        for (Arrangement.InScope s : a.accounts()) {
            var account = accounts.get(s.reference());
            holds.of(account).stream().filter(h -> h.id() == s.holdId() && h.endedOn() == null && (h.endsOn() == null || !h.endsOn().isBefore(on)))
                    .findFirst().ifPresent(h -> holds.end(account, h.id(), on, "arrangement " + a.id() + " " + status.name().toLowerCase()
                            + ": " + reason));
            audit.record(a.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, s.reference(),
                    "arrangement " + a.id() + " " + status.name().toLowerCase() + " from " + on);
        }
        return true;
    }
}
