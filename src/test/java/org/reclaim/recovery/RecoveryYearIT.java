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

/**
 * Walks Council Tax accounts through 2026/27 with the run called for explicit business dates: one that never pays,
 * one that pays late at each stage, one in breathing space, one that pays in full after the summons, and one whose
 * Direct Debit is returned unpaid. Band D £2,330.02: £233.02 on 1 April, then £233.00 on the 1st of May to January.
 */
@IntegrationTest
class RecoveryYearIT {

    private static final FinancialYear Y = FinancialYear.of(2026);

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

    private void pay(Account a, long pence, LocalDate on) {
        ledger.post(Posting.of(a.reference(), Y, EntryType.PAYMENT, Money.ofPence(-pence), on, "payment"));
    }

    private long run(BillingAuthority council, String date, boolean preview) throws Exception {
        return RecoveryRecords.run(mvc, council, date, preview);
    }

    private List<String> actions(Account a) {
        return RecoveryRecords.actions(jdbc, a);
    }

    private long costs(Account a) {
        return RecoveryRecords.costs(jdbc, a);
    }

    private long balance(Account a) {
        return ledger.balance(a).pence();
    }

    @Test
    void aYearOfRecovery() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Recovery Walk Council").create();
        authorities.replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                new Authorities.PreceptSetting("Recovery Walk Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        // the default path ships with no costs; the administrator sets the council's own
        mvc.perform(get("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.stages[3].code").value("SUMMONS")).andExpect(jsonPath("$.stages[3].costsPence").isEmpty());
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(path(21, "REMINDER_1", "Council's costs agreed with the court")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2)).andExpect(jsonPath("$.stages[3].costsPence").value(7000))
                .andExpect(jsonPath("$.history.length()").value(2)).andExpect(jsonPath("$.history[0].changedBy").value("admin"));

        Account never = billed(data, council);
        Account late = billed(data, council);
        Account breathing = billed(data, council);
        Account paysAfterSummons = billed(data, council);
        Account directDebit = billed(data, council);
        pay(directDebit, 23302, LocalDate.of(2026, 4, 1));
        mvc.perform(post("/api/v1/accounts/{r}/holds", breathing.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"BREATHING_SPACE_STANDARD\", \"from\": \"2026-03-30\", \"reason\": \"Insolvency Service notice\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.endsOn").value("2026-05-28"));
        // the same hold sent again (a retried request) is the one already placed, not a second
        String firstHold = jdbc.sql("select string_agg(id::text, ',') from recovery_hold where authority_id = ? and account_id = ?")
                .params(council.id(), breathing.id()).query(String.class).single();
        mvc.perform(post("/api/v1/accounts/{r}/holds", breathing.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"BREATHING_SPACE_STANDARD\", \"from\": \"2026-03-30\", \"reason\": \"Insolvency Service notice\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(Long.parseLong(firstHold)));

        // 2 April: the April instalment is missed -> first reminder (reg 23(1)); breathing space passed over
        long r1 = run(council, "2026-04-02", false);
        assertThat(actions(never)).containsExactly("REMINDER_1@2026-04-02");
        assertThat(actions(late)).containsExactly("REMINDER_1@2026-04-02");
        assertThat(actions(breathing)).isEmpty();
        assertThat(actions(directDebit)).isEmpty();
        mvc.perform(get("/api/v1/recovery/runs/{id}", r1).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.held").value(1)).andExpect(jsonPath("$.linesByStageAndState.REMINDER_1.ISSUED").value(3));
        mvc.perform(get("/api/v1/recovery/runs/{id}/lines", r1).param("state", "PASSED_OVER").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$[0].account").value(breathing.reference().value()))
                .andExpect(jsonPath("$[0].holdType").value("BREATHING_SPACE_STANDARD"))
                .andExpect(jsonPath("$[0].note").value("Breathing space standard from 30 March 2026 to 28 May 2026: Insolvency Service notice"));
        assertThat(jdbc.sql("select count(*) from recovery_document_request where authority_id = ? and document_code = 'CT_REMINDER_1'")
                .param(council.id()).query(Long.class).single()).isEqualTo(3);
        // the same date again issues nothing more
        run(council, "2026-04-02", false);
        assertThat(actions(never)).hasSize(1);

        pay(late, 23302, LocalDate.of(2026, 4, 6));   // within the reminder's 7 days

        // 16 April: the reminder unpaid 7 days after issue -> whole balance due at the end of a further 7 (reg 23(3)); final notice
        run(council, "2026-04-16", false);
        assertThat(actions(never)).containsExactly("REMINDER_1@2026-04-02", "FINAL_NOTICE@2026-04-16");
        assertThat(actions(late)).containsExactly("REMINDER_1@2026-04-02");
        assertThat(actions(paysAfterSummons)).last().isEqualTo("FINAL_NOTICE@2026-04-16");

        // 23 April: 7 days after the final notice -> summons (reg 34(1)), which needs a team leader
        long r3 = run(council, "2026-04-23", false);
        assertThat(actions(never)).hasSize(2);
        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/release", r3).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(0))
                .andExpect(jsonPath("$.skipped[0].reason").value("SUMMONS needs a team leader's authorisation"));
        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/release", r3).with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2));
        assertThat(actions(never)).last().isEqualTo("SUMMONS@2026-04-23");
        assertThat(costs(never)).isEqualTo(7000);
        assertThat(jdbc.sql("select hearing_on from recovery_action where authority_id = ? and account_id = ? and code = 'SUMMONS'")
                .params(never.authorityId(), never.id()).query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 5, 14));

        // paid in full with the costs before the hearing: no liability order (reg 34(5)); costs stand by the default policy
        pay(paysAfterSummons, balance(paysAfterSummons), LocalDate.of(2026, 5, 5));
        // the Direct Debit for May is paid and returned unpaid (ARUDD): a PAYMENT_REVERSAL
        pay(directDebit, 23300, LocalDate.of(2026, 5, 1));
        ledger.post(Posting.of(directDebit.reference(), Y, EntryType.PAYMENT_REVERSAL, Money.ofPence(23300), LocalDate.of(2026, 5, 8),
                "Direct Debit returned unpaid: ARUDD 0 refer to payer"));

        // 11 May, as a preview: the late payer misses May after paying the first reminder -> second reminder; the returned DD -> first reminder
        long r4 = run(council, "2026-05-11", true);
        assertThat(actions(late)).hasSize(1);
        assertThat(actions(directDebit)).isEmpty();
        mvc.perform(get("/api/v1/recovery/runs/{id}/lines", r4).param("state", "PROPOSED").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(2));
        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/release", r4).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"all\": true}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(2));
        assertThat(actions(late)).containsExactly("REMINDER_1@2026-04-02", "REMINDER_2@2026-05-11");
        assertThat(actions(directDebit)).containsExactly("REMINDER_1@2026-05-11");
        assertThat(actions(paysAfterSummons)).last().isEqualTo("SUMMONS@2026-04-23");
        assertThat(costs(paysAfterSummons)).isEqualTo(7000);
        assertThat(balance(paysAfterSummons)).isZero();
        assertThat(actions(breathing)).isEmpty();
        pay(late, 23300, LocalDate.of(2026, 5, 12));

        // 14 May, the hearing date: the liability order is sought, awaiting the court; only the court's outcome records it
        run(council, "2026-05-14", false);
        assertThat(actions(never)).last().isEqualTo("SUMMONS@2026-04-23");
        assertThat(actions(paysAfterSummons)).last().isEqualTo("SUMMONS@2026-04-23");
        mvc.perform(get("/api/v1/accounts/{r}/recovery", never.reference().value()).param("asOf", "2026-05-14")
                        .with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.years[0].currentStage").value("SUMMONS"))
                .andExpect(jsonPath("$.years[0].nextAction").value("LIABILITY_ORDER"))
                .andExpect(jsonPath("$.years[0].nextActionOn").value("2026-05-14"))
                .andExpect(jsonPath("$.actions.length()").value(3));

        // 2 June: the late payer misses June after two reminders -> instalments lost, final notice at once (reg 23(4))
        run(council, "2026-06-02", false);
        assertThat(actions(late)).last().isEqualTo("FINAL_NOTICE@2026-06-02");
        // the breathing space ended on 28 May: recovery resumes with a reminder; it never had costs
        assertThat(actions(breathing)).containsExactly("REMINDER_1@2026-06-02");
        assertThat(costs(breathing)).isZero();
        pay(late, balance(late), LocalDate.of(2026, 6, 5));
        run(council, "2026-06-10", false);
        assertThat(actions(late)).last().isEqualTo("FINAL_NOTICE@2026-06-02");
        assertThat(costs(late)).isZero();
        mvc.perform(get("/api/v1/accounts/{r}/recovery", late.reference().value()).param("asOf", "2026-06-10")
                        .with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.years[0].nextAction").isEmpty());
        assertThat(jdbc.sql("select count(*) from recovery_timeline where authority_id = ? and account_id = ?")
                .params(never.authorityId(), never.id()).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void eachStreamMissesAnInstalmentAfterItsOwnGraceDays() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Recovery Grace Council").create();
        authorities.replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting("Recovery Grace Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        // Council Tax: 3 days' grace; Business Rates keeps the default of none
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(path(21, "REMINDER_1", "three days' grace").replace("\"graceDays\": 0",
                                "\"graceDays\": 3")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.graceDays").value(3));
        Account councilTax = billed(data, council);
        Account rates = data.account(council).stream(org.reclaim.accounts.RevenueStream.BUSINESS_RATES)
                .property(data.nonDomestic(council).create()).from(LocalDate.of(2020, 6, 1)).open();
        ledger.post(Posting.of(rates.reference(), Y, EntryType.CHARGE, Money.ofPence(50000), LocalDate.of(2026, 4, 1), "rates due 1 April"));

        // 3 April: the rates charge of 1 April is overdue; the Council Tax instalment of 1 April is still within its grace
        run(council, "2026-04-03", false);
        assertThat(actions(rates)).containsExactly("REMINDER_1@2026-04-03");
        assertThat(actions(councilTax)).isEmpty();
        run(council, "2026-04-04", false);
        assertThat(actions(councilTax)).isEmpty();
        // 5 April: 1 April + 3 days' grace is past
        run(council, "2026-04-05", false);
        assertThat(actions(councilTax)).containsExactly("REMINDER_1@2026-04-05");
    }

    @Test
    void withNoAuthorityNamedTheRunIsMadeForEveryAuthority() throws Exception {
        // a date before any bill in the database: every authority is run and nothing is issued anywhere
        int authorities = context.getBean(org.reclaim.authorities.Authorities.class).all().size();
        mvc.perform(post("/api/v1/recovery/runs").param("date", "2000-04-03").with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.businessDate").value("2000-04-03"))
                .andExpect(jsonPath("$.runs.length()").value(authorities))
                .andExpect(jsonPath("$.runs[*].status").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("COMPLETED"))))
                .andExpect(jsonPath("$.held").value(0))
                .andExpect(jsonPath("$.linesByStageAndState").isEmpty());
        mvc.perform(post("/api/v1/recovery/runs").param("date", "2000-04-03").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputIsRefusedWithTheReason() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Recovery Input Council").create();
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(path(13, "REMINDER_1", "hearing sooner")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stages[4].waitDays"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("35(2A)")));
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(path(21, "FIRST_LETTER", "rename")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stages[0].code"));
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(path(21, "REMINDER_1", "not an admin")))
                .andExpect(status().isForbidden());
        // a council's minimum amount for a stage is part of the path; a negative one is refused where it is
        String withMinimum = path(21, "REMINDER_1", "no reminder under £5").replace("\"document\": \"CT_REMINDER_1\"",
                "\"document\": \"CT_REMINDER_1\", \"minimumPence\": %d");
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(withMinimum.formatted(-1)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("stages[0].minimumPence"));
        mvc.perform(put("/api/v1/recovery/paths/{a}/COUNCIL_TAX", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(withMinimum.formatted(500)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stages[0].minimumPence").value(500))
                .andExpect(jsonPath("$.stages[1].minimumPence").isEmpty());
        Account a = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.B).create()).open();
        mvc.perform(post("/api/v1/accounts/{r}/holds", a.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"DISPUTE\", \"from\": \"2026-04-01\", \"reason\": \"disputes liability\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("a hold without an end or review date")));
        mvc.perform(post("/api/v1/accounts/{r}/holds", a.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"BREATHING_SPACE_MENTAL_HEALTH\", \"from\": \"2026-04-01\", \"endsOn\": \"2026-09-01\", \"reason\": \"AMHP evidence\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reviewOn"));
        String hold = mvc.perform(post("/api/v1/accounts/{r}/holds", a.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"DISPUTE\", \"from\": \"2026-04-01\", \"reviewOn\": \"2026-05-01\", \"reason\": \"disputes liability\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(hold, "$.id");
        mvc.perform(post("/api/v1/accounts/{r}/holds/{id}/end", a.reference().value(), id).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\": \"2026-04-20\", \"reason\": \"resolved\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endedOn").value("2026-04-20"));
        mvc.perform(get("/api/v1/accounts/{r}/holds", a.reference().value()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].endedBy").value("officer"));
    }

    private static String path(int hearingWait, String firstCode, String reason) {
        return """
                {"graceDays": 0, "costsIfPaidBeforeHearing": "STAND", "reason": "%s", "stages": [
                  {"code": "%s", "waitDays": 0, "needsAuthorisation": false, "inUse": true, "document": "CT_REMINDER_1"},
                  {"code": "REMINDER_2", "waitDays": 0, "needsAuthorisation": false, "inUse": true, "document": "CT_REMINDER_2"},
                  {"code": "FINAL_NOTICE", "waitDays": 14, "needsAuthorisation": false, "inUse": true, "document": "CT_FINAL_NOTICE"},
                  {"code": "SUMMONS", "waitDays": 7, "costsPence": 7000, "needsAuthorisation": true, "inUse": true, "document": "CT_SUMMONS"},
                  {"code": "LIABILITY_ORDER", "waitDays": %d, "costsPence": 5000, "needsAuthorisation": false, "inUse": true, "document": "CT_LO"}
                ]}""".formatted(reason, firstCode, hearingWait);
    }
}
