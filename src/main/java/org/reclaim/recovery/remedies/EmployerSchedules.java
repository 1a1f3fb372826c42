package org.reclaim.recovery.remedies;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An employer's schedule: each employee with a Council Tax attachment of earnings order in force that the authority
 * served on the employer, the payroll reference, and the deduction due each pay-day (SI 1992/613 reg 37, Sch. 4). With
 * two orders against one employee, the second is dealt with after the first (reg 42(1)).
 */
@Service
class EmployerSchedules {

    record Line(String employee, @Nullable String payrollReference, String account, int financialYear, int orderNumber, LocalDate madeOn,
                String payPeriod, long netEarningsPence, long deductionPence, long outstandingPence) {
    }

    record Schedule(String authority, String employer, List<Line> lines) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final AccessAudit audit;

    EmployerSchedules(JdbcClient jdbc, Parties parties, AccessAudit audit) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
    }

    Schedule of(int authorityId, String gssCode, String employer) {
        record Row(long partyId, String payroll, String account, int year, int number, LocalDate madeOn, String period, long net, long deduction,
                   long outstanding) {
        }
        List<Row> rows = jdbc.sql("""
                select o.party_id, o.payroll_reference, a.reference, o.financial_year, o.order_number, o.made_on, o.pay_period,
                       o.net_earnings_pence, o.deduction_pence, b.owed
                from remedy_order o
                join account a on a.authority_id = o.authority_id and a.id = o.account_id
                cross join lateral (select coalesce(sum(l.amount_pence), 0) as owed from ledger_entry l
                                    where l.authority_id = o.authority_id and l.account_id = o.account_id
                                      and l.financial_year = o.financial_year) b
                where o.authority_id = ? and o.remedy = 'ATTACHMENT_OF_EARNINGS' and lower(o.employer_name) = lower(?) and b.owed > 0
                order by o.payroll_reference, o.party_id, o.made_on, o.action_id""")
                .params(authorityId, employer.trim())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getObject(6, LocalDate.class), rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .list();
        Map<Long, Party> people = parties.findAll(rows.stream().map(Row::partyId).distinct().toList()).stream()
                .collect(Collectors.toMap(Party::id, Function.identity()));
        List<Line> lines = rows.stream().map(r -> new Line(people.get(r.partyId()).displayName(), r.payroll(), r.account(), r.year(), r.number(),
                r.madeOn(), r.period(), r.net(), r.deduction(), r.outstanding())).toList();
        audit.recordAll(AccessAudit.Action.READ, rows.stream().map(r -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, r.account()))
                .toList(), "employer's attachment of earnings schedule for " + employer.trim());
        return new Schedule(gssCode, employer.trim(), lines);
    }

    static String csv(Schedule s) {
        StringBuilder out = new StringBuilder("employee,payroll_reference,account_reference,financial_year,order_number,made_on,pay_period,"
                + "net_earnings_pence,deduction_pence,outstanding_pence\n");
        for (Line l : s.lines()) {
            out.append(Csv.row(l.employee(), l.payrollReference(), l.account(), l.financialYear(), l.orderNumber(), l.madeOn(), l.payPeriod(),
                    l.netEarningsPence(), l.deductionPence(), l.outstandingPence()));
        }
        return out.toString();
    }
}
