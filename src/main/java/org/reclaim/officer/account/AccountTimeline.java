package org.reclaim.officer.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.arrangements.AccountArrangements;
import org.reclaim.directdebit.AccountMandate;
import org.reclaim.documents.Document;
import org.reclaim.documents.Documents;
import org.reclaim.notify.AccountMessages;
import org.reclaim.officer.Labels;
import org.reclaim.shared.Money;
import org.reclaim.worklists.AccountTasks;
import org.reclaim.worklists.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Everything that happened on an account, newest first, in one list: the recovery module's published
 * {@code recovery_timeline} view (notices, holds, passed-over steps, court outcomes, referrals, contacts, enforcement
 * returns), the ledger's bills and payments, arrangements made and ended, Direct Debit mandate events, worklist tasks,
 * the emails and texts sent through GOV.UK Notify (or held back, with why), and the letters sent (each with a link to its PDF).
 */
@Component
public class AccountTimeline {

    /**
     * One thing that happened: when, what kind of thing, what, more detail, who did it, the money if any, and a page to
     * open it (a letter's PDF) if any.
     */
    public record Entry(LocalDate on, String kind, String what, String detail, String who, @Nullable Money amount, @Nullable String link) {
        public Entry(LocalDate on, String kind, String what, String detail, String who, @Nullable Money amount) {
            this(on, kind, what, detail, who, amount, null);
        }
    }

    private final JdbcClient jdbc;
    private final AccountTasks tasks;
    private final Labels labels;
    private final AccountMessages messages;
    private final Documents documents;

    AccountTimeline(JdbcClient jdbc, AccountTasks tasks, Labels labels, AccountMessages messages, Documents documents) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.labels = labels;
        this.messages = messages;
        this.documents = documents;
    }

    List<Entry> of(Account account, List<LedgerEntry> ledger, List<AccountArrangements.Summary> arrangements,
                   AccountMandate.@Nullable Summary mandate) {
        List<Entry> entries = new ArrayList<>(recovery(account));
        for (LedgerEntry e : ledger) {
            entries.add(new Entry(e.effectiveOn(), ledgerKind(e.type()), e.description(), e.financialYear().toString(), e.postedBy(), e.amount()));
        }
        for (AccountArrangements.Summary a : arrangements) {
            entries.add(new Entry(a.madeOn(), "Arrangement made", a.instalment() + " " + words(a.frequency()) + " by " + words(a.method()),
                    "from " + a.firstPaymentOn() + " to " + a.lastPaymentOn() + ", " + a.total() + " in all", a.madeBy(), a.total()));
            if (a.endedOn() != null) {
                entries.add(new Entry(a.endedOn(), "Arrangement " + a.status().toLowerCase(java.util.Locale.ROOT), words(a.status()),
                        a.endReason() == null ? "" : a.endReason(), "", null));
            }
        }
        if (mandate != null) {
            for (AccountMandate.Event e : mandate.events()) {
                entries.add(new Entry(e.at().atZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalDate(), "Direct Debit",
                        words(e.event()), e.detail(), e.by(), null));
            }
        }
        for (Task t : tasks.of(account)) {
            entries.add(new Entry(t.createdAt().atZoneSameInstant(java.time.ZoneId.of("Europe/London")).toLocalDate(), "Task",
                    words(t.kind()) + " (" + words(t.state().name()) + ")", t.reason(), t.createdBy(), null));
        }
        for (AccountMessages.Entry m : messages.of(account)) {
            entries.add(new Entry(m.on(), m.kind(), words(m.what()), m.detail(), m.who(), null));
        }
        for (Document d : documents.ofAccount(account.authorityId(), account.id())) {
            entries.add(new Entry(d.businessDate(), "Letter", words(d.documentCode()), d.pageCount() + (d.pageCount() == 1 ? " page" : " pages"),
                    d.createdBy(), null, "/accounts/" + account.reference().value() + "/documents/" + d.id()));
        }
        // newest first; the sort is stable, so entries of one day keep the order they were added in
        entries.sort(Comparator.comparing(Entry::on).reversed());
        return entries;
    }

    /** The recovery module's view, read by (authority_id, account_id): each of its branches has an index that leads with them. */
    private List<Entry> recovery(Account account) {
        return jdbc.sql("""
                select happened_on, kind, what, rule, who, amount_pence, costs_pence from recovery_timeline
                where authority_id = ? and account_id = ?""")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> {
                    Long amount = (Long) rs.getObject(6);
                    Long costs = (Long) rs.getObject(7);
                    String kind = rs.getString(2);
                    String detail = rs.getString(4) == null ? "" : rs.getString(4);
                    if (costs != null && costs != 0) {
                        detail = detail + (detail.isEmpty() ? "" : "; ") + "costs " + Money.ofPence(costs);
                    }
                    return new Entry(rs.getObject(1, LocalDate.class), recoveryKind(kind), words(rs.getString(3)), detail,
                            rs.getString(5) == null ? "" : rs.getString(5), amount == null ? null : Money.ofPence(amount));
                })
                .list();
    }

    private String recoveryKind(String kind) {
        return switch (kind) {
            case "ACTION" -> "Notice";
            case "HOLD_PLACED" -> "Hold placed";
            case "HOLD_ENDED" -> "Hold ended";
            case "PASSED_OVER" -> "Passed over";
            case "COURT_OUTCOME" -> "Court outcome";
            case "REFERRAL" -> "Referral";
            case "CONTACT" -> "Contact";
            case "ENFORCEMENT_RETURN" -> "Enforcement return";
            default -> words(kind);
        };
    }

    private static String ledgerKind(EntryType type) {
        return switch (type) {
            case CHARGE -> "Bill";
            case PAYMENT -> "Payment";
            case PAYMENT_REVERSAL -> "Payment returned";
            case COSTS -> "Costs";
            case ADJUSTMENT -> "Adjustment";
            case WRITE_OFF -> "Write-off";
            case REFUND -> "Refund";
            case TRANSFER -> "Transfer";
        };
    }

    private String words(@Nullable String code) {
        return labels.words(code);
    }
}
