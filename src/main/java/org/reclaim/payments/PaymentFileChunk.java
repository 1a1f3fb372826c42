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
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CopyRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts one chunk of a payment file's lines in one transaction, with exactly the result {@link Payments#receive} would
 * give taking them one by one in file order: the same decision (account or suspense, and why), the same allocation by
 * {@link Allocator} from the same {@link PayingAccounts} figures, and the same rows in payment, payment_match,
 * payment_allocation, the ledger and the access audit. What differs is how: the chunk's accounts are locked and read
 * in a few set-based statements, and its rows are written with COPY.
 * <p>
 * A chunk holds every line of the file that names a given account (see {@link PaymentFiles}), so chunks running side
 * by side touch different accounts and each account's payments are allocated in file order.
 */
@Service
class PaymentFileChunk {

    /** A file line as money received. */
    record Line(int line, PaymentReceipt receipt) {
    }

    private record Decided(Line line, long paymentId, PayingAccounts.@Nullable State state, List<Allocation> allocations,
                           @Nullable String suspenseReason) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final Authorities authorities;
    private final PayingAccounts paying;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    PaymentFileChunk(JdbcClient jdbc, DataSource dataSource, Accounts accounts, Authorities authorities, PayingAccounts paying, Ledger ledger,
                     AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.authorities = authorities;
        this.paying = paying;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Posts the lines not received before; a line received before with another amount or reference is rejected here. */
    @Transactional
    void post(int authorityId, long fileId, String source, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Line> fresh = new ArrayList<>();
        List<PaymentFileLines.Rejection> rejections = new ArrayList<>();
        Map<String, Payments.Received> before = receivedBefore(authorityId, source, lines);
        for (Line l : lines) {
            Payments.Received first = before.get(l.receipt().sourceReference());
            if (first == null) {
                fresh.add(l);
            } else if (!Payments.sameMoney(first.receipt(), l.receipt())) {
                rejections.add(new PaymentFileLines.Rejection(l.line(), Payments.notARepeat(first.receipt(), l.receipt()),
                        "(received before as payment " + first.id() + ")"));
            }
        }
        reject(authorityId, fileId, rejections);
        if (fresh.isEmpty()) {
            return;
        }
        int prefix = authorities.byId(authorityId).referencePrefix();
        Set<AccountReference> named = new LinkedHashSet<>();
        for (Line l : fresh) {
            PayingAccounts.reference(l.receipt().reference()).filter(r -> r.authorityPrefix() == prefix).ifPresent(named::add);
        }
        Map<String, PayingAccounts.State> byReference = new HashMap<>();
        paying.readAll(authorityId, accounts.lockAll(authorityId, named)).values()
                .forEach(s -> byReference.put(s.account().reference().value(), s));
        List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('payment', 'id')) from generate_series(1, ?)")
                .param(fresh.size()).query(Long.class).list();
        List<Decided> decided = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Line l = fresh.get(i);
            Optional<AccountReference> reference = PayingAccounts.reference(l.receipt().reference());
            PayingAccounts.State state = reference.map(r -> byReference.get(r.value())).orElse(null);
            if (state != null && state.canTake()) {
                List<Allocation> allocations = state.allocate(l.receipt());
                state.apply(allocations);
                decided.add(new Decided(l, ids.get(i), state, allocations, null));
            } else {
                // the account of another authority, or none: the rare case, looked up one by one for the officer's reason
                Optional<Account> found = state != null ? Optional.of(state.account())
                        : reference.filter(r -> r.authorityPrefix() != prefix).flatMap(accounts::find);
                decided.add(new Decided(l, ids.get(i), null, List.of(), PayingAccounts.suspenseReason(l.receipt(), reference, found)));
            }
        }
        write(authorityId, fileId, decided);
    }

    /** Records rejected lines; one recorded before (an import carried on after a crash) is left as it is. */
    void reject(int authorityId, long fileId, List<PaymentFileLines.Rejection> rejections) {
        if (rejections.isEmpty()) {
            return;
        }
        jdbc.sql("""
                insert into payment_file_rejection (authority_id, file_id, line, reason, raw_text)
                select ?, ?, r.line, r.reason, r.raw_text from unnest(?, ?, ?) as r (line, reason, raw_text)
                on conflict do nothing""")
                .params(authorityId, fileId, rejections.stream().map(PaymentFileLines.Rejection::line).toArray(Integer[]::new),
                        rejections.stream().map(PaymentFileLines.Rejection::reason).toArray(String[]::new),
                        rejections.stream().map(PaymentFileLines.Rejection::raw).toArray(String[]::new))
                .update();
    }

    private Map<String, Payments.Received> receivedBefore(int authorityId, String source, List<Line> lines) {
        Map<String, Payments.Received> before = new HashMap<>();
        jdbc.sql(Payments.RECEIVED + " where authority_id = ? and source = ? and source_reference = any(?)")
                .params(authorityId, source, lines.stream().map(l -> l.receipt().sourceReference()).toArray(String[]::new))
                .query(Payments::received)
                .list()
                .forEach(r -> before.put(r.receipt().sourceReference(), r));
        return before;
    }

    private void write(int authorityId, long fileId, List<Decided> decided) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        CopyRows payments = new CopyRows("payment", """
                authority_id, id, source, source_reference, method, amount_pence, received_on, reference_given, payer_name, named_year,
                suspense_reason, received_at, received_by, file_id, file_line""");
        CopyRows matches = new CopyRows("payment_match", "authority_id, payment_id, account_id, matched_how, note, matched_at, matched_by");
        List<Ledger.AccountPosting> postings = new ArrayList<>();
        List<AccessAudit.Noted> noted = new ArrayList<>();
        for (Decided d : decided) {
            PaymentReceipt r = d.line().receipt();
            payments.add(authorityId, d.paymentId(), r.source(), r.sourceReference(), r.method().name(), r.amount().pence(), r.receivedOn(),
                    r.reference(), r.payerName(), r.namedYear() == null ? null : r.namedYear().startYear(), d.suspenseReason(), now, user,
                    fileId, d.line().line());
            if (d.state() == null) {
                continue;
            }
            Account account = d.state().account();
            matches.add(authorityId, d.paymentId(), account.id(), "REFERENCE", null, now, user);
            for (int i = 0; i < d.allocations().size(); i++) {
                Posting p = PayingAccounts.posting(d.paymentId(), i + 1, r, account.reference(), d.allocations().get(i));
                postings.add(new Ledger.AccountPosting(account.id(), p));
                noted.add(new AccessAudit.Noted(authorityId, AccessAudit.Subject.ACCOUNT, account.reference().value(),
                        PayingAccounts.auditDetail(p)));
            }
        }
        // a line another import has just posted fails the COPY on the payment's unique key: the chunk rolls back and is tried again
        payments.copyInto(dataSource);
        matches.copyInto(dataSource);
        List<Long> entryIds = ledger.copyAll(authorityId, postings);
        int posting = 0;
        CopyRows allocations = new CopyRows("payment_allocation", """
                authority_id, payment_id, line, account_id, financial_year, part, amount_pence, ledger_entry_id, reason, allocated_at,
                allocated_by""");
        for (Decided d : decided) {
            for (int i = 0; i < d.allocations().size(); i++) {
                Allocation a = d.allocations().get(i);
                allocations.add(authorityId, d.paymentId(), i + 1, d.state().account().id(), a.year().startYear(), a.part().name(),
                        a.amount().pence(), entryIds.get(posting++), "received", now, user);
            }
        }
        allocations.copyInto(dataSource);
        audit.recordEach(AccessAudit.Action.CHANGE, noted);
    }
}
