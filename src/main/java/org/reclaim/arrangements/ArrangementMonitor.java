package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily check of an authority's active arrangements for a business date. Each arrangement is checked and changed
 * in its own transaction, so a crash loses at most the one in hand; a miss is recorded once (its key is the payment's
 * due date) and an arrangement ends once, so running the same date again does nothing more.
 */
@Service
class ArrangementMonitor {

    static final String MISSED_PAYMENT_LETTER = "ARRANGEMENT_MISSED_PAYMENT";

    record Run(long id, String authority, LocalDate businessDate, int checked, int reminded, int broken, int completed,
               List<Long> remindedArrangements, List<Long> brokenArrangements, List<Long> completedArrangements) {
    }

    private final JdbcClient jdbc;
    private final ArrangementRecords records;
    private final ArrangementPolicies policies;
    private final ArrangementEnds ends;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ArrangementMonitor(JdbcClient jdbc, ArrangementRecords records, ArrangementPolicies policies, ArrangementEnds ends,
                       ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.policies = policies;
        this.ends = ends;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    Run run(BillingAuthority authority, LocalDate date) {
        long runId = jdbc.sql("""
                insert into arrangement_monitor_run (authority_id, business_date, started_at, started_by) values (?, ?, ?, ?) returning id""")
                .params(authority.id(), date, OffsetDateTime.now(clock), AccessAudit.currentUser()).query(Long.class).single();
        ArrangementPolicies.Policy policy = policies.current(authority.id());
        List<Long> reminded = new ArrayList<>();
        List<Long> broken = new ArrayList<>();
        List<Long> completed = new ArrayList<>();
        List<Long> active = records.activeOn(authority.id(), date);
        for (long id : active) {
            ArrangementCheck.Outcome outcome = transactions.execute(tx -> checkOne(authority.id(), id, date, policy));
            if (outcome instanceof ArrangementCheck.Missed) {
                reminded.add(id);
            } else if (outcome instanceof ArrangementCheck.Broken) {
                broken.add(id);
            } else if (outcome instanceof ArrangementCheck.Completed) {
                completed.add(id);
            }
        }
        jdbc.sql("""
                update arrangement_monitor_run set checked = ?, reminded = ?, broken = ?, completed = ?, finished_at = ?
                where authority_id = ? and id = ?""")
                .params(active.size(), reminded.size(), broken.size(), completed.size(), OffsetDateTime.now(clock), authority.id(), runId).update();
        return new Run(runId, authority.gssCode(), date, active.size(), reminded.size(), broken.size(), completed.size(), reminded, broken, completed);
    }

    private ArrangementCheck.Outcome checkOne(int authorityId, long id, LocalDate date, ArrangementPolicies.Policy policy) {
        // the row lock makes a second monitor for the same authority wait, then find the arrangement already handled
        String status = jdbc.sql("select status from arrangement where authority_id = ? and id = ? for update")
                .params(authorityId, id).query(String.class).single();
        if (!status.equals("ACTIVE")) {
            return new ArrangementCheck.Kept(Money.ZERO);
        }
        Arrangement a = records.read(authorityId, id).orElseThrow();
        // money received on the arrangement's accounts since it was made, net of payments returned unpaid
        Money paid = Money.ofPence(jdbc.sql("""
                select coalesce(-sum(e.amount_pence), 0) from ledger_entry e
                join arrangement_account aa on aa.authority_id = e.authority_id and aa.account_id = e.account_id
                where aa.authority_id = ? and aa.arrangement_id = ? and e.entry_type in ('PAYMENT', 'PAYMENT_REVERSAL')
                  and e.effective_on >= ? and e.effective_on <= ?""")
                .params(authorityId, id, a.madeOn(), date).query(Long.class).single());
        List<ArrangementCheck.Miss> recorded = a.misses().stream().map(m -> new ArrangementCheck.Miss(m.dueOn(), m.noticedOn())).toList();
        ArrangementCheck.Outcome outcome = ArrangementCheck.check(a.dues(), paid, recorded, date, policy.graceDays(), policy.makeGoodDays());
        if (outcome instanceof ArrangementCheck.Completed) {
            ends.end(a, Arrangement.Status.COMPLETED, date, "every scheduled payment received");
        } else if (outcome instanceof ArrangementCheck.Missed m) {
            remind(a, m.dueOn(), m.shortfall(), date);
        } else if (outcome instanceof ArrangementCheck.Broken b) {
            b.newMisses().forEach(due -> recordMiss(a, due, b.shortfall(), date));
            ends.end(a, Arrangement.Status.BROKEN, date, b.reason());
        }
        return outcome;
    }

    /** The first miss: recorded, a reminder letter requested and the event published, each once for the payment. */
    private void remind(Arrangement a, LocalDate dueOn, Money shortfall, LocalDate date) {
        if (!recordMiss(a, dueOn, shortfall, date)) {
            return;
        }
        jdbc.sql("""
                insert into arrangement_document_request (authority_id, arrangement_id, due_on, document_code, requested_on)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(a.authorityId(), a.id(), dueOn, MISSED_PAYMENT_LETTER, date).update();
        events.publishEvent(new ArrangementPaymentMissed(a.id(), a.accounts().stream().map(Arrangement.InScope::accountId).toList(), dueOn));
    }

    private boolean recordMiss(Arrangement a, LocalDate dueOn, Money shortfall, LocalDate date) {
        return jdbc.sql("""
                insert into arrangement_miss (authority_id, arrangement_id, due_on, noticed_on, shortfall_pence)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(a.authorityId(), a.id(), dueOn, date, shortfall.pence()).update() == 1;
    }
}
