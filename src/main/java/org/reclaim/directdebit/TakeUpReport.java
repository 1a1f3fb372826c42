package org.reclaim.directdebit;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.payments.PaymentTotals;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * "Direct Debit by Default": for each revenue stream, the live accounts (open), those whose payer chose Direct Debit
 * and those with an active mandate, and the take-up; and how the period's payments arrived, by method, so the council
 * can see how many still come by cash or cheque.
 */
@Service
class TakeUpReport {

    record Stream(String stream, long liveAccounts, long choseDirectDebit, long activeMandates, double takeUpPercent) {
    }

    record Report(String authority, LocalDate from, LocalDate to, List<Stream> streams, List<PaymentTotals.ByMethod> paymentsByMethod,
                  long cashAndChequePayments) {
    }

    private final JdbcClient jdbc;
    private final PaymentTotals payments;

    TakeUpReport(JdbcClient jdbc, PaymentTotals payments) {
        this.jdbc = jdbc;
        this.payments = payments;
    }

    Report report(int authorityId, String gssCode, LocalDate from, LocalDate to) {
        List<Stream> streams = jdbc.sql("""
                select a.stream, count(*),
                       count(*) filter (where (select c.method from payment_method_choice c where c.authority_id = a.authority_id
                                               and c.account_id = a.id order by c.id desc limit 1) = 'DIRECT_DEBIT'),
                       count(*) filter (where exists (select 1 from mandate m where m.authority_id = a.authority_id and m.account_id = a.id
                                                        and m.status = 'ACTIVE'))
                from account a where a.authority_id = ? and a.status = 'OPEN'
                group by a.stream order by a.stream""")
                .param(authorityId)
                .query((rs, n) -> new Stream(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(2) == 0 ? 0 : Math.round(1000.0 * rs.getLong(4) / rs.getLong(2)) / 10.0))
                .list();
        List<PaymentTotals.ByMethod> byMethod = payments.byMethod(authorityId, from, to);
        long cashAndCheque = byMethod.stream().filter(m -> m.method().name().equals("CASH") || m.method().name().equals("CHEQUE"))
                .mapToLong(PaymentTotals.ByMethod::payments).sum();
        return new Report(gssCode, from, to, streams, byMethod, cashAndCheque);
    }
}
