package org.reclaim.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CopyRows;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives many payments of one authority at once, for runs (the Direct Debit collection run): the same rules as
 * {@link Payments#receive} — the same {@link Allocator}, the same suspense reasons for money no account can take, the
 * same tables and ledger keys — with a handful of set-based queries and COPY instead of a dozen statements a payment.
 * A receipt whose source and source reference were received before is not posted again: its first outcome is returned.
 * Runs in the caller's transaction; the caller keeps the batch to a chunk of accounts (thousands, not millions).
 */
@Service
public class PaymentBatch {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Payments payments;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    PaymentBatch(JdbcClient jdbc, DataSource dataSource, Payments payments, Ledger ledger, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.payments = payments;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** An account a receipt names, as the batch needs it. */
    private record Target(long id, AccountReference reference, String stream, boolean open) {
    }

    /** What an account owes now, year by year, and its current plans; updated as the batch allocates to it. */
    private static final class Standing {
        final List<Allocator.Owed> owed = new ArrayList<>();
        final List<Allocator.PlannedInstalment> instalments = new ArrayList<>();
        long balance;
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
        Map<String, Target> targets = targets(authorityId, receipts);
        Map<Long, Standing> standing = standing(authorityId, targets.values());
        Map<String, AllocationRule> rules = new HashMap<>();
        jdbc.sql("select stream, rule from allocation_rule where authority_id = ?").param(authorityId)
                .query((rs, n) -> rules.put(rs.getString(1), AllocationRule.valueOf(rs.getString(2)))).list();

        List<PaymentOutcome> outcomes = new ArrayList<>(receipts.size());
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
        record Line(long paymentId, int line, long accountId, Allocation allocation, String key) {
        }
        List<Line> lines = new ArrayList<>();
        List<Ledger.AccountPosting> postings = new ArrayList<>();
        Map<String, PaymentOutcome> byKey = new HashMap<>();
        Map<String, AccessAudit.Seen> seen = new LinkedHashMap<>();
        int next = 0;
        for (PaymentReceipt r : fresh) {
            if (byKey.containsKey(key(r))) {
                continue;   // the same record twice in one batch: the second is a repeat of the first
            }
            long id = ids.get(next++);
            Target target = r.reference() == null ? null : targets.get(r.reference().trim());
            Standing account = target == null ? null : standing.get(target.id());
            boolean postable = target != null && (target.open() || account.balance > 0);
            String suspense = postable ? null : suspenseReason(r, target);
            paymentRows.add(authorityId, id, r.source(), r.sourceReference(), r.method().name(), r.amount().pence(), r.receivedOn(),
                    r.reference(), r.payerName(), r.namedYear() == null ? null : r.namedYear().startYear(), suspense, now, user);
            if (!postable) {
                byKey.put(key(r), new PaymentOutcome(id, PaymentOutcome.Status.SUSPENSE, null, List.of(), suspense, false));
                continue;
            }
            List<Allocation> allocations = Allocator.allocate(r.amount(), r.receivedOn(), r.namedYear(),
                    rules.getOrDefault(target.stream(), AllocationRule.OLDEST_FIRST), List.copyOf(account.owed), account.instalments);
            settle(account, allocations);
            matchRows.add(authorityId, id, target.id(), "REFERENCE", null, now, user);
            int line = 1;
            for (Allocation a : allocations) {
                // the same ledger entry, key and description as Payments.post writes for one payment
                String ledgerKey = "payment-" + id + "-" + line;
                postings.add(new Ledger.AccountPosting(target.id(), new Posting(target.reference(), a.year(), EntryType.PAYMENT,
                        a.amount().negate(), r.receivedOn(), null, r.method().label() + " payment " + id, ledgerKey, null)));
                lines.add(new Line(id, line, target.id(), a, ledgerKey));
                line++;
            }
            byKey.put(key(r), new PaymentOutcome(id, PaymentOutcome.Status.POSTED, target.reference().value(), allocations, null, false));
            seen.putIfAbsent(target.reference().value(), new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, target.reference().value()));
        }
        paymentRows.copyInto(dataSource);
        matchRows.copyInto(dataSource);
        ledger.copyAll(authorityId, postings);
        Map<String, Long> entryIds = new HashMap<>(lines.size() * 2);
        if (!lines.isEmpty()) {
            jdbc.sql("select idempotency_key, id from ledger_entry where authority_id = ? and idempotency_key = any(cast(? as text[]))")
                    .params(authorityId, textArray(lines.stream().map(Line::key).toList()))
                    .query((rs, n) -> entryIds.put(rs.getString(1), rs.getLong(2))).list();
        }
        CopyRows allocationRows = new CopyRows("payment_allocation", "authority_id, payment_id, line, account_id, financial_year, part, "
                + "amount_pence, ledger_entry_id, reason, allocated_at, allocated_by");
        for (Line l : lines) {
            allocationRows.add(authorityId, l.paymentId(), l.line(), l.accountId(), l.allocation().year().startYear(), l.allocation().part().name(),
                    l.allocation().amount().pence(), entryIds.get(l.key()), "received", now, user);
        }
        allocationRows.copyInto(dataSource);
        audit.recordAll(AccessAudit.Action.CHANGE, List.copyOf(seen.values()), "PAYMENT posted");

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

    /** The accounts the receipts name, locked as {@code Accounts.lock} locks one, in id order to avoid deadlocks. */
    private Map<String, Target> targets(int authorityId, List<PaymentReceipt> receipts) {
        List<String> references = receipts.stream().map(PaymentReceipt::reference).filter(java.util.Objects::nonNull)
                .map(String::trim).distinct().toList();
        Map<String, Target> found = new HashMap<>();
        jdbc.sql("select id, reference, stream, status from account where authority_id = ? and reference = any(cast(? as text[])) order by id for update")
                .params(authorityId, textArray(references))
                .query((rs, n) -> found.put(rs.getString(2), new Target(rs.getLong(1), new AccountReference(rs.getString(2)), rs.getString(3),
                        "OPEN".equals(rs.getString(4)))))
                .list();
        return found;
    }

    /** Each account's years and plans, as {@link Payments#owed} and {@code Payments.instalments} read them for one. */
    private Map<Long, Standing> standing(int authorityId, java.util.Collection<Target> targets) {
        Map<Long, Standing> standing = new HashMap<>();
        targets.forEach(t -> standing.put(t.id(), new Standing()));
        if (targets.isEmpty()) {
            return standing;
        }
        Long[] ids = longArray(targets.stream().map(Target::id).toList());
        jdbc.sql("""
                select y.account_id, y.financial_year, y.balance, greatest(0, least(y.balance, y.costs - coalesce(p.costs_paid, 0)))
                from (select account_id, financial_year, sum(amount_pence) as balance,
                             coalesce(sum(amount_pence) filter (where entry_type = 'COSTS'), 0) as costs
                      from ledger_entry where authority_id = ? and account_id = any(cast(? as bigint[])) group by account_id, financial_year) y
                left join (select account_id, financial_year, sum(amount_pence) as costs_paid from payment_allocation
                           where authority_id = ? and account_id = any(cast(? as bigint[])) and part = 'COSTS' group by account_id, financial_year) p
                       on p.account_id = y.account_id and p.financial_year = y.financial_year
                order by y.account_id, y.financial_year""")
                .params(authorityId, ids, authorityId, ids)
                .query((rs, n) -> {
                    Standing s = standing.get(rs.getLong(1));
                    long balance = rs.getLong(3);
                    s.balance += balance;
                    if (balance > 0) {
                        Money costs = Money.ofPence(rs.getLong(4));
                        s.owed.add(new Allocator.Owed(FinancialYear.of(rs.getInt(2)), costs, Money.ofPence(balance).minus(costs)));
                    }
                    return null;
                })
                .list();
        jdbc.sql("""
                select b.account_id, b.financial_year, i.due_on, i.amount_pence
                from bill b cross join lateral unnest(b.instalment_due_on, b.instalment_pence) with ordinality as i (due_on, amount_pence, number)
                where b.authority_id = ? and b.account_id = any(cast(? as bigint[]))
                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
                order by b.account_id, b.financial_year, i.number""")
                .params(authorityId, ids)
                .query((rs, n) -> standing.get(rs.getLong(1)).instalments.add(new Allocator.PlannedInstalment(FinancialYear.of(rs.getInt(2)),
                        rs.getObject(3, LocalDate.class), Money.ofPence(rs.getLong(4)))))
                .list();
        return standing;
    }

    /** Takes what was allocated off what the account owes, so a second payment to it in the batch sees the first. */
    private static void settle(Standing account, List<Allocation> allocations) {
        for (Allocation a : allocations) {
            account.balance -= a.amount().pence();
            for (int i = 0; i < account.owed.size(); i++) {
                Allocator.Owed o = account.owed.get(i);
                if (o.year().equals(a.year())) {
                    Allocator.Owed less = switch (a.part()) {
                        case COSTS -> new Allocator.Owed(o.year(), o.costs().minus(a.amount()), o.charges());
                        case CHARGES -> new Allocator.Owed(o.year(), o.costs(), o.charges().minus(a.amount()));
                        case CREDIT -> o;
                    };
                    account.owed.set(i, less);
                }
            }
        }
        account.owed.removeIf(o -> !o.costs().plus(o.charges()).isPositive());
    }

    private static String suspenseReason(PaymentReceipt r, Target target) {
        if (r.reference() == null || r.reference().isBlank()) {
            return "no reference given";
        }
        if (target == null) {
            return "no account " + r.reference().trim() + " at this authority";
        }
        return "account " + target.reference() + " is closed with nothing owed";
    }

    private static String[] textArray(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static Long[] longArray(List<Long> values) {
        return values.toArray(Long[]::new);
    }
}
