package org.reclaim.payments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Posts one chunk of a payment file's lines in one transaction, with exactly the result {@link Payments#receive} would
 * give taking them one by one in file order (see {@link PaymentRows}).
 * <p>
 * A chunk holds every line of the file that names a given account (see {@link PaymentFiles}), so chunks running side
 * by side touch different accounts and each account's payments are allocated in file order.
 */
@Service
class PaymentFileChunk {

    /** A file line as money received. */
    record Line(int line, PaymentReceipt receipt) {
    }

    private final JdbcClient jdbc;
    private final PaymentRows rows;

    PaymentFileChunk(JdbcClient jdbc, PaymentRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
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
        PaymentRows.Locked locked = rows.lockAndRead(authorityId, fresh.stream().map(Line::receipt).toList());
        List<Long> ids = rows.newPaymentIds(fresh.size());
        List<PaymentRows.Decided> decided = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Line l = fresh.get(i);
            decided.add(rows.decide(ids.get(i), l.receipt(), locked, fileId, l.line()));
        }
        rows.write(authorityId, decided);
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
}
