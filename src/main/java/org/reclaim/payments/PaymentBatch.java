package org.reclaim.payments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives many payments of one authority at once, for runs (the Direct Debit collection run): the same rules as
 * {@link Payments#receive}, written as a payment file's chunk is ({@link PaymentRows}): a handful of set-based
 * queries and COPY instead of a dozen statements a payment.
 * A receipt whose source and source reference were received before is not posted again: its first outcome is returned.
 * Runs in the caller's transaction; the caller keeps the batch to a chunk of accounts (thousands, not millions).
 */
@Service
public class PaymentBatch {

    private final JdbcClient jdbc;
    private final Payments payments;
    private final PaymentRows rows;

    PaymentBatch(JdbcClient jdbc, Payments payments, PaymentRows rows) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.rows = rows;
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
        List<PaymentReceipt> fresh = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (PaymentReceipt r : receipts) {
            // the same record twice in one batch: the second is a repeat of the first
            if (!earlier.containsKey(key(r)) && seen.add(key(r))) {
                fresh.add(r);
            }
        }
        PaymentRows.Locked locked = rows.lockAndRead(authorityId, fresh);
        List<Long> ids = rows.newPaymentIds(fresh.size());
        List<PaymentRows.Decided> decided = new ArrayList<>(fresh.size());
        Map<String, PaymentOutcome> byKey = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            PaymentRows.Decided d = rows.decide(ids.get(i), fresh.get(i), locked, null, null);
            decided.add(d);
            byKey.put(key(d.receipt()), d.state() == null
                    ? new PaymentOutcome(d.paymentId(), PaymentOutcome.Status.SUSPENSE, null, List.of(), d.suspenseReason(), false)
                    : new PaymentOutcome(d.paymentId(), PaymentOutcome.Status.POSTED, d.state().account().reference().value(),
                            d.allocations(), null, false));
        }
        rows.write(authorityId, decided);

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
