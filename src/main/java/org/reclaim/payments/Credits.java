package org.reclaim.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
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
 * Credits on accounts: refunded to the payer (with a team leader's approval above the authority's limit, never by the
 * officer who asked) or moved to another account of the same payer. Either way the money leaves the years in credit,
 * newest first, and only as much as the account is in credit, less refunds already waiting.
 */
@Service
public class Credits {

    public enum RefundStatus { AWAITING_APPROVAL, PAID, REJECTED }

    public record Refund(long id, String accountReference, Money amount, String reason, String payeeName, RefundStatus status,
                         String requestedBy, @Nullable String decidedBy, @Nullable String note) {
    }

    public record Transfer(long id, String from, String to, Money amount, List<Allocation> allocations) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Ledger ledger;
    private final PayingAccounts paying;
    private final AccessAudit audit;
    private final Clock clock;

    Credits(JdbcClient jdbc, Accounts accounts, Ledger ledger, PayingAccounts paying, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.ledger = ledger;
        this.paying = paying;
        this.audit = audit;
        this.clock = clock;
    }

    /** What can be paid out or moved: the credit, less refunds requested and not yet decided. */
    public Money available(Account account) {
        Money credit = ledger.balance(account).negate();
        Money waiting = Money.ofPence(jdbc.sql("""
                select coalesce(sum(r.amount_pence), 0) from refund r
                where r.authority_id = ? and r.account_id = ?
                  and not exists (select 1 from refund_decision d where d.authority_id = r.authority_id and d.refund_id = r.id)""")
                .params(account.authorityId(), account.id()).query(Long.class).single());
        Money available = credit.minus(waiting);
        return available.isPositive() ? available : Money.ZERO;
    }

    @Transactional
    public Refund requestRefund(AccountReference reference, Money amount, String reason, String payeeName, @Nullable String idempotencyKey) {
        Account account = accounts.get(reference);
        accounts.lock(account);
        java.util.Optional<Long> earlier = earlier("refund", account.authorityId(), idempotencyKey);
        if (earlier.isPresent()) {
            Refund first = refund(earlier.get());
            refuseDifferentRepeat(idempotencyKey, "refund " + first.id(), first.amount(), first.accountReference(), amount, reference.value());
            return first;
        }
        refuseMoreThanAvailable(account, amount);
        long id = jdbc.sql("""
                insert into refund (authority_id, account_id, amount_pence, reason, payee_name, requested_at, requested_by, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(account.authorityId(), account.id(), amount.pence(), reason, payeeName, OffsetDateTime.now(clock), AccessAudit.currentUser(),
                        idempotencyKey)
                .query(Long.class).single();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, reference, "refund " + id + " of " + amount + " requested");
        if (!amount.isGreaterThan(approvalLimit(account.authorityId()))) {
            decide(account, id, amount, true, "within the authority's approval limit");
        }
        return refund(id);
    }

    /** A team leader approves a refund over the limit; the officer who asked for it cannot. */
    @Transactional
    public Refund decide(long refundId, boolean approve, @Nullable String note) {
        Refund refund = refund(refundId);
        if (refund.status() != RefundStatus.AWAITING_APPROVAL) {
            throw Conflict.because("refund " + refundId + " was already " + refund.status().name().toLowerCase().replace('_', ' '));
        }
        if (refund.requestedBy().equals(AccessAudit.currentUser())) {
            throw Conflict.because("refund " + refundId + " was requested by you: another team leader must decide it");
        }
        Account account = accounts.get(AccountReference.parse(refund.accountReference()));
        accounts.lock(account);
        if (approve && ledger.balance(account).negate().compareTo(refund.amount()) < 0) {
            throw Conflict.because("the account is no longer " + refund.amount() + " in credit: reject this refund");
        }
        decide(account, refundId, refund.amount(), approve, note);
        return refund(refundId);
    }

    private void decide(Account account, long refundId, Money amount, boolean approve, @Nullable String note) {
        jdbc.sql("insert into refund_decision (authority_id, refund_id, decision, note, decided_at, decided_by) values (?, ?, ?, ?, ?, ?)")
                .params(account.authorityId(), refundId, approve ? "APPROVED" : "REJECTED", note, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        if (approve) {
            takeCredit(account, amount, EntryType.REFUND, "Refund " + refundId, "refund-" + refundId);
        }
    }

    /** Moves credit to another account of a payer liable on both (a Council Tax credit to their rent, say). */
    @Transactional
    public Transfer transfer(AccountReference fromReference, AccountReference toReference, Money amount, String reason,
                             @Nullable String idempotencyKey) {
        Account from = accounts.get(fromReference);
        Account to = accounts.find(toReference).orElseThrow(() -> InvalidInput.of("toAccountReference", "there is no account " + toReference));
        if (from.id() == to.id() || from.authorityId() != to.authorityId()
                || Collections.disjoint(from.liablePartyIds(), to.liablePartyIds())) {
            throw InvalidInput.of("toAccountReference", "must be another account of the same authority with a payer liable on both");
        }
        // always lock in id order, so two transfers between the same accounts cannot deadlock
        accounts.lock(from.id() < to.id() ? from : to);
        accounts.lock(from.id() < to.id() ? to : from);
        java.util.Optional<Long> earlier = earlier("credit_transfer", from.authorityId(), idempotencyKey);
        if (earlier.isPresent()) {
            Transfer first = transfer(from.authorityId(), earlier.get());
            refuseDifferentRepeat(idempotencyKey, "credit transfer " + first.id(), first.amount(), first.from() + " to " + first.to(), amount,
                    fromReference + " to " + toReference);
            return first;
        }
        refuseMoreThanAvailable(from, amount);
        LocalDate today = LocalDate.now(clock);
        List<Allocation> allocations = paying.read(to).allocate(amount, today, null);
        long id = jdbc.sql("""
                insert into credit_transfer (authority_id, from_account_id, to_account_id, amount_pence, reason, made_at, made_by,
                                             idempotency_key, allocation_years, allocation_parts, allocation_pence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(from.authorityId(), from.id(), to.id(), amount.pence(), reason, OffsetDateTime.now(clock), AccessAudit.currentUser(),
                        idempotencyKey, allocations.stream().map(a -> (short) a.year().startYear()).toArray(Short[]::new),
                        allocations.stream().map(a -> a.part().name()).toArray(String[]::new),
                        allocations.stream().map(a -> a.amount().pence()).toArray(Long[]::new))
                .query(Long.class).single();
        takeCredit(from, amount, EntryType.TRANSFER, "Credit moved to " + toReference + ": " + reason, "credit-transfer-" + id + "-out");
        Map<FinancialYear, Money> byYear = new TreeMap<>();
        allocations.forEach(a -> byYear.merge(a.year(), a.amount(), Money::plus));
        byYear.forEach((year, part) -> ledger.post(new Posting(toReference, year, EntryType.TRANSFER, part.negate(), today, null,
                "Credit moved from " + fromReference + ": " + reason, "credit-transfer-" + id + "-in-" + year.startYear(), null)));
        return new Transfer(id, fromReference.value(), toReference.value(), amount, allocations);
    }

    /** The request made before with this Idempotency-Key at the authority, if any (table: refund or credit_transfer). */
    private java.util.Optional<Long> earlier(String table, int authorityId, @Nullable String idempotencyKey) {
        return idempotencyKey == null ? java.util.Optional.empty()
                : jdbc.sql("select id from " + table + " where authority_id = ? and idempotency_key = ?")
                        .params(authorityId, idempotencyKey).query(Long.class).optional();
    }

    /** A repeat must ask for the same thing as the first request; a key reused for something else is refused. */
    private static void refuseDifferentRepeat(@Nullable String key, String first, Money firstAmount, String firstAccounts, Money amount,
                                              String accounts) {
        if (!firstAmount.equals(amount) || !firstAccounts.equals(accounts)) {
            throw Conflict.because("Idempotency-Key " + key + " was used for " + first + " of " + firstAmount + " on account "
                    + firstAccounts + "; this request differs, so it is not a repeat");
        }
    }

    /** A transfer as made, with how it was set against the receiving account. */
    private Transfer transfer(int authorityId, long id) {
        return jdbc.sql("""
                select t.id, f.reference, o.reference, t.amount_pence, t.allocation_years, t.allocation_parts, t.allocation_pence
                from credit_transfer t
                join account f on f.authority_id = t.authority_id and f.id = t.from_account_id
                join account o on o.authority_id = t.authority_id and o.id = t.to_account_id
                where t.authority_id = ? and t.id = ?""")
                .params(authorityId, id)
                .query((rs, n) -> {
                    Short[] years = (Short[]) rs.getArray(5).getArray();
                    String[] parts = (String[]) rs.getArray(6).getArray();
                    Long[] pence = (Long[]) rs.getArray(7).getArray();
                    List<Allocation> allocations = new ArrayList<>();
                    for (int i = 0; i < years.length; i++) {
                        allocations.add(new Allocation(FinancialYear.of(years[i]), Allocation.Part.valueOf(parts[i]), Money.ofPence(pence[i])));
                    }
                    return new Transfer(rs.getLong(1), rs.getString(2), rs.getString(3), Money.ofPence(rs.getLong(4)), allocations);
                })
                .single();
    }

    private void refuseMoreThanAvailable(Account account, Money amount) {
        Money available = available(account);
        if (amount.isGreaterThan(available)) {
            throw InvalidInput.of("amountPence", "the account has " + available + " of credit available" + (available.isZero() ? "" : "; ask for that or less"));
        }
    }

    /** Takes credit out of the years in credit, newest first, as debits of the given type. */
    private void takeCredit(Account account, Money amount, EntryType type, String description, String key) {
        List<Ledger.YearBalance> years = new ArrayList<>(ledger.balancesByYear(account));
        years.sort((a, b) -> b.financialYear().compareTo(a.financialYear()));
        Money left = amount;
        LocalDate today = LocalDate.now(clock);
        for (Ledger.YearBalance year : years) {
            Money credit = year.balance().negate();
            if (!left.isPositive() || !credit.isPositive()) {
                continue;
            }
            Money taken = left.min(credit);
            ledger.post(new Posting(account.reference(), year.financialYear(), type, taken, today, today, description,
                    key + "-" + year.financialYear().startYear(), null));
            left = left.minus(taken);
        }
        if (left.isPositive()) {
            throw Conflict.because("the account's years hold only " + amount.minus(left) + " of credit, not " + amount);
        }
    }

    Money approvalLimit(int authorityId) {
        return jdbc.sql("select approval_above_pence from refund_policy where authority_id = ?").param(authorityId)
                .query(Long.class).optional().map(Money::ofPence).orElse(Money.ZERO);
    }

    @Transactional
    public void setApprovalLimit(int authorityId, Money limit) {
        jdbc.sql("""
                insert into refund_policy (authority_id, approval_above_pence, set_at, set_by) values (?, ?, ?, ?)
                on conflict (authority_id) do update set approval_above_pence = excluded.approval_above_pence, set_at = excluded.set_at,
                                                         set_by = excluded.set_by""")
                .params(authorityId, limit.pence(), OffsetDateTime.now(clock), AccessAudit.currentUser()).update();
    }

    public Refund refund(long id) {
        return jdbc.sql(REFUNDS + " where r.id = ?").param(id).query(Credits::mapRefund).optional()
                .orElseThrow(() -> NotFound.of("refund", id));
    }

    /** Refunds waiting for a team leader, oldest first. */
    public List<Refund> awaitingApproval(@Nullable Integer authorityId) {
        return jdbc.sql(REFUNDS + " where d.refund_id is null and (cast(? as int) is null or r.authority_id = ?) order by r.id")
                .params(authorityId, authorityId).query(Credits::mapRefund).list();
    }

    private static final String REFUNDS = """
            select r.id, a.reference, r.amount_pence, r.reason, r.payee_name, d.decision, r.requested_by, d.decided_by, d.note
            from refund r join account a on a.authority_id = r.authority_id and a.id = r.account_id
            left join refund_decision d on d.authority_id = r.authority_id and d.refund_id = r.id""";

    private static Refund mapRefund(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String decision = rs.getString(6);
        RefundStatus status = decision == null ? RefundStatus.AWAITING_APPROVAL
                : decision.equals("APPROVED") ? RefundStatus.PAID : RefundStatus.REJECTED;
        return new Refund(rs.getLong(1), rs.getString(2), Money.ofPence(rs.getLong(3)), rs.getString(4), rs.getString(5), status,
                rs.getString(7), rs.getString(8), rs.getString(9));
    }
}
