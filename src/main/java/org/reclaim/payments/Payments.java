package org.reclaim.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives money from any channel and posts it, once: to the account its reference names, split over the account's
 * years by the authority's rule, or, when it names no account that can take it, to suspense for an officer to match.
 * Nothing received is ever dropped.
 */
@Service
public class Payments {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Ledger ledger;
    private final PayingAccounts paying;
    private final Authorities authorities;
    private final AccessAudit audit;
    private final Clock clock;

    Payments(JdbcClient jdbc, Accounts accounts, Ledger ledger, PayingAccounts paying, Authorities authorities, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ledger = ledger;
        this.paying = paying;
        this.authorities = authorities;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the payment and posts it, or returns what became of it the first time if this source has sent this
     * record before. The same source reference with a different amount or reference is refused: it is not a repeat.
     * The account is locked before it is judged able to take the payment, so that a closed account's balance cannot
     * change between the judging and the posting.
     */
    @Transactional
    public PaymentOutcome receive(PaymentReceipt receipt) {
        authorities.byId(receipt.authorityId());
        Optional<AccountReference> reference = PayingAccounts.reference(receipt.reference());
        Optional<Account> found = reference.flatMap(accounts::find);
        PayingAccounts.State state = null;
        if (found.isPresent() && found.get().authorityId() == receipt.authorityId()) {
            accounts.lock(found.get());
            state = paying.read(found.get());
        }
        String suspenseReason = state != null && state.canTake() ? null : PayingAccounts.suspenseReason(receipt, reference, found);
        Long id = jdbc.sql("""
                insert into payment (authority_id, source, source_reference, method, amount_pence, received_on, reference_given, payer_name,
                                     named_year, suspense_reason, received_at, received_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (authority_id, source, source_reference) do nothing returning id""")
                .params(receipt.authorityId(), receipt.source(), receipt.sourceReference(), receipt.method().name(), receipt.amount().pence(),
                        receipt.receivedOn(), receipt.reference(), receipt.payerName(),
                        receipt.namedYear() == null ? null : receipt.namedYear().startYear(), suspenseReason, OffsetDateTime.now(clock),
                        AccessAudit.currentUser())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return repeat(receipt);
        }
        if (state == null || suspenseReason != null) {
            return new PaymentOutcome(id, PaymentOutcome.Status.SUSPENSE, null, List.of(), suspenseReason, false);
        }
        return post(id, receipt, state, "REFERENCE", null);
    }

    /** Matches a payment in suspense to an account, as an officer decides; the account may be closed. */
    @Transactional
    public PaymentOutcome match(long paymentId, AccountReference reference, String note) {
        Received payment = received(paymentId);
        lock(payment);
        if (matchedAccount(payment.authorityId(), paymentId).isPresent()) {
            throw Conflict.because("payment " + paymentId + " is not in suspense: it was posted to account "
                    + outcome(payment).accountReference());
        }
        Account account = accounts.find(reference).orElseThrow(() -> InvalidInput.of("accountReference", "there is no account " + reference));
        if (account.authorityId() != payment.authorityId()) {
            throw InvalidInput.of("accountReference", "account " + reference + " belongs to another authority than the payment");
        }
        accounts.lock(account);
        return post(paymentId, payment.receipt(), paying.read(account), "OFFICER", note);
    }

    /** Posts a payment to a locked account: the same allocation and rows as a payment file's, one ledger entry at a time. */
    private PaymentOutcome post(long paymentId, PaymentReceipt receipt, PayingAccounts.State state, String how, @Nullable String note) {
        Account account = state.account();
        List<Allocation> allocations = state.allocate(receipt);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        jdbc.sql("""
                update payment set account_id = ?, matched_how = ?, match_note = ?, matched_at = ?, matched_by = ?
                where authority_id = ? and id = ? and account_id is null""")
                .params(account.id(), how, note, now, user, account.authorityId(), paymentId).update();
        int line = 1;
        for (Allocation a : allocations) {
            LedgerEntry entry = ledger.post(PayingAccounts.posting(paymentId, line, receipt, account.reference(), a));
            jdbc.sql("""
                    insert into payment_allocation (authority_id, payment_id, line, account_id, financial_year, part, amount_pence,
                                                    ledger_entry_id, reason, allocated_at, allocated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(account.authorityId(), paymentId, line, account.id(), a.year().startYear(), a.part().name(), a.amount().pence(),
                            entry.id(), "received", now, user).update();
            line++;
        }
        return new PaymentOutcome(paymentId, PaymentOutcome.Status.POSTED, account.reference().value(), allocations, null, false);
    }

    /**
     * An officer's re-allocation of a payment to other years or parts, with the reason (a payer who meant last year's
     * bill, a payment that should have cleared costs). The years whose share changes get a TRANSFER entry dated the day
     * the money came, so arrears read as if it had been set so from the start; the allocation lines record the change.
     * Asking for the allocation the payment already has changes nothing.
     */
    @Transactional
    public PaymentOutcome reallocate(long paymentId, List<Allocation> wanted, String reason) {
        Received payment = received(paymentId);
        lock(payment);
        PaymentOutcome current = outcome(payment);
        if (current.status() != PaymentOutcome.Status.POSTED) {
            throw Conflict.because("payment " + paymentId + " is in suspense: match it to an account first");
        }
        Money wantedTotal = wanted.stream().map(Allocation::amount).reduce(Money.ZERO, Money::plus);
        if (!wantedTotal.equals(payment.receipt().amount()) || wanted.stream().anyMatch(a -> !a.amount().isPositive())) {
            throw InvalidInput.of("allocations", "must be positive amounts adding up to the payment's " + payment.receipt().amount()
                    + " (they add up to " + wantedTotal + ")");
        }
        Account account = accounts.get(AccountReference.parse(current.accountReference()));
        accounts.lock(account);
        current = outcome(payment);   // read again under the locks: what it is now, not what it was when asked
        record YearPart(FinancialYear year, Allocation.Part part) {
        }
        java.util.Map<YearPart, Money> change = new java.util.LinkedHashMap<>();
        current.allocations().forEach(a -> change.merge(new YearPart(a.year(), a.part()), a.amount().negate(), Money::plus));
        wanted.forEach(a -> change.merge(new YearPart(a.year(), a.part()), a.amount(), Money::plus));
        java.util.Map<FinancialYear, Money> byYear = new java.util.TreeMap<>();
        change.forEach((yearPart, amount) -> byYear.merge(yearPart.year(), amount, Money::plus));
        java.util.Map<FinancialYear, Long> entries = new java.util.HashMap<>();
        byYear.forEach((year, more) -> {
            if (!more.isZero()) {
                entries.put(year, ledger.post(new Posting(account.reference(), year, EntryType.TRANSFER, more.negate(),
                        payment.receipt().receivedOn(), null, "Payment " + paymentId + " re-allocated: " + reason, null, null)).id());
            }
        });
        int line = jdbc.sql("select coalesce(max(line), 0) from payment_allocation where authority_id = ? and payment_id = ?")
                .params(account.authorityId(), paymentId).query(Integer.class).single();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (var c : change.entrySet()) {
            if (c.getValue().isZero()) {
                continue;
            }
            jdbc.sql("""
                    insert into payment_allocation (authority_id, payment_id, line, account_id, financial_year, part, amount_pence,
                                                    ledger_entry_id, reason, allocated_at, allocated_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(account.authorityId(), paymentId, ++line, account.id(), c.getKey().year().startYear(), c.getKey().part().name(),
                            c.getValue().pence(), entries.get(c.getKey().year()), reason, now, AccessAudit.currentUser())
                    .update();
        }
        return outcome(payment);
    }

    private PaymentOutcome repeat(PaymentReceipt receipt) {
        Received first = jdbc.sql(RECEIVED + " where authority_id = ? and source = ? and source_reference = ?")
                .params(receipt.authorityId(), receipt.source(), receipt.sourceReference()).query(Payments::received).single();
        if (!sameMoney(first.receipt(), receipt)) {
            throw Conflict.because(notARepeat(first.receipt(), receipt));
        }
        PaymentOutcome outcome = outcome(first);
        return new PaymentOutcome(outcome.paymentId(), outcome.status(), outcome.accountReference(), outcome.allocations(),
                outcome.suspenseReason(), true);
    }

    /** A record received again is a repeat when it is the same money: the same amount for the same reference. */
    static boolean sameMoney(PaymentReceipt first, PaymentReceipt again) {
        // the day is left out on purpose: a retry of a request that gave none is sent on a later day
        return first.amount().equals(again.amount()) && first.method() == again.method()
                && java.util.Objects.equals(first.reference(), again.reference());
    }

    static String notARepeat(PaymentReceipt first, PaymentReceipt again) {
        return again.source() + " record " + again.sourceReference() + " was received before as " + first.amount() + " by " + first.method()
                + " for '" + first.reference() + "'; this one differs, so it is not a repeat";
    }

    /** A payment as it was received. */
    record Received(long id, int authorityId, PaymentReceipt receipt, @Nullable String suspenseReason) {
    }

    static final String RECEIVED = """
            select id, authority_id, reference_given, amount_pence, method, received_on, named_year, source, source_reference,
                   payer_name, suspense_reason
            from payment""";

    static Received received(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Received(rs.getLong(1), rs.getInt(2), new PaymentReceipt(rs.getInt(2), rs.getString(3),
                Money.ofPence(rs.getLong(4)), PaymentMethod.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
                rs.getObject(7) == null ? null : FinancialYear.of(rs.getInt(7)), rs.getString(8), rs.getString(9), rs.getString(10)),
                rs.getString(11));
    }

    Received received(long paymentId) {
        // by the primary key, over the installation's few authorities: no index on the id alone to keep up at every insert
        return jdbc.sql(RECEIVED + " where authority_id = any(array(select id from billing_authority)) and id = ?").param(paymentId)
                .query(Payments::received)
                .optional().orElseThrow(() -> NotFound.of("payment", paymentId));
    }

    /**
     * Serialises every change to one payment (matching, re-allocation, reversal), and refuses one the bank has taken
     * back: its money is gone.
     */
    void lock(Received payment) {
        jdbc.sql("select id from payment where authority_id = ? and id = ? for update").params(payment.authorityId(), payment.id())
                .query(Long.class).single();
        if (jdbc.sql("select exists (select 1 from payment_reversal where authority_id = ? and payment_id = ?)")
                .params(payment.authorityId(), payment.id()).query(Boolean.class).single()) {
            throw Conflict.because("payment " + payment.id() + " was taken back by the bank (reversed): it cannot be matched or re-allocated");
        }
    }

    private Optional<Long> matchedAccount(int authorityId, long paymentId) {
        return jdbc.sql("select account_id from payment where authority_id = ? and id = ? and account_id is not null")
                .params(authorityId, paymentId).query(Long.class).optional();
    }

    /** What became of a payment received before: its account and how it stands allocated now. */
    PaymentOutcome outcome(Received payment) {
        Optional<String> reference = jdbc.sql("""
                select a.reference from payment p join account a on a.authority_id = p.authority_id and a.id = p.account_id
                where p.authority_id = ? and p.id = ?""")
                .params(payment.authorityId(), payment.id()).query(String.class).optional();
        if (reference.isEmpty()) {
            return new PaymentOutcome(payment.id(), PaymentOutcome.Status.SUSPENSE, null, List.of(), payment.suspenseReason(), false);
        }
        List<Allocation> allocations = jdbc.sql("""
                select financial_year, part, sum(amount_pence) from payment_allocation where authority_id = ? and payment_id = ?
                group by financial_year, part having sum(amount_pence) <> 0 order by min(line)""")
                .params(payment.authorityId(), payment.id())
                .query((rs, n) -> new Allocation(FinancialYear.of(rs.getInt(1)), Allocation.Part.valueOf(rs.getString(2)),
                        Money.ofPence(rs.getLong(3))))
                .list();
        return new PaymentOutcome(payment.id(), PaymentOutcome.Status.POSTED, reference.get(), allocations, null, false);
    }

    /** A payment and what became of it. */
    public PaymentOutcome get(long paymentId) {
        return outcome(received(paymentId));
    }

    /** A payment in suspense, for an officer to match. */
    public record SuspenseItem(long paymentId, String authority, Money amount, PaymentMethod method, LocalDate receivedOn,
                               @Nullable String referenceGiven, @Nullable String payerName, String reason, String source) {
    }

    /** Payments waiting in suspense, oldest first. */
    public List<SuspenseItem> suspense(@Nullable Integer authorityId, int limit) {
        return jdbc.sql("""
                select p.id, b.gss_code, p.amount_pence, p.method, p.received_on, p.reference_given, p.payer_name, p.suspense_reason, p.source
                from payment p join billing_authority b on b.id = p.authority_id
                where (cast(:authority as int) is null or p.authority_id = :authority)
                  and p.account_id is null
                  and not exists (select 1 from payment_reversal r where r.authority_id = p.authority_id and r.payment_id = p.id)
                order by p.received_on, p.id limit :limit""")
                .param("authority", authorityId).param("limit", limit)
                .query((rs, n) -> new SuspenseItem(rs.getLong(1), rs.getString(2), Money.ofPence(rs.getLong(3)),
                        PaymentMethod.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9)))
                .list();
    }
}
