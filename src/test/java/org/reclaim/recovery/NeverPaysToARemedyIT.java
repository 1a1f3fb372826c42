package org.reclaim.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
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

/**
 * One account through a whole year that it never pays: reminder, final notice, summons with costs, the hearing and
 * its liability order with costs, then the cheapest remedy the data supports (an employer is known: attachment of
 * earnings, no fee to the customer) confirmed by an officer — every step through the API, every step once.
 */
@IntegrationTest
class NeverPaysToARemedyIT {

    private static final FinancialYear Y = FinancialYear.of(2026);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired JdbcClient jdbc;

    @Test
    void fromFirstReminderToAnAttachmentOfEarnings() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Whole Year Council").create();
        authorities.replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting("Whole Year Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(PATH)).andExpect(status().isOk());
        Account account = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(account.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));

        run(council, "2026-04-02");   // April missed: reminder (SI 1992/613 reg 23(1))
        run(council, "2026-04-16");   // still unpaid: the whole year falls due, final notice (reg 23(3))
        long summonsRun = run(council, "2026-04-23");   // 7 days on: summons (reg 34), released by a team leader
        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/release", summonsRun).with(httpBasic("teamleader", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true}")).andExpect(jsonPath("$.done").value(1));
        assertThat(actions(account)).containsExactly("REMINDER_1@2026-04-02", "FINAL_NOTICE@2026-04-16", "SUMMONS@2026-04-23");
        assertThat(costs(account)).isEqualTo(7000);

        // the hearing 21 days later (at least 14: reg 35(2A)); the court makes the order; its costs are added once
        String hearing = mvc.perform(post("/api/v1/recovery/hearings").with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authority\": \"%s\", \"court\": \"Anytown Magistrates' Court\", \"hearingOn\": \"2026-05-14\", \"capacity\": 10}"
                                .formatted(council.gssCode())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long hearingId = ((Number) JsonPath.read(hearing, "$.id")).longValue();
        mvc.perform(post("/api/v1/recovery/hearings/{id}/summonses", hearingId).with(httpBasic("teamleader", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"issuedOn\": \"2026-04-23\"}")).andExpect(jsonPath("$.listed").value(1));
        String granted = "{\"lines\": [{\"accountReference\": \"" + account.reference().value()
                + "\", \"financialYear\": 2026, \"outcome\": \"LIABILITY_ORDER_GRANTED\"}]}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/recovery/hearings/{id}/outcomes", hearingId).with(httpBasic("officer", "reclaim-demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(granted)).andExpect(status().isOk());
        }
        assertThat(actions(account)).last().isEqualTo("LIABILITY_ORDER@2026-05-14");
        assertThat(costs(account)).isEqualTo(7000 + 5000);

        // an employer is known: attachment of earnings is proposed before an enforcement agent, and confirmed once
        mvc.perform(post("/api/v1/accounts/{r}/remedy-facts", account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"EMPLOYER\", \"employerName\": \"Acme Widgets Ltd\", \"employerAddress\": \"Unit 4, Anytown\", "
                                + "\"payrollReference\": \"P-1\", \"payPeriod\": \"MONTHLY\", \"netEarningsPence\": 142000}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/accounts/{r}/remedies", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.years[0].proposed").value("ATTACHMENT_OF_EARNINGS"))
                .andExpect(jsonPath("$.years[0].options[3].remedy").value("ENFORCEMENT_AGENT"));
        // £1,420.00 a month: 12% under SI 1992/613 Sch. 4 Table B
        mvc.perform(post("/api/v1/accounts/{r}/remedies", account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"financialYear\": 2026, \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.deductionPence").value(17040));
        assertThat(actions(account)).hasSize(5).last().asString().startsWith("ATTACHMENT_OF_EARNINGS@");
    }

    private long run(BillingAuthority council, String date) throws Exception {
        return RecoveryRecords.run(mvc, council, date, false);
    }

    private List<String> actions(Account a) {
        return RecoveryRecords.actions(jdbc, a);
    }

    private long costs(Account a) {
        return RecoveryRecords.costs(jdbc, a);
    }

    private static final String PATH = RecoveryRecords.PATH_WITH_COSTS;
}
