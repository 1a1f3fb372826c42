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
import org.reclaim.authorities.Authorities;
import org.reclaim.payments.PaymentMethod;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document requests of a business date that have no document yet, with the data their letters need, read set-based
 * from the views the owning modules publish: recovery's notices ({@code recovery_letter_request}), the arrangements'
 * confirmations and missed payments ({@code arrangement_letter_request}), the Council Tax bills issued that day (each a
 * demand notice, {@code billing_demand_notice}), and the letters of {@link EventLetters}; each addressed as
 * {@code account_addressee} says. Nothing is written to their tables: a request is done when a document with its key
 * exists, so a re-run (or a run after a crash) finds only what is missing. A summons is produced once it is
 * listed for a hearing (a summons directs the person to appear before the court, SI 1992/613 reg 34(2), so it names the
 * court and the day; its form: Magistrates' Courts Rules 1981 r 98 as substituted by SI 2019/1367; reg 35 governs its
 * service and the 14 days before the order), so until then it waits.
 */
@Component
class PendingRequests {

    static final String CONFIRMATION = "ARRANGEMENT_CONFIRMATION";
    static final DateTimeFormatter LETTER_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** The requests to render and how many summonses wait for a hearing. */
    record Pending(List<DocumentRequest> requests, int waitingForHearing) {
    }

    // The letter's heading and addressee, as the accounts module publishes them (view account_addressee, V117): columns
    // authority name, reference, stream, name, line 1, line 2, town, postcode, the order common() reads them in.
    static final String ADDRESSEE_COLUMNS = "who.authority_name, who.reference, who.stream, who.name, who.line1, who.line2, who.town, who.postcode";
    static final String ADDRESSEE = " join account_addressee who on who.authority_id = r.authority_id and who.account_id = r.account_id ";

    private final JdbcClient jdbc;
    private final EventLetters events;
    private final Authorities authorities;

    PendingRequests(JdbcClient jdbc, EventLetters events, Authorities authorities) {
        this.jdbc = jdbc;
        this.events = events;
        this.authorities = authorities;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    Pending on(LocalDate date) {
        DemandNoticeFigures figures = new DemandNoticeFigures(authorities);
        List<DocumentRequest> requests = new ArrayList<>();
        int[] waiting = {0};
        jdbc.sql("""
                select r.authority_id, r.account_id, r.document_code, r.requested_on, r.action_id, r.financial_year, r.amount_pence,
                       r.costs_pence, r.hearing_on, """ + ADDRESSEE_COLUMNS + """
                       , r.listed_court, r.listed_hearing_on, r.year_balance_pence
                from recovery_letter_request r""" + ADDRESSEE + """
                where r.requested_on = ?
                  and not exists (select 1 from document d where d.authority_id = r.authority_id and d.source_key = 'recovery:' || r.action_id)
                order by r.authority_id, r.account_id, r.action_id""")
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
                    // reminders and final notices: pay within the 7 days beginning with the day of issue (SI 1992/613 reg 23(3), 34(1);
                    // for rates the day of service, SI 1989/1058 reg 8(2)), so the last day is the issue day + 6
                    d.put("payBy", LETTER_DATE.format(on.plusDays(6)));
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
                select r.authority_id, r.account_id, r.document_code, r.requested_on, r.arrangement_id, r.due_on, r.instalment_pence,
                       r.frequency, r.last_payment_on, """ + ADDRESSEE_COLUMNS + """
                       , r.shortfall_pence, r.first_payment_on, r.total_pence, r.method
                from arrangement_letter_request r""" + ADDRESSEE + """
                where r.requested_on = ?
                  and not exists (select 1 from document d where d.authority_id = r.authority_id
                                  and d.source_key = 'arrangement:' || r.arrangement_id || ':' || r.due_on || ':' || r.document_code)
                order by r.authority_id, r.arrangement_id, r.due_on, r.document_code""")
                .param(date)
                .query((ResultSet rs) -> {
                    Map<String, Object> d = common(rs, 10);
                    LocalDate on = rs.getObject(4, LocalDate.class);
                    LocalDate due = rs.getObject(6, LocalDate.class);
                    d.put("letterDate", LETTER_DATE.format(on));
                    d.put("instalment", Money.ofPence(rs.getLong(7)).toString());
                    d.put("frequency", rs.getString(8).toLowerCase(Locale.ROOT));
                    d.put("lastPaymentOn", LETTER_DATE.format(rs.getObject(9, LocalDate.class)));
                    if (CONFIRMATION.equals(rs.getString(3))) {
                        // the schedule agreed, and how it is paid: the letter offers Direct Debit unless it is paid that way
                        d.put("firstPaymentOn", LETTER_DATE.format(rs.getObject(19, LocalDate.class)));
                        d.put("total", Money.ofPence(rs.getLong(20)).toString());
                        d.put("method", PaymentMethod.valueOf(rs.getString(21)).label());
                    } else {
                        d.put("dueOn", LETTER_DATE.format(due));
                        Long shortfall = (Long) rs.getObject(18);
                        d.put("shortfall", Money.ofPence(shortfall == null ? rs.getLong(7) : shortfall).toString());
                    }
                    String key = "arrangement:" + rs.getLong(5) + ":" + due + ":" + rs.getString(3);
                    requests.add(new DocumentRequest(rs.getInt(1), rs.getLong(2), rs.getString(3), d, on, key));
                });
        // a Council Tax bill is a demand notice (SI 1992/613 Part V) with each authority's amount for the band and its change
        // on last year (SI 2011/3038 Sch 1); a Business Rates bill is a rates demand notice (SI 1989/1058 reg 4(1)) with the
        // rateable value (SI 2003/2613 Sch 2 Part 1)
        requests.addAll(bills(date, "billing_demand_notice", "r.council_tax_band, r.parish_id", "ANNUAL_BILL", (rs, d) -> {
            d.put("band", rs.getString(20) == null ? "" : rs.getString(20));
            d.put("precepts", figures.precepts(rs.getInt(1), rs.getInt(5), (Integer) rs.getObject(21), rs.getString(20)));
        }));
        requests.addAll(bills(date, "billing_rates_demand_notice", "r.rates_description, r.rateable_value_pence", "NNDR_BILL", (rs, d) -> {
            d.put("description", rs.getString(20) == null ? "" : rs.getString(20));
            d.put("rateableValue", rs.getObject(21) == null ? "" : Money.ofPence(rs.getLong(21)).toString());
        }));
        requests.addAll(events.on(date));
        return new Pending(requests, waiting[0]);
    }

    /** What a kind of bill adds to the letter's data from its own columns (20 on). */
    private interface BillFields {
        void add(ResultSet rs, Map<String, Object> d) throws SQLException;
    }

    /**
     * The bills of a demand notice view issued on the date with no letter yet (key {@code bill:<id>}): the year's amount,
     * how it was worked out (the bill's lines), the instalments, and whether the account pays by Direct Debit (the bill
     * then states the collections and carries the Guarantee, as the payer's advance notice).
     */
    private List<DocumentRequest> bills(LocalDate date, String view, String ownColumns, String code, BillFields fields) {
        List<DocumentRequest> out = new ArrayList<>();
        jdbc.sql("""
                select r.authority_id, r.account_id, r.issued_on, r.bill_id, r.financial_year, r.total_pence, r.property_address,
                       r.instalment_due_on, r.instalment_pence, r.lines::text, """ + ADDRESSEE_COLUMNS + """
                       ,
                       exists (select 1 from direct_debit_advance_notice dd where dd.authority_id = r.authority_id and dd.bill_id = r.bill_id),
                       """ + ownColumns + " from " + view + " r" + ADDRESSEE + """
                where r.issued_on = ?
                  and not exists (select 1 from document d where d.authority_id = r.authority_id and d.source_key = 'bill:' || r.bill_id)
                order by r.authority_id, r.bill_id""")
                .param(date)
                .query((ResultSet rs) -> {
                    Map<String, Object> d = common(rs, 11);
                    LocalDate on = rs.getObject(3, LocalDate.class);
                    int year = rs.getInt(5);
                    d.put("letterDate", LETTER_DATE.format(on));
                    d.put("financialYear", year + "/" + String.format("%02d", (year + 1) % 100));
                    d.put("amount", Money.ofPence(rs.getLong(6)).toString());
                    d.put("propertyAddress", rs.getString(7));
                    java.sql.Date[] dueOn = (java.sql.Date[]) rs.getArray(8).getArray();
                    Long[] pence = (Long[]) rs.getArray(9).getArray();
                    List<Map<String, String>> instalments = new ArrayList<>();
                    for (int i = 0; i < dueOn.length; i++) {
                        instalments.add(Map.of("dueOn", LETTER_DATE.format(dueOn[i].toLocalDate()), "amount", Money.ofPence(pence[i]).toString()));
                    }
                    d.put("instalments", instalments);
                    List<Map<String, String>> lines = new ArrayList<>();
                    JSON.readTree(rs.getString(10)).forEach(l -> lines.add(Map.of("description", l.path("description").asString(),
                            "amount", Money.ofPence(l.path("pence").asLong()).toString())));
                    d.put("lines", lines);
                    d.put("directDebit", rs.getBoolean(19));
                    fields.add(rs, d);
                    out.add(new DocumentRequest(rs.getInt(1), rs.getLong(2), code, d, on, "bill:" + rs.getLong(4)));
                });
        return out;
    }

    /** The fields every letter has, from columns authority name, reference, stream, name, line 1, line 2, town, postcode. */
    static Map<String, Object> common(ResultSet rs, int from) throws SQLException {
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

    static String streamWords(String stream) {
        return switch (stream) {
            case "COUNCIL_TAX" -> "Council Tax";
            case "BUSINESS_RATES" -> "Business Rates";
            case "HOUSING_RENT" -> "rent";
            case "FORMER_TENANT_ARREARS" -> "former tenant arrears";
            default -> "Housing Benefit overpayment";
        };
    }
}
