package org.reclaim.payments;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
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
import org.springframework.stereotype.Component;

/**
 * Many payments of one authority received at once — a payment file's chunk, a Direct Debit run's chunk — decided and
 * written as {@link Payments#receive} does one by one: the same account or suspense (and why), the same allocation by
 * {@link Allocator} from the same {@link PayingAccounts} figures, the same rows in payment, payment_allocation, the
 * ledger and the access audit. What differs is how: the accounts are locked and read in a few set-based statements,
 * and the rows are written with COPY. Runs in the caller's transaction.
 */
@Component
class PaymentRows {

    /** A payment decided: to an account with its allocations, or to suspense with the reason. */
    record Decided(long paymentId, PaymentReceipt receipt, PayingAccounts.@Nullable State state, List<Allocation> allocations,
                   @Nullable String suspenseReason, @Nullable Long fileId, @Nullable Integer fileLine) {
    }

    /** The accounts of one authority that a batch names, locked, as payments see them, by reference. */
    record Locked(int referencePrefix, Map<String, PayingAccounts.State> byReference) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final Authorities authorities;
    private final PayingAccounts paying;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    PaymentRows(JdbcClient jdbc, DataSource dataSource, Accounts accounts, Authorities authorities, PayingAccounts paying, Ledger ledger,
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

    /** Locks (in id order) and reads the authority's accounts the receipts name, by reference. */
    Locked lockAndRead(int authorityId, Collection<PaymentReceipt> receipts) {
        int prefix = authorities.byId(authorityId).referencePrefix();
        Set<AccountReference> named = new LinkedHashSet<>();
        for (PaymentReceipt r : receipts) {
            PayingAccounts.reference(r.reference()).filter(ref -> ref.authorityPrefix() == prefix).ifPresent(named::add);
        }
        Map<String, PayingAccounts.State> byReference = new HashMap<>();
        paying.readAll(authorityId, accounts.lockAll(authorityId, named)).values()
                .forEach(s -> byReference.put(s.account().reference().value(), s));
        return new Locked(prefix, byReference);
    }

    /** Ids for that many new payments, taken from the payment table's own sequence. */
    List<Long> newPaymentIds(int count) {
        return count == 0 ? List.of() : jdbc.sql("select nextval(pg_get_serial_sequence('payment', 'id')) from generate_series(1, ?)")
                .param(count).query(Long.class).list();
    }

    /**
     * Decides where a payment goes and, if to an account, allocates it and takes it into that account's state, so
     * that the next payment to the account is allocated against what is left.
     */
    Decided decide(long paymentId, PaymentReceipt receipt, Locked locked, @Nullable Long fileId, @Nullable Integer fileLine) {
        Optional<AccountReference> reference = PayingAccounts.reference(receipt.reference());
        PayingAccounts.State state = reference.map(r -> locked.byReference().get(r.value())).orElse(null);
        if (state != null && state.canTake()) {
            List<Allocation> allocations = state.allocate(receipt);
            state.apply(allocations);
            return new Decided(paymentId, receipt, state, allocations, null, fileId, fileLine);
        }
        // another authority's account, or none (this authority's were all read): the rare case, looked up one by one
        // for the officer's reason
        Optional<Account> found = state != null ? Optional.of(state.account())
                : reference.filter(r -> r.authorityPrefix() != locked.referencePrefix()).flatMap(accounts::find);
        return new Decided(paymentId, receipt, null, List.of(), PayingAccounts.suspenseReason(receipt, reference, found), fileId, fileLine);
    }

    /** Writes the payments, their ledger entries, allocations and audit lines. */
    void write(int authorityId, List<Decided> decided) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        CopyRows payments = new CopyRows("payment", """
                authority_id, id, source, source_reference, method, amount_pence, received_on, reference_given, payer_name, named_year,
                suspense_reason, received_at, received_by, file_id, file_line, account_id, matched_how, matched_at, matched_by""");
        List<Ledger.AccountPosting> postings = new ArrayList<>();
        List<AccessAudit.Noted> noted = new ArrayList<>();
        for (Decided d : decided) {
            PaymentReceipt r = d.receipt();
            Account account = d.state() == null ? null : d.state().account();
            payments.add(authorityId, d.paymentId(), r.source(), r.sourceReference(), r.method().name(), r.amount().pence(), r.receivedOn(),
                    r.reference(), r.payerName(), r.namedYear() == null ? null : r.namedYear().startYear(), d.suspenseReason(), now, user,
                    d.fileId(), d.fileLine(), account == null ? null : account.id(), account == null ? null : "REFERENCE",
                    account == null ? null : now, account == null ? null : user);
            for (int i = 0; account != null && i < d.allocations().size(); i++) {
                Posting p = PayingAccounts.posting(d.paymentId(), i + 1, r, account.reference(), d.allocations().get(i));
                postings.add(new Ledger.AccountPosting(account.id(), p));
                noted.add(new AccessAudit.Noted(authorityId, AccessAudit.Subject.ACCOUNT, account.reference().value(),
                        PayingAccounts.auditDetail(p)));
            }
        }
        // a payment another import or run has just written fails the COPY on the payment's unique key: the caller's
        // transaction rolls back and nothing of it stays
        payments.copyInto(dataSource);
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
