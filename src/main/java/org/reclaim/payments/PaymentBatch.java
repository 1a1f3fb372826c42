package org.reclaim.payments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives many payments of one authority at once, for runs (the Direct Debit collection run): the same rules as
 * {@link Payments#receive} — the same figures and allocation ({@link PayingAccounts}, {@link Allocator}), the same
 * suspense reasons for money no account can take, the same tables, ledger keys and audit lines — with a handful of
 * set-based queries and COPY instead of a dozen statements a payment.
 * A receipt whose source and source reference were received before is not posted again: its first outcome is returned.
 * Runs in the caller's transaction; the caller keeps the batch to a chunk of accounts (thousands, not millions).
 */
@Service
public class PaymentBatch {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Payments payments;
    private final Accounts accounts;
    private final PayingAccounts paying;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    PaymentBatch(JdbcClient jdbc, DataSource dataSource, Payments payments, Accounts accounts, PayingAccounts paying, Ledger ledger,
                 AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.payments = payments;
        this.accounts = accounts;
        this.paying = paying;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Posts the receipts (all of {@code authorityId}); returns each one's outcome, in the order given. */
    @Transactional
    public List<PaymentOutcome> receiveAll(int authorityId, List<PaymentReceipt> receipts) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        for (PaymentReceipt r : receipts) {
            if (r.authorityId() != authorityId) {
                throw new IllegalArgumentException("a batch holds the payments of one authority");
            }
        }
        Map<String, Long> earlier = earlier(authorityId, receipts);
        // the accounts named, locked in id order and read in a few statements: the figures Payments.receive reads for one
        Set<AccountReference> named = new LinkedHashSet<>();
        receipts.forEach(r -> PayingAccounts.reference(r.reference()).ifPresent(named::add));
        Map<String, PayingAccounts.State> byReference = new HashMap<>();
        paying.readAll(authorityId, accounts.lockAll(authorityId, named)).values()
                .forEach(state -> byReference.put(state.account().reference().value(), state));

        List<PaymentReceipt> fresh = new ArrayList<>();
        for (PaymentReceipt r : receipts) {
            if (!earlier.containsKey(key(r))) {
                fresh.add(r);
            }
        }
        List<Long> ids = fresh.isEmpty() ? List.of() : jdbc.sql("select nextval(pg_get_serial_sequence('payment', 'id')) from generate_series(1, ?)")
                .param(fresh.size()).query(Long.class).list();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        CopyRows paymentRows = new CopyRows("payment", "authority_id, id, source, source_reference, method, amount_pence, received_on, "
                + "reference_given, payer_name, named_year, suspense_reason, received_at, received_by");
        CopyRows matchRows = new CopyRows("payment_match", "authority_id, payment_id, account_id, matched_how, note, matched_at, matched_by");
        record Line(long paymentId, int line, long accountId, Allocation allocation) {
        }
        List<Line> lines = new ArrayList<>();
        List<Ledger.AccountPosting> postings = new ArrayList<>();
        List<AccessAudit.Noted> noted = new ArrayList<>();
        Map<String, PaymentOutcome> byKey = new HashMap<>();
        int next = 0;
        for (PaymentReceipt r : fresh) {
            if (byKey.containsKey(key(r))) {
                continue;   // the same record twice in one batch: the second is a repeat of the first
            }
            long id = ids.get(next++);
            Optional<AccountReference> reference = PayingAccounts.reference(r.reference());
            PayingAccounts.State state = reference.map(ref -> byReference.get(ref.value())).orElse(null);
            boolean postable = state != null && state.canTake();
            String suspense = postable ? null : PayingAccounts.suspenseReason(r, reference,
                    state != null ? Optional.of(state.account()) : reference.flatMap(accounts::find));
            paymentRows.add(authorityId, id, r.source(), r.sourceReference(), r.method().name(), r.amount().pence(), r.receivedOn(),
                    r.reference(), r.payerName(), r.namedYear() == null ? null : r.namedYear().startYear(), suspense, now, user);
            if (!postable) {
                byKey.put(key(r), new PaymentOutcome(id, PaymentOutcome.Status.SUSPENSE, null, List.of(), suspense, false));
                continue;
            }
            Account account = state.account();
            List<Allocation> allocations = state.allocate(r);
            state.apply(allocations);
            matchRows.add(authorityId, id, account.id(), "REFERENCE", null, now, user);
            for (int i = 0; i < allocations.size(); i++) {
                Posting posting = PayingAccounts.posting(id, i + 1, r, account.reference(), allocations.get(i));
                postings.add(new Ledger.AccountPosting(account.id(), posting));
                lines.add(new Line(id, i + 1, account.id(), allocations.get(i)));
                noted.add(new AccessAudit.Noted(authorityId, AccessAudit.Subject.ACCOUNT, account.reference().value(),
                        PayingAccounts.auditDetail(posting)));
            }
            byKey.put(key(r), new PaymentOutcome(id, PaymentOutcome.Status.POSTED, account.reference().value(), allocations, null, false));
        }
        paymentRows.copyInto(dataSource);
        matchRows.copyInto(dataSource);
        List<Long> entryIds = ledger.copyAll(authorityId, postings);
        CopyRows allocationRows = new CopyRows("payment_allocation", "authority_id, payment_id, line, account_id, financial_year, part, "
                + "amount_pence, ledger_entry_id, reason, allocated_at, allocated_by");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            allocationRows.add(authorityId, l.paymentId(), l.line(), l.accountId(), l.allocation().year().startYear(), l.allocation().part().name(),
                    l.allocation().amount().pence(), entryIds.get(i), "received", now, user);
        }
        allocationRows.copyInto(dataSource);
        audit.recordEach(AccessAudit.Action.CHANGE, noted);

        List<PaymentOutcome> outcomes = new ArrayList<>(receipts.size());
        for (PaymentReceipt r : receipts) {
            PaymentOutcome outcome = byKey.get(key(r));
            if (outcome == null) {
                PaymentOutcome first = payments.outcome(payments.received(earlier.get(key(r))));
                outcome = new PaymentOutcome(first.paymentId(), first.status(), first.accountReference(), first.allocations(),
                        first.suspenseReason(), true);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static String key(PaymentReceipt r) {
        return r.source() + "\u0000" + r.sourceReference();
    }

    /** Receipts received before, by source and source reference. */
    private Map<String, Long> earlier(int authorityId, List<PaymentReceipt> receipts) {
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("""
                select p.source, p.source_reference, p.id from payment p
                join unnest(cast(? as text[]), cast(? as text[])) as r (source, source_reference) on r.source = p.source and r.source_reference = p.source_reference
                where p.authority_id = ?""")
                .params(textArray(receipts.stream().map(PaymentReceipt::source).toList()),
                        textArray(receipts.stream().map(PaymentReceipt::sourceReference).toList()), authorityId)
                .query((rs, n) -> found.put(rs.getString(1) + "\u0000" + rs.getString(2), rs.getLong(3))).list();
        return found;
    }

    private static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }
}
