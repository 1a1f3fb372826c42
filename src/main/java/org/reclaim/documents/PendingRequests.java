package org.reclaim.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The document requests of a business date that have no document yet, with the data their letters need, read set-based
 * from the requests the recovery module ({@code recovery_document_request}) and the arrangements module
 * ({@code arrangement_document_request}) record, and the Council Tax bills issued that day (each bill a demand notice). Nothing is written to their tables: a request is done when a document
 * with its key exists, so a re-run (or a run after a crash) finds only what is missing. A summons is produced once it is
 * listed for a hearing (a summons directs the person to appear before the court, SI 1992/613 reg 34(2), so it names the
 * court and the day; its form: Magistrates' Courts Rules 1981 r 98 as substituted by SI 2019/1367; reg 35 governs its
 * service and the 14 days before the order), so until then it waits.
 */
@Component
class PendingRequests {

    static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The requests to render and how many summonses wait for a hearing. */
    record Pending(List<DocumentRequest> requests, int waitingForHearing) {
    }

    // The addressee: the first liable party; their preferred postal address, else the property's.
    private static final String ADDRESSEE = """
            join lateral (
                select coalesce(p.organisation_name, concat_ws(' ', p.title, p.forenames, p.surname)) as name,
                       coalesce(cp.address_line_1, pr.address_line_1) as line1,
                       case when cp.id is not null then cp.address_line_2 else pr.address_line_2 end as line2,
                       case when cp.id is not null then cp.town else pr.town end as town,
                       coalesce(cp.postcode, pr.postcode) as postcode
                from account_party ap
                join party p on p.authority_id = ap.authority_id and p.id = ap.party_id
                left join lateral (select * from contact_point c where c.authority_id = p.authority_id and c.party_id = p.id
                                   and c.kind = 'POSTAL' order by c.preferred desc, c.id limit 1) cp on true
                left join property pr on pr.authority_id = ac.authority_id and pr.id = ac.property_id
                where ap.authority_id = ac.authority_id and ap.account_id = ac.id
                order by ap.party_id limit 1) who on true
            """;

    private final JdbcClient jdbc;

    PendingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Pending on(LocalDate date) {
        List<DocumentRequest> requests = new ArrayList<>();
        int[] waiting = {0};
        jdbc.sql("""
                select r.authority_id, r.account_id, r.document_code, r.requested_on, a.id, a.financial_year, a.amount_pence,
                       a.costs_pence, a.hearing_on, ba.name, ac.reference, ac.stream, who.name, who.line1, who.line2, who.town,
                       who.postcode, h.court, h.hearing_on,
                       (select coalesce(sum(l.amount_pence), 0) from ledger_entry l where l.authority_id = ac.authority_id
                          and l.account_id = ac.id and l.financial_year = a.financial_year and l.effective_on <= r.requested_on)
                from recovery_document_request r
                join recovery_action a on a.authority_id = r.authority_id and a.id = r.action_id
                join account ac on ac.authority_id = r.authority_id and ac.id = r.account_id
                join billing_authority ba on ba.id = r.authority_id
                """ + ADDRESSEE + """
                left join lateral (select ch.court, ch.hearing_on from court_listing cl
                                   join court_hearing ch on ch.authority_id = cl.authority_id and ch.id = cl.hearing_id
                                   where cl.authority_id = a.authority_id and cl.summons_action_id = a.id
                                   order by cl.listed_at desc limit 1) h on true
                where r.requested_on = ? and r.status = 'REQUESTED'
                  and not exists (select 1 from document d where d.authority_id = r.authority_id and d.source_key = 'recovery:' || r.action_id)
                order by r.authority_id, r.account_id, a.id""")
                .param(date)
                .query((ResultSet rs) -> {
                    String code = rs.getString(3);
                    boolean summons = code.endsWith("_SUMMONS");
                    if (summons && rs.getString(18) == null) {
                        waiting[0]++;
                        return;
                    }
                    Map<String, Object> d = common(rs, 10);
                    LocalDate on = rs.getObject(4, LocalDate.class);
                    int year = rs.getInt(6);
                    Money amount = Money.ofPence(rs.getLong(7));
                    Money costs = Money.ofPence(rs.getLong(8));
                    d.put("financialYear", year + "/" + String.format("%02d", (year + 1) % 100));
                    d.put("amount", amount.toString());
                    d.put("costs", costs.toString());
                    d.put("total", amount.plus(costs).toString());
                    d.put("yearBalance", Money.ofPence(rs.getLong(20)).toString());
                    // reminders and final notices: the 7 days begin with the day of issue (SI 1992/613 reg 23(3), 34(1)); for rates with the
                    // day of service (SI 1989/1058 reg 8(2)). Issue day + 7 is the day after that period ends, so this date is a day
                    // more generous than the regulations' period
                    d.put("payBy", LETTER_DATE.format(on.plusDays(7)));
                    if (summons) {
                        d.put("court", rs.getString(18));
                        d.put("hearingDate", LETTER_DATE.format(rs.getObject(19, LocalDate.class)));
                    } else if (rs.getObject(9) != null) {
                        d.put("hearingDate", LETTER_DATE.format(rs.getObject(9, LocalDate.class)));
                    }
                    d.put("letterDate", LETTER_DATE.format(on));
                    requests.add(new DocumentRequest(rs.getInt(1), rs.getLong(2), code, d, on, "recovery:" + rs.getLong(5)));
                });
        jdbc.sql("""
                select r.authority_id, ac.id, r.document_code, r.requested_on, r.arrangement_id, r.due_on, ar.instalment_pence,
                       ar.frequency, ar.last_payment_on, ba.name, ac.reference, ac.stream, who.name, who.line1, who.line2, who.town,
                       who.postcode, m.shortfall_pence
                from arrangement_document_request r
                join arrangement ar on ar.authority_id = r.authority_id and ar.id = r.arrangement_id
                join lateral (select aa.account_id from arrangement_account aa where aa.authority_id = r.authority_id
                              and aa.arrangement_id = r.arrangement_id order by aa.position limit 1) first on true
                join account ac on ac.authority_id = r.authority_id and ac.id = first.account_id
                join billing_authority ba on ba.id = r.authority_id
                """ + ADDRESSEE + """
                left join arrangement_miss m on m.authority_id = r.authority_id and m.arrangement_id = r.arrangement_id and m.due_on = r.due_on
                where r.requested_on = ? and r.status = 'REQUESTED'
                  and not exists (select 1 from document d where d.authority_id = r.authority_id
                                  and d.source_key = 'arrangement:' || r.arrangement_id || ':' || r.due_on || ':' || r.document_code)
                order by r.authority_id, r.arrangement_id, r.due_on""")
                .param(date)
                .query((ResultSet rs) -> {
                    Map<String, Object> d = common(rs, 10);
                    LocalDate on = rs.getObject(4, LocalDate.class);
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    d.put("letterDate", LETTER_DATE.format(on));
                    d.put("instalment", Money.ofPence(rs.getLong(7)).toString());
                    d.put("frequency", rs.getString(8).toLowerCase(Locale.ROOT));
                    d.put("lastPaymentOn", LETTER_DATE.format(rs.getObject(9, LocalDate.class)));
                    d.put("dueOn", LETTER_DATE.format(due));
                    Long shortfall = (Long) rs.getObject(18);
                    d.put("shortfall", Money.ofPence(shortfall == null ? rs.getLong(7) : shortfall).toString());
                    String key = "arrangement:" + rs.getLong(5) + ":" + due + ":" + rs.getString(3);
                    requests.add(new DocumentRequest(rs.getInt(1), rs.getLong(2), rs.getString(3), d, on, key));
                });
        jdbc.sql("""
                select b.authority_id, b.account_id, b.issued_on, b.id, b.financial_year, b.total_pence, dw.council_tax_band,
                       concat_ws(', ', dw.address_line_1, dw.address_line_2, dw.town, dw.postcode), b.instalment_due_on, b.instalment_pence,
                       ba.name, ac.reference, ac.stream, who.name, who.line1, who.line2, who.town, who.postcode
                from bill b
                join account ac on ac.authority_id = b.authority_id and ac.id = b.account_id
                join billing_authority ba on ba.id = b.authority_id
                left join property dw on dw.authority_id = ac.authority_id and dw.id = ac.property_id
                """ + ADDRESSEE + """
                where b.issued_on = ? and ac.stream = 'COUNCIL_TAX' and b.instalment_due_on is not null
                  and not exists (select 1 from document d where d.authority_id = b.authority_id and d.source_key = 'bill:' || b.id)
                order by b.authority_id, b.id""")
                .param(date)
                .query((ResultSet rs) -> {
                    // a Council Tax bill is a demand notice (SI 1992/613 Part V): the year's amount and its instalments
                    Map<String, Object> d = common(rs, 11);
                    LocalDate on = rs.getObject(3, LocalDate.class);
                    int year = rs.getInt(5);
                    d.put("letterDate", LETTER_DATE.format(on));
                    d.put("financialYear", year + "/" + String.format("%02d", (year + 1) % 100));
                    d.put("amount", Money.ofPence(rs.getLong(6)).toString());
                    d.put("band", rs.getString(7) == null ? "" : rs.getString(7));
                    d.put("propertyAddress", rs.getString(8));
                    java.sql.Date[] dueOn = (java.sql.Date[]) rs.getArray(9).getArray();
                    Long[] pence = (Long[]) rs.getArray(10).getArray();
                    List<Map<String, String>> instalments = new ArrayList<>();
                    for (int i = 0; i < dueOn.length; i++) {
                        instalments.add(Map.of("dueOn", LETTER_DATE.format(dueOn[i].toLocalDate()), "amount", Money.ofPence(pence[i]).toString()));
                    }
                    d.put("instalments", instalments);
                    requests.add(new DocumentRequest(rs.getInt(1), rs.getLong(2), "ANNUAL_BILL", d, on, "bill:" + rs.getLong(4)));
                });
        return new Pending(requests, waiting[0]);
    }

    /** The fields every letter has, from columns authority name, reference, stream, name, line 1, line 2, town, postcode. */
    private static Map<String, Object> common(ResultSet rs, int from) throws SQLException {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("authorityName", rs.getString(from));
        d.put("accountReference", rs.getString(from + 1));
        d.put("stream", streamWords(rs.getString(from + 2)));
        d.put("name", rs.getString(from + 3));
        List<String> lines = new ArrayList<>();
        for (int i = from + 4; i <= from + 6; i++) {
            @Nullable String line = rs.getString(i);
            if (line != null && !line.isBlank()) {
                lines.add(line);
            }
        }
        d.put("addressLines", lines);
        d.put("postcode", rs.getString(from + 7));
        return d;
    }

    private static String streamWords(String stream) {
        return switch (stream) {
            case "COUNCIL_TAX" -> "Council Tax";
            case "BUSINESS_RATES" -> "Business Rates";
            case "HOUSING_RENT" -> "rent";
            case "FORMER_TENANT_ARREARS" -> "former tenant arrears";
            default -> "Housing Benefit overpayment";
        };
    }
}
