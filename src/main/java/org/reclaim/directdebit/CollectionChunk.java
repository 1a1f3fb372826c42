package org.reclaim.directdebit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reclaim.payments.PaymentBatch;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.payments.PaymentOutcome;
import org.reclaim.payments.PaymentReceipt;
import org.reclaim.shared.BusinessCalendar;
import org.reclaim.shared.CopyRows;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Collects one chunk of a Direct Debit run: the instalments due in the run's window on the current bills of the
 * accounts, in a range of account ids, that have an active mandate and that no earlier run has collected. One
 * transaction holds the chunk's collections, their payments and the run's progress: a crash loses the chunk in hand,
 * and a re-run collects what is left, never anything twice (the collection's key is the mandate, due date, year and
 * attempt).
 */
@Service
class CollectionChunk {

    /** An instalment due under an active mandate, with the bill that set it. */
    record Due(long mandateId, String mandateReference, String payerName, long accountId, String accountReference, int noticeDays,
               long billId, int year, LocalDate billIssuedOn, @Nullable Long supersedes, LocalDate dueOn, long pence, boolean collectedBefore) {
    }

    /** What a chunk did. */
    record Result(int collected, long pence, int skipped) {
    }

    /** Source of the payments a run posts; with the collection's key as the source reference, each is posted once. */
    static final String SOURCE = "direct-debit";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PaymentBatch payments;
    private final BusinessCalendar calendar;

    CollectionChunk(JdbcClient jdbc, DataSource dataSource, PaymentBatch payments, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.payments = payments;
        this.calendar = calendar;
    }

    @Transactional
    Result collect(long runId, int authorityId, LocalDate processingDay, List<LocalDate> window, long afterAccountId, long upToAccountId) {
        List<Due> due = due(authorityId, window, afterAccountId, upToAccountId);
        if (due.isEmpty()) {
            return new Result(0, 0, 0);
        }
        Map<String, LocalDate> latestIssue = new HashMap<>();
        List<Due> collect = new ArrayList<>();
        CopyRows skips = new CopyRows("collection_skip", "authority_id, run_id, mandate_id, due_on, financial_year, amount_pence, reason");
        for (Due d : due) {
            if (d.pence() <= 0) {
                continue;
            }
            LocalDate noticeBy = latestIssue.computeIfAbsent(d.dueOn() + "/" + d.noticeDays(),
                    k -> calendar.minusWorkingDays(d.dueOn(), d.noticeDays()));
            LocalDate notified = d.billIssuedOn().isAfter(noticeBy) && d.supersedes() != null ? notifiedOn(authorityId, d) : d.billIssuedOn();
            if (notified.isAfter(noticeBy)) {
                skips.add(authorityId, runId, d.mandateId(), d.dueOn(), d.year(), d.pence(), "advance notice: the bill setting this instalment "
                        + "was issued on " + notified + ", fewer than " + d.noticeDays() + " working days before it falls due on " + d.dueOn()
                        + " (it had to be issued by " + noticeBy + ")");
                continue;
            }
            collect.add(d);
        }
        long pence = post(runId, authorityId, processingDay, collect, 1);
        skips.copyInto(dataSource);
        jdbc.sql("update collection_run set collections = collections + ?, total_pence = total_pence + ?, skipped = skipped + ? "
                        + "where authority_id = ? and id = ?")
                .params(collect.size(), pence, skips.count(), authorityId, runId).update();
        return new Result(collect.size(), pence, skips.count());
    }

    /**
     * Posts the collections' payments in one batch and records each collection with its payment; returns the pence
     * collected. Transaction code 01 for a mandate's first collection, 17 after, 18 for a re-presentation.
     */
    long post(long runId, int authorityId, LocalDate processingDay, List<Due> collect, int attempt) {
        if (collect.isEmpty()) {
            return 0;
        }
        List<PaymentReceipt> receipts = new ArrayList<>(collect.size());
        for (Due d : collect) {
            receipts.add(new PaymentReceipt(authorityId, d.accountReference(), Money.ofPence(d.pence()), PaymentMethod.DIRECT_DEBIT,
                    processingDay, null, SOURCE, sourceReference(d, attempt), d.payerName()));
        }
        List<PaymentOutcome> outcomes = payments.receiveAll(authorityId, receipts);
        CopyRows rows = new CopyRows("collection", "authority_id, mandate_id, due_on, financial_year, attempt, run_id, account_id, bill_id, "
                + "amount_pence, transaction_code, processing_day, payment_id");
        Set<Long> firstTaken = new HashSet<>();
        long pence = 0;
        for (int i = 0; i < collect.size(); i++) {
            Due d = collect.get(i);
            String code = attempt == 2 ? "18" : d.collectedBefore() || !firstTaken.add(d.mandateId()) ? "17" : "01";
            rows.add(authorityId, d.mandateId(), d.dueOn(), d.year(), attempt, runId, d.accountId(), d.billId(), d.pence(), code, processingDay,
                    outcomes.get(i).paymentId());
            pence += d.pence();
        }
        rows.copyInto(dataSource);
        return pence;
    }

    /** The collection's identity, the same in every run: mandate, due date, year and attempt. */
    static String sourceReference(Due d, int attempt) {
        return d.mandateReference() + "/" + d.dueOn() + "/" + d.year() + "/" + attempt;
    }

    /**
     * The instalments due in the window under the active mandates of a range of accounts, not yet collected. The plan
     * starts from the mandates (the range of the mandate_status index) and reaches each account's bills through the
     * bill_account index and each collection through its key; "offset 0" keeps the lateral subquery a per-mandate
     * index lookup, so a chunk never reads the whole bill or collection table, however many there are.
     */
    static final String DUE = """
            select m.id, m.reference, m.payer_name, m.account_id, a.reference, m.agreed_notice_days,
                   d.bill_id, d.financial_year, d.issued_on, d.supersedes_bill_id, d.due_on, d.amount_pence,
                   exists (select 1 from collection c where c.authority_id = m.authority_id and c.mandate_id = m.id)
            from mandate m
            join account a on a.authority_id = m.authority_id and a.id = m.account_id
            cross join lateral (
                select b.id as bill_id, b.financial_year, b.issued_on, b.supersedes_bill_id, i.due_on, i.amount_pence
                from bill b cross join lateral unnest(b.instalment_due_on, b.instalment_pence) as i (due_on, amount_pence)
                where b.authority_id = m.authority_id and b.account_id = m.account_id
                  and b.instalment_due_on && cast(:window as date[])
                  and i.due_on = any(cast(:window as date[]))
                  and not exists (select 1 from bill n where n.authority_id = b.authority_id and n.supersedes_bill_id = b.id)
                  and not exists (select 1 from collection c where c.authority_id = m.authority_id and c.mandate_id = m.id
                                    and c.due_on = i.due_on and c.financial_year = b.financial_year and c.attempt = 1)
                offset 0) d
            where m.authority_id = :authority and m.status = 'ACTIVE' and m.account_id > :after and m.account_id <= :upTo
            order by m.account_id, d.financial_year, d.due_on""";

    private List<Due> due(int authorityId, List<LocalDate> window, long after, long upTo) {
        return jdbc.sql(DUE)
                .param("authority", authorityId).param("after", after).param("upTo", upTo)
                .param("window", dateArray(window))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6),
                        rs.getLong(7), rs.getInt(8), rs.getObject(9, LocalDate.class), (Long) rs.getObject(10),
                        rs.getObject(11, LocalDate.class), rs.getLong(12), rs.getBoolean(13)))
                .list();
    }

    /**
     * When the payer was first told of this instalment: a rebill that left an instalment as it was did not newly notify
     * it, so the notice runs from the earliest bill of the chain from which the instalment (date and amount) stands
     * unchanged up to the current bill.
     */
    private LocalDate notifiedOn(int authorityId, Due d) {
        record Link(LocalDate issuedOn, boolean hasInstalment) {
        }
        List<Link> chain = jdbc.sql("""
                with recursive chain (id, supersedes_bill_id, issued_on, has_it, depth) as (
                    select b.id, b.supersedes_bill_id, b.issued_on, true, 0 from bill b where b.authority_id = :authority and b.id = :bill
                    union all
                    select p.id, p.supersedes_bill_id, p.issued_on,
                           exists (select 1 from unnest(p.instalment_due_on, p.instalment_pence) as i (due_on, amount_pence)
                                   where i.due_on = :due and i.amount_pence = :pence), c.depth + 1
                    from chain c join bill p on p.authority_id = :authority and p.id = c.supersedes_bill_id
                )
                select issued_on, has_it from chain order by depth""")
                .param("authority", authorityId).param("bill", d.billId()).param("due", d.dueOn()).param("pence", d.pence())
                .query((rs, n) -> new Link(rs.getObject(1, LocalDate.class), rs.getBoolean(2)))
                .list();
        LocalDate notified = d.billIssuedOn();
        for (Link link : chain) {
            if (!link.hasInstalment()) {
                break;
            }
            notified = link.issuedOn();
        }
        return notified;
    }

    /** A date[] literal: PgJDBC sends it as text and the query casts it. */
    static String dateArray(List<LocalDate> dates) {
        return "{" + String.join(",", dates.stream().map(LocalDate::toString).toList()) + "}";
    }
}
