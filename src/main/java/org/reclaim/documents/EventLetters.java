package org.reclaim.documents;

import static org.reclaim.documents.PendingRequests.ADDRESSEE;
import static org.reclaim.documents.PendingRequests.ADDRESSEE_COLUMNS;
import static org.reclaim.documents.PendingRequests.LETTER_DATE;
import static org.reclaim.documents.PendingRequests.common;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.BusinessCalendar;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The letters an event in another module calls for, found on the day of the event through the view its module
 * publishes, one letter per event and key: a Direct Debit advance notice when a mandate's collection schedule is set or
 * changes ({@code direct_debit_advance_notice}, key {@code direct-debit:<mandate>:bill:<bill>}); an attachment of
 * earnings order made, its copy to the employer and to the debtor and the employer's schedule
 * ({@code attachment_of_earnings_letter}, keys {@code aeo:<action>:employer|debtor|schedule}); a refund paid
 * ({@code refund_letter}, key {@code refund:<id>}). A key that already has its document is left out.
 */
@Component
class EventLetters {

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final int firstCollectionWorkingDays;

    EventLetters(JdbcClient jdbc, BusinessCalendar calendar,
                 @Value("${reclaim.direct-debit.first-collection-working-days:10}") int firstCollectionWorkingDays) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.firstCollectionWorkingDays = firstCollectionWorkingDays;
    }

    List<DocumentRequest> on(LocalDate date) {
        List<DocumentRequest> found = new ArrayList<>();
        found.addAll(advanceNotices(date));
        found.addAll(earningsOrders(date));
        found.addAll(refunds(date));
        return notYetProduced(found);
    }

    /**
     * The collections a mandate will take under a bill, told in advance. The Direct Debit Guarantee: the payer is told
     * of the amount and date 10 working days before the account is debited "or as otherwise agreed" (the mandate's
     * agreed notice days; REFERENCE.md 8.4), so the notice lists the instalments due on or after that many working days
     * from its date; a new mandate collects first once active, which the runs allow {@code first-collection-working-days}
     * (10) after it is lodged, so its notice starts no sooner than that.
     */
    private List<DocumentRequest> advanceNotices(LocalDate date) {
        List<DocumentRequest> out = new ArrayList<>();
        jdbc.sql("""
                select r.authority_id, r.account_id, r.mandate_id, r.bill_id, r.agreed_notice_days, r.new_mandate, r.notice_on,
                       r.instalment_due_on, r.instalment_pence, r.mandate_reference, """ + ADDRESSEE_COLUMNS + """

                from direct_debit_advance_notice r""" + ADDRESSEE + """
                where r.notice_on = ?
                  -- a bill is its own advance notice: the demand notice lists the collections and carries the Guarantee
                  -- (ANNUAL_BILL, NNDR_BILL; REFERENCE.md 8.4), so a payer is not sent a second letter the same day
                  and (r.new_mandate or not exists (select 1 from billing_demand_notice n
                                                     where n.authority_id = r.authority_id and n.bill_id = r.bill_id)
                                     and not exists (select 1 from billing_rates_demand_notice n
                                                     where n.authority_id = r.authority_id and n.bill_id = r.bill_id))
                order by r.authority_id, r.mandate_id, r.bill_id""")
                .param(date)
                .query((ResultSet rs) -> {
                    LocalDate on = rs.getObject(7, LocalDate.class);
                    int notice = rs.getBoolean(6) ? Math.max(rs.getInt(5), firstCollectionWorkingDays) : rs.getInt(5);
                    LocalDate earliest = calendar.plusWorkingDays(on, notice);
                    java.sql.Date[] dueOn = (java.sql.Date[]) rs.getArray(8).getArray();
                    Long[] pence = (Long[]) rs.getArray(9).getArray();
                    List<Map<String, String>> collections = new ArrayList<>();
                    LocalDate first = null;
                    for (int i = 0; i < dueOn.length; i++) {
                        LocalDate due = dueOn[i].toLocalDate();
                        if (pence[i] > 0 && !due.isBefore(earliest)) {
                            first = first == null ? due : first;
                            collections.add(Map.of("dueOn", LETTER_DATE.format(due), "amount", Money.ofPence(pence[i]).toString()));
                        }
                    }
                    if (first == null) {
                        return;   // nothing left to collect under this bill: no schedule to tell
                    }
                    Map<String, Object> d = common(rs, 11);
                    d.put("letterDate", LETTER_DATE.format(on));
                    d.put("collections", collections);
                    d.put("firstCollectionOn", LETTER_DATE.format(first));
                    out.add(new DocumentRequest(rs.getInt(1), rs.getLong(2), "DD_ADVANCE_NOTICE", d, on,
                            "direct-debit:" + rs.getLong(3) + ":bill:" + rs.getLong(4)));
                });
        return out;
    }

    /**
     * An attachment of earnings order made that day (SI 1992/613 regs 37-39): the order to the employer, the debtor's
     * copy, and the employer's schedule of the orders in force for its employees at the authority. The order carries
     * the deduction table of Schedule 4 for its pay period as recovery holds it, in force on the day it was made.
     */
    private List<DocumentRequest> earningsOrders(LocalDate date) {
        List<DocumentRequest> out = new ArrayList<>();
        jdbc.sql("""
                select r.authority_id, r.account_id, r.action_id, r.made_on, r.amount_pence, r.employer_name, r.employer_address,
                       r.payroll_reference, r.pay_period, r.net_earnings_pence, r.deduction_pence, r.debtor_name, r.employer_fee_pence,
                       """ + ADDRESSEE_COLUMNS + """

                from attachment_of_earnings_letter r""" + ADDRESSEE + """
                where r.made_on = ?
                order by r.authority_id, r.action_id""")
                .param(date)
                .query((ResultSet rs) -> {
                    LocalDate on = rs.getObject(4, LocalDate.class);
                    String employer = rs.getString(6);
                    Map<String, Object> order = new LinkedHashMap<>();
                    order.put("letterDate", LETTER_DATE.format(on));
                    order.put("employerName", employer);
                    order.put("debtorName", rs.getString(12));
                    order.put("payrollNumber", rs.getString(8) == null ? "not given" : rs.getString(8));
                    order.put("amount", Money.ofPence(rs.getLong(5)).toString());
                    order.put("orderDate", LETTER_DATE.format(on));
                    order.put("adminFee", Money.ofPence(rs.getLong(13)).toString());
                    String period = rs.getString(9);
                    order.put("payPeriod", period.toLowerCase(Locale.ROOT));
                    order.put("netEarnings", Money.ofPence(rs.getLong(10)).toString());
                    order.put("deduction", Money.ofPence(rs.getLong(11)).toString());
                    order.put("deductionTable", deductionTable(period, on));
                    int authority = rs.getInt(1);
                    long account = rs.getLong(2);
                    long action = rs.getLong(3);
                    // to the employer, at the address recorded with the employment
                    Map<String, Object> toEmployer = employerHeading(rs, employer, rs.getString(7));
                    toEmployer.putAll(order);
                    toEmployer.put("copyFor", "the employer");
                    out.add(new DocumentRequest(authority, account, "AEO_ORDER", toEmployer, on, "aeo:" + action + ":employer"));
                    Map<String, Object> toDebtor = common(rs, 14);
                    toDebtor.putAll(order);
                    toDebtor.put("copyFor", "the employee named in the order");
                    out.add(new DocumentRequest(authority, account, "AEO_ORDER", toDebtor, on, "aeo:" + action + ":debtor"));
                    Map<String, Object> schedule = employerHeading(rs, employer, rs.getString(7));
                    schedule.put("letterDate", LETTER_DATE.format(on));
                    schedule.put("employerName", employer);
                    schedule.put("asOf", LETTER_DATE.format(on));
                    schedule.put("orders", ordersInForce(authority, employer, on));
                    out.add(new DocumentRequest(authority, account, "AEO_EMPLOYER_SCHEDULE", schedule, on, "aeo:" + action + ":schedule"));
                });
        return out;
    }

    /** The heading of a letter to an employer: the account's heading, addressed to the employer's recorded address. */
    private static Map<String, Object> employerHeading(ResultSet rs, String employer, @Nullable String address) throws SQLException {
        Map<String, Object> d = common(rs, 14);
        d.put("name", employer);
        d.put("addressLines", address == null ? List.of() : Arrays.stream(address.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        d.put("postcode", "");
        return d;
    }

    /** Schedule 4's table for the pay period, in force for orders made on the day: one row per band of net earnings. */
    private List<Map<String, String>> deductionTable(String period, LocalDate madeOn) {
        return jdbc.sql("""
                select exceeding_pence, up_to_pence, percent, percent_of_excess from attachment_of_earnings_deduction_table
                where pay_period = ? and effective_from = (select max(effective_from) from attachment_of_earnings_deduction_table
                                                           where pay_period = ? and effective_from <= ?)
                order by exceeding_pence""")
                .params(period, period, madeOn)
                .query((rs, n) -> {
                    Money over = Money.ofPence(rs.getLong(1));
                    Long upTo = (Long) rs.getObject(2);
                    String percent = rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + "%";
                    BigDecimal excess = rs.getBigDecimal(4);
                    return Map.of("exceeding", over.toString(), "notExceeding", upTo == null ? "" : Money.ofPence(upTo).toString(),
                            "rate", excess == null ? percent
                                    : percent + " of the first " + over + " and " + excess.stripTrailingZeros().toPlainString() + "% of the rest");
                })
                .list();
    }

    /** The employer's orders in force at the authority as at the day: each employee, account, amount and what is received. */
    private List<Map<String, String>> ordersInForce(int authorityId, String employer, LocalDate asOf) {
        return jdbc.sql("""
                select o.debtor_name, who.reference, o.amount_pence, o.outstanding_pence
                from attachment_of_earnings_letter o
                join account_addressee who on who.authority_id = o.authority_id and who.account_id = o.account_id
                where o.authority_id = ? and lower(o.employer_name) = lower(?) and o.made_on <= ? and o.outstanding_pence > 0
                order by o.payroll_reference, o.debtor_name, o.action_id""")
                .params(authorityId, employer, asOf)
                .query((rs, n) -> Map.of("name", rs.getString(1), "reference", rs.getString(2),
                        "amount", Money.ofPence(rs.getLong(3)).toString(),
                        "received", Money.ofPence(Math.max(0, rs.getLong(3) - rs.getLong(4))).toString()))
                .list();
    }

    /** A refund paid that day: how much, to whom, on what day (SI 1992/613 reg 31). */
    private List<DocumentRequest> refunds(LocalDate date) {
        return jdbc.sql("""
                select r.authority_id, r.account_id, r.refund_id, r.amount_pence, r.payee_name, r.paid_on, """ + ADDRESSEE_COLUMNS + """

                from refund_letter r""" + ADDRESSEE + """
                where r.paid_on = ?
                order by r.authority_id, r.refund_id""")
                .param(date)
                .query((rs, n) -> {
                    LocalDate on = rs.getObject(6, LocalDate.class);
                    Map<String, Object> d = common(rs, 7);
                    d.put("letterDate", LETTER_DATE.format(on));
                    d.put("amount", Money.ofPence(rs.getLong(4)).toString());
                    d.put("refundMethod", "payment to " + rs.getString(5));
                    d.put("refundOn", LETTER_DATE.format(on));
                    return new DocumentRequest(rs.getInt(1), rs.getLong(2), "REFUND_LETTER", d, on, "refund:" + rs.getLong(3));
                })
                .list();
    }

    /** The requests whose key has no document yet (one query for the day's keys). */
    private List<DocumentRequest> notYetProduced(List<DocumentRequest> found) {
        if (found.isEmpty()) {
            return found;
        }
        Set<String> done = new HashSet<>(jdbc.sql("""
                select d.authority_id || ' ' || d.source_key from unnest(?::int[], ?::text[]) k(authority_id, source_key)
                join document d on d.authority_id = k.authority_id and d.source_key = k.source_key""")
                .params(found.stream().map(DocumentRequest::authorityId).toArray(Integer[]::new),
                        found.stream().map(DocumentRequest::sourceKey).toArray(String[]::new))
                .query(String.class).list());
        return found.stream().filter(r -> !done.contains(r.authorityId() + " " + r.sourceKey())).toList();
    }
}
