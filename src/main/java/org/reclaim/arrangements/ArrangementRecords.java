package org.reclaim.arrangements;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads arrangements back: terms, accounts, schedule with each payment's shares, misses. */
@Component
class ArrangementRecords {

    private final JdbcClient jdbc;

    ArrangementRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Arrangement> find(long id) {
        return jdbc.sql("select authority_id from arrangement where id = ?").param(id).query(Integer.class).optional()
                .flatMap(authorityId -> read(authorityId, id));
    }

    Optional<Arrangement> byKey(int authorityId, String idempotencyKey) {
        return jdbc.sql("select id from arrangement where authority_id = ? and idempotency_key = ?").params(authorityId, idempotencyKey)
                .query(Long.class).optional().flatMap(id -> read(authorityId, id));
    }

    List<Long> onAccount(int authorityId, long accountId) {
        return jdbc.sql("select arrangement_id from arrangement_account where authority_id = ? and account_id = ? order by arrangement_id desc")
                .params(authorityId, accountId).query(Long.class).list();
    }

    /** The active arrangements of the authority made on or before the day, for the monitor. */
    List<Long> activeOn(int authorityId, LocalDate date) {
        return jdbc.sql("select id from arrangement where authority_id = ? and status = 'ACTIVE' and made_on <= ? order by id")
                .params(authorityId, date).query(Long.class).list();
    }

    Optional<Arrangement> read(int authorityId, long id) {
        List<Arrangement.InScope> accounts = jdbc.sql("""
                select aa.account_id, a.reference, a.stream, aa.debt_pence, aa.hold_id from arrangement_account aa
                join account a on a.authority_id = aa.authority_id and a.id = aa.account_id
                where aa.authority_id = ? and aa.arrangement_id = ? order by aa.position""")
                .params(authorityId, id)
                .query((rs, n) -> new Arrangement.InScope(rs.getLong(1), new AccountReference(rs.getString(2)), RevenueStream.valueOf(rs.getString(3)),
                        Money.ofPence(rs.getLong(4)), rs.getLong(5)))
                .list();
        record Row(int number, long accountId, LocalDate dueOn, long pence) {
        }
        Map<Integer, List<Row>> byNumber = new LinkedHashMap<>();
        jdbc.sql("""
                select i.number, i.account_id, i.due_on, i.amount_pence from arrangement_instalment i
                join arrangement_account aa on aa.authority_id = i.authority_id and aa.arrangement_id = i.arrangement_id and aa.account_id = i.account_id
                where i.authority_id = ? and i.arrangement_id = ? order by i.number, aa.position""")
                .params(authorityId, id).query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getLong(4)))
                .list().forEach(r -> byNumber.computeIfAbsent(r.number(), k -> new ArrayList<>()).add(r));
        List<PaymentPlan.Payment> schedule = byNumber.values().stream().map(rows -> new PaymentPlan.Payment(rows.get(0).number(), rows.get(0).dueOn(),
                Money.ofPence(rows.stream().mapToLong(Row::pence).sum()),
                rows.stream().map(r -> new PaymentPlan.Share(r.accountId(), Money.ofPence(r.pence()))).toList())).toList();
        List<Arrangement.MissView> misses = jdbc.sql("""
                select due_on, noticed_on, shortfall_pence from arrangement_miss where authority_id = ? and arrangement_id = ? order by due_on""")
                .params(authorityId, id)
                .query((rs, n) -> new Arrangement.MissView(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class), Money.ofPence(rs.getLong(3))))
                .list();
        return jdbc.sql("""
                select party_id, income_expenditure_id, instalment_pence, frequency, first_payment_on, last_payment_on, total_pence, method,
                       made_at_first_contact, proposal_pence, below_proposal_reason, made_on, status, ended_on, end_reason, ended_by,
                       created_at, created_by
                from arrangement where authority_id = ? and id = ?""")
                .params(authorityId, id)
                .query((rs, n) -> new Arrangement(id, authorityId, rs.getLong(1), (Long) rs.getObject(2), Money.ofPence(rs.getLong(3)),
                        PaymentFrequency.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        Money.ofPence(rs.getLong(7)), PaymentMethod.valueOf(rs.getString(8)), rs.getBoolean(9),
                        rs.getObject(10) == null ? null : Money.ofPence(rs.getLong(10)), rs.getString(11), rs.getObject(12, LocalDate.class),
                        Arrangement.Status.valueOf(rs.getString(13)), rs.getObject(14, LocalDate.class), rs.getString(15), rs.getString(16),
                        rs.getObject(17, OffsetDateTime.class), rs.getString(18), accounts, schedule, misses))
                .optional();
    }
}
