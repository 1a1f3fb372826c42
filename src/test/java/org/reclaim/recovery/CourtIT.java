package org.reclaim.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Court for Council Tax 2026/27: the run summonses six accounts on 23 April; they are listed for the hearing of 14 May
 * (a hearing 13 days after is refused, SI 1992/613 reg 35(2A)); the hearing list shows what changed; the outcomes are
 * recorded in bulk: one granted, one paid before the hearing (a grant refused for it first: it owes nothing), one
 * withdrawn, one adjourned and granted at the next hearing, one granted in breathing space (no costs); a repeat changes
 * nothing. The council's costs: summons £70, liability order £50; its policy withdraws summons costs paid before the hearing.
 */
@IntegrationTest
class CourtIT {

    private static final FinancialYear Y = FinancialYear.of(2026);
    private static final String COURT = "Anytown Magistrates' Court";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    private Account billed(TestData data, BillingAuthority council) {
        Account a = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private void run(BillingAuthority council, String date) throws Exception {
        mvc.perform(post("/api/v1/recovery/runs").param("authority", council.gssCode()).param("date", date).with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
    }

    private long hearing(BillingAuthority council, String on, int capacity) throws Exception {
        String body = mvc.perform(post("/api/v1/recovery/hearings").with(httpBasic("teamleader", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authority\": \"%s\", \"court\": \"%s\", \"hearingOn\": \"%s\", \"capacity\": %d}"
                                .formatted(council.gssCode(), COURT, on, capacity)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.court").value(COURT)).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions outcomes(long hearingId, String json) throws Exception {
        return mvc.perform(post("/api/v1/recovery/hearings/{id}/outcomes", hearingId).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isOk());
    }

    private static String line(Account a, String outcome) {
        return "{\"accountReference\": \"%s\", \"financialYear\": 2026, \"outcome\": \"%s\"}".formatted(a.reference().value(), outcome);
    }

    private List<String> actions(Account a) {
        return RecoveryRecords.actions(jdbc, a);
    }

    private long costs(Account a) {
        return RecoveryRecords.costs(jdbc, a);
    }

    private long ledgerRows(BillingAuthority council) {
        return jdbc.sql("select count(*) from ledger_entry where authority_id = ?").param(council.id()).query(Long.class).single();
    }

    @Test
    void summonsHearingListAndOutcomes() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Court Walk Council").create();
        authorities.replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                new Authorities.PreceptSetting("Court Walk Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(PATH))
                .andExpect(status().isOk()).andExpect(jsonPath("$.costsIfPaidBeforeHearing").value("WITHDRAW"));
        Account granted = billed(data, council);
        Account paid = billed(data, council);
        Account withdrawn = billed(data, council);
        Account adjourned = billed(data, council);
        Account breathing = billed(data, council);
        Account notSummoned = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.A).create()).open();

        run(council, "2026-04-02");
        run(council, "2026-04-16");
        run(council, "2026-04-23");
        jdbc.sql("select id from recovery_run where authority_id = ? and business_date = '2026-04-23'").param(council.id()).query(Long.class).list()
                .forEach(id -> {
                    try {
                        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/release", id).with(httpBasic("teamleader", "reclaim-demo"))
                                .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true}")).andExpect(jsonPath("$.done").value(5));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
        assertThat(actions(granted)).last().isEqualTo("SUMMONS@2026-04-23");
        assertThat(costs(granted)).isEqualTo(7000);

        // a hearing 13 days after the summonses is refused for them (reg 35(2A)); only a team leader lists a batch
        long tooSoon = hearing(council, "2026-05-06", 100);
        mvc.perform(post("/api/v1/recovery/hearings/{id}/summonses", tooSoon).with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"issuedOn\": \"2026-04-23\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("issuedOn"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("reg 35(2A)")))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("on or after 2026-05-07")));
        long small = hearing(council, "2026-05-13", 4);
        mvc.perform(post("/api/v1/recovery/hearings/{id}/summonses", small).with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"issuedOn\": \"2026-04-23\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(containsString("4 of 4 places left")));
        long first = hearing(council, "2026-05-14", 10);
        long next = hearing(council, "2026-06-11", 10);
        mvc.perform(post("/api/v1/recovery/hearings/{id}/summonses", first).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"issuedOn\": \"2026-04-23\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/recovery/hearings", first).with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authority\": \"%s\", \"court\": \"x\", \"hearingOn\": \"2026-07-01\", \"capacity\": 5}".formatted(council.gssCode())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/recovery/hearings/{id}/summonses", first).with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"issuedOn\": \"2026-04-23\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.listed").value(5)).andExpect(jsonPath("$.placesLeft").value(5));
        mvc.perform(post("/api/v1/recovery/hearings/{id}/summonses", first).with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"issuedOn\": \"2026-04-23\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.listed").value(0)).andExpect(jsonPath("$.alreadyListed").value(5));

        // before the hearing: one pays everything with the summons costs, one pays part, one enters breathing space
        ledger.post(Posting.of(paid.reference(), Y, EntryType.PAYMENT, ledger.balance(paid).negate(), LocalDate.of(2026, 5, 5), "paid in full"));
        ledger.post(Posting.of(withdrawn.reference(), Y, EntryType.PAYMENT, Money.ofPence(-50000), LocalDate.of(2026, 5, 6), "part payment"));
        mvc.perform(post("/api/v1/accounts/{r}/holds", breathing.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"BREATHING_SPACE_STANDARD\", \"from\": \"2026-05-01\", \"reason\": \"Insolvency Service notice\"}"))
                .andExpect(status().isCreated());
        long grantedOwed = ledger.balance(granted).pence();

        // the hearing list, as staff read it (an auditor too) and as the court receives it
        mvc.perform(get("/api/v1/recovery/hearings/{id}/list", first).param("asOf", "2026-05-13").with(httpBasic("auditor", "reclaim-demo"))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andExpect(jsonPath("$.cases.length()").value(5))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].change".formatted(paid.reference().value())).value("PAID_IN_FULL"))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].change".formatted(withdrawn.reference().value())).value("PART_PAID"))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].paidSinceSummonsPence".formatted(withdrawn.reference().value())).value(50000))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].change".formatted(granted.reference().value())).value("UNCHANGED"))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].holdType".formatted(breathing.reference().value())).value("BREATHING_SPACE_STANDARD"))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].owedPence".formatted(granted.reference().value())).value((int) grantedOwed))
                .andExpect(jsonPath("$.cases[?(@.accountReference == '%s')].costsPence".formatted(granted.reference().value())).value(7000));
        String csv = mvc.perform(get("/api/v1/recovery/hearings/{id}/list", first).param("asOf", "2026-05-13").with(httpBasic("officer", "reclaim-demo"))
                        .accept("text/csv"))
                .andExpect(status().isOk()).andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv.split("\r\n")).hasSize(6);
        assertThat(csv).startsWith("court,hearing_on,account_reference").contains(COURT + ",2026-05-14,")
                .contains(granted.reference().value() + ",2026/27,2026-04-23").contains(",70.00,0.00,UNCHANGED").contains(",ON_HOLD,BREATHING_SPACE_STANDARD,");

        // outcomes in bulk, with bad lines reported by index; an auditor may not record them
        mvc.perform(post("/api/v1/recovery/hearings/{id}/outcomes", first).with(httpBasic("auditor", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"all\": \"WITHDRAWN\"}"))
                .andExpect(status().isForbidden());
        String sheet = "{\"lines\": [" + String.join(",", line(granted, "LIABILITY_ORDER_GRANTED"), line(paid, "LIABILITY_ORDER_GRANTED"),
                line(withdrawn, "WITHDRAWN"),
                "{\"accountReference\": \"%s\", \"financialYear\": 2026, \"outcome\": \"ADJOURNED\", \"adjournedTo\": \"2026-06-11\"}"
                        .formatted(adjourned.reference().value()),
                line(breathing, "LIABILITY_ORDER_GRANTED"), line(notSummoned, "LIABILITY_ORDER_GRANTED"),
                "{\"accountReference\": \"nonsense\", \"financialYear\": 2026, \"outcome\": \"WITHDRAWN\"}", line(granted, "DISMISSED")) + "]}";
        outcomes(first, sheet)
                .andExpect(jsonPath("$.applied").value(4)).andExpect(jsonPath("$.refused").value(4))
                .andExpect(jsonPath("$.lines[0].status").value("APPLIED")).andExpect(jsonPath("$.lines[0].costsPence").value(5000))
                .andExpect(jsonPath("$.lines[1].status").value("REFUSED"))
                .andExpect(jsonPath("$.lines[1].detail").value(containsString("owes nothing")))
                .andExpect(jsonPath("$.lines[1].detail").value(containsString("reg 34(6), (7)")))
                .andExpect(jsonPath("$.lines[2].status").value("APPLIED")).andExpect(jsonPath("$.lines[2].costsPence").value(-7000))
                .andExpect(jsonPath("$.lines[3].status").value("APPLIED"))
                .andExpect(jsonPath("$.lines[4].status").value("APPLIED")).andExpect(jsonPath("$.lines[4].costsPence").value(0))
                .andExpect(jsonPath("$.lines[4].detail").value(containsString("SI 2020/1311")))
                .andExpect(jsonPath("$.lines[5].line").value("lines[5]"))
                .andExpect(jsonPath("$.lines[5].detail").value(containsString("was not summoned to this hearing")))
                .andExpect(jsonPath("$.lines[6].detail").value(containsString("unknown account")))
                .andExpect(jsonPath("$.lines[7].detail").value(containsString("unknown outcome 'DISMISSED'")));
        outcomes(first, "{\"lines\": [" + line(paid, "PAID_BEFORE_HEARING") + "]}")
                .andExpect(jsonPath("$.applied").value(1)).andExpect(jsonPath("$.lines[0].costsPence").value(-7000));

        // granted: the liability order once, its costs once, the notice requested
        assertThat(actions(granted)).last().isEqualTo("LIABILITY_ORDER@2026-05-14");
        assertThat(costs(granted)).isEqualTo(12000);
        assertThat(jdbc.sql("""
                select count(*) from recovery_document_request d join recovery_action a on a.authority_id = d.authority_id and a.id = d.action_id
                where a.authority_id = ? and a.account_id = ? and a.code = 'LIABILITY_ORDER' and d.document_code = 'CT_LO'""")
                .params(council.id(), granted.id()).query(Long.class).single()).isEqualTo(1);
        // paid before the hearing and withdrawn: the summons costs taken back by an adjustment linked to them
        for (Account a : List.of(paid, withdrawn)) {
            assertThat(actions(a)).last().isEqualTo("COSTS_WITHDRAWN@2026-05-14");
            assertThat(jdbc.sql("""
                    select count(*) from ledger_entry w join ledger_entry c on c.authority_id = w.authority_id and c.id = w.corrects_entry_id
                    where w.authority_id = ? and w.account_id = ? and w.entry_type = 'ADJUSTMENT' and w.amount_pence = -7000 and c.entry_type = 'COSTS'""")
                    .params(council.id(), a.id()).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(ledger.balance(paid).pence()).isEqualTo(-7000);
        // breathing space: the order is recorded, no costs added
        assertThat(actions(breathing)).last().isEqualTo("LIABILITY_ORDER@2026-05-14");
        assertThat(costs(breathing)).isEqualTo(7000);
        assertThat(actions(adjourned)).last().isEqualTo("SUMMONS@2026-04-23");

        // the same outcomes again change nothing
        long rows = ledgerRows(council);
        long actionCount = jdbc.sql("select count(*) from recovery_action where authority_id = ?").param(council.id()).query(Long.class).single();
        outcomes(first, sheet).andExpect(jsonPath("$.applied").value(0)).andExpect(jsonPath("$.unchanged").value(4))
                .andExpect(jsonPath("$.lines[0].detail").value(containsString("already recorded")));
        outcomes(first, "{\"all\": \"LIABILITY_ORDER_GRANTED\"}").andExpect(jsonPath("$.applied").value(0)).andExpect(jsonPath("$.lines.length()").value(0));
        outcomes(first, "{\"lines\": [" + line(granted, "WITHDRAWN") + "]}").andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.lines[0].detail").value(containsString("LIABILITY_ORDER_GRANTED is already recorded")));
        assertThat(ledgerRows(council)).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from recovery_action where authority_id = ?").param(council.id()).query(Long.class).single())
                .isEqualTo(actionCount);

        // the adjourned case at the next hearing: granted with "all", except nobody
        mvc.perform(get("/api/v1/recovery/hearings/{id}/list", next).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.cases.length()").value(1)).andExpect(jsonPath("$.cases[0].adjournedFrom").value("2026-05-14"));
        outcomes(next, "{\"all\": \"LIABILITY_ORDER_GRANTED\", \"except\": [{\"accountReference\": \"%s\"}]}".formatted(granted.reference().value()))
                .andExpect(jsonPath("$.applied").value(1)).andExpect(jsonPath("$.refused").value(1))
                .andExpect(jsonPath("$.lines[0].line").value("except[0]"));
        assertThat(actions(adjourned)).last().isEqualTo("LIABILITY_ORDER@2026-06-11");
        assertThat(costs(adjourned)).isEqualTo(12000);

        // every outcome is on the timeline; the run issues nothing more for these years
        assertThat(jdbc.sql("select what from recovery_timeline where authority_id = ? and account_id = ? and kind = 'COURT_OUTCOME' order by happened_on")
                .params(council.id(), adjourned.id()).query(String.class).list()).containsExactly("ADJOURNED", "LIABILITY_ORDER_GRANTED");
        long before = jdbc.sql("select count(*) from recovery_action where authority_id = ?").param(council.id()).query(Long.class).single();
        run(council, "2026-06-12");
        assertThat(actions(granted)).last().isEqualTo("LIABILITY_ORDER@2026-05-14");
        assertThat(jdbc.sql("select count(*) from recovery_action where authority_id = ? and code in ('LIABILITY_ORDER', 'COSTS_WITHDRAWN', 'SUMMONS')")
                .param(council.id()).query(Long.class).single()).isEqualTo(5 + 3 + 2);
        assertThat(before).isPositive();
    }

    private static final String PATH = RecoveryRecords.PATH_WITH_COSTS;
}
