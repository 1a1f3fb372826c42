package org.reclaim.arrangements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.accounts.Account;
import org.reclaim.parties.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Income and expenditure, the proposal, the 10-day clock and its worklist, the report, bad input and roles. */
@IntegrationTest
class ArrangementsIT {

    /** The worked form of {@link AffordabilityTest}: 42999 pence a month disposable. Format with the day received. */
    static final String WORKED_FORM = """
            {"receivedOn": "%s", "channel": "PHONE", "household": {"adults": 1, "children": 2}, "lines": [
              {"category": "INCOME", "item": "wages", "pence": 150000, "frequency": "MONTHLY"},
              {"category": "INCOME", "item": "child benefit", "pence": 4000, "frequency": "WEEKLY"},
              {"category": "FIXED_COSTS", "item": "rent", "pence": 65000, "frequency": "MONTHLY"},
              {"category": "FIXED_COSTS", "item": "gas and electricity", "pence": 3000, "frequency": "WEEKLY"},
              {"category": "FIXED_COSTS", "item": "water", "pence": 42000, "frequency": "ANNUAL"},
              {"category": "FLEXIBLE_COSTS", "item": "Food and housekeeping", "pence": 8000, "frequency": "WEEKLY"},
              {"category": "FLEXIBLE_COSTS", "item": "communications and leisure", "pence": 6000, "frequency": "MONTHLY"},
              {"category": "PRIORITY_DEBTS", "item": "energy arrears", "pence": 1000, "frequency": "FORTNIGHTLY"},
              {"category": "OTHER_DEBTS", "item": "credit card", "pence": 2500, "frequency": "MONTHLY"}]}""";

    private static final String SMALL_FORM = """
            {"receivedOn": "%s", "channel": "PAPER", "household": {"adults": 1, "children": 0}, "lines": [
              {"category": "INCOME", "item": "wages", "pence": 150000, "frequency": "MONTHLY"}]}""";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    /** One council for the tests that do not run anything council-wide (tests share a small pool of reference prefixes). */
    private static ArrangementFixtures shared;

    private ArrangementFixtures council() {
        if (shared == null) {
            shared = new ArrangementFixtures(context, mvc, "Arrangements Council");
        }
        return shared;
    }

    private static String officer() {
        return "officer";
    }

    @Test
    void aWorkedFormGivesItsMonthlyTotalsAndTheProposal() throws Exception {
        ArrangementFixtures f = council();
        Party customer = f.customer();
        Account account = f.billed(customer);
        long form = ArrangementFixtures.id(f.postJson(officer(), "/api/v1/parties/" + customer.id() + "/income-expenditure",
                        WORKED_FORM.formatted("2026-04-01"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[1].monthlyPence").value(17333)).andExpect(jsonPath("$.lines[5].monthlyPence").value(34667))
                .andExpect(jsonPath("$.totals.incomePence").value(167333)).andExpect(jsonPath("$.totals.fixedCostsPence").value(81500))
                .andExpect(jsonPath("$.totals.flexibleCostsPence").value(40667)).andExpect(jsonPath("$.totals.priorityDebtsPence").value(2167))
                .andExpect(jsonPath("$.totals.otherDebtsPence").value(2500)).andExpect(jsonPath("$.disposableIncomePence").value(42999))
                .andExpect(jsonPath("$.conversion").value(org.hamcrest.Matchers.containsString("half up")))
                // received before any guidelines took effect (none ship): said so, nothing flagged
                .andExpect(jsonPath("$.guidelines.status").value("NO_GUIDELINE_SET"))
                .andExpect(jsonPath("$.guidelines.message").value(org.hamcrest.Matchers.startsWith("no guideline set")))
                .andExpect(jsonPath("$.flags.length()").value(0)));
        // the customer's debt: 233002, the whole year's charge (nothing paid); 11 payments May to March of 21182
        mvc.perform(get("/api/v1/income-expenditure/{id}/proposal", form).param("accounts", account.reference().value())
                        .param("firstPaymentOn", "2026-05-01").with(httpBasic("auditor", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.debtPence").value(233002)).andExpect(jsonPath("$.accounts[0].balancePence").value(233002))
                .andExpect(jsonPath("$.disposableIncomePence").value(42999)).andExpect(jsonPath("$.paymentsToYearEnd").value(11))
                .andExpect(jsonPath("$.clearsByYearEnd").value(true)).andExpect(jsonPath("$.proposedInstalmentPence").value(21182))
                .andExpect(jsonPath("$.clearsOn").value("2027-03-01"))
                .andExpect(jsonPath("$.priorityDebts").value(org.hamcrest.Matchers.containsString("Council Tax and Business Rates arrears are priority debts")))
                // one adult on the form and a bill with no discount: the officer is prompted to ask about the single person discount
                .andExpect(jsonPath("$.entitlementPrompts.length()").value(1))
                .andExpect(jsonPath("$.entitlementPrompts[0].account").value(account.reference().value()))
                .andExpect(jsonPath("$.entitlementPrompts[0].code").value("SINGLE_PERSON_DISCOUNT"))
                .andExpect(jsonPath("$.entitlementPrompts[0].why").value(org.hamcrest.Matchers.containsString("one adult")));
        // the same through issue 6's POST /api/v1/arrangements/proposals
        mvc.perform(post("/api/v1/arrangements/proposals").with(httpBasic("officer", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"incomeExpenditureId\": " + form + ", \"accounts\": [\""
                                + account.reference().value() + "\"], \"firstPaymentOn\": \"2026-05-01\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.debtPence").value(233002))
                .andExpect(jsonPath("$.proposedInstalmentPence").value(21182)).andExpect(jsonPath("$.clearsOn").value("2027-03-01"));
        mvc.perform(post("/api/v1/arrangements/proposals").with(httpBasic("officer", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"incomeExpenditureId\": " + form + ", \"accounts\": []}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("accounts"));
        mvc.perform(get("/api/v1/customers/{id}/income-expenditure", customer.id()).with(httpBasic("auditor", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(form));
        // the same form again with its Idempotency-Key records nothing more
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/parties/{id}/income-expenditure", customer.id()).header("Idempotency-Key", "form-" + customer.id())
                            .with(httpBasic("officer", ArrangementFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                            .content(SMALL_FORM.formatted("2026-04-18")))
                    .andExpect(status().is(i == 0 ? 201 : 200));
        }
        assertThat(jdbc.sql("select count(*) from income_expenditure where authority_id = ? and party_id = ?")
                .params(f.council.id(), customer.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void spendingGuidelinesAreAdministratorsDataAndOnlyFlag() throws Exception {
        ArrangementFixtures f = council();
        String path = "/api/v1/authorities/" + f.council.gssCode() + "/spending-guidelines";
        mvc.perform(get(path).with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.versions.length()").value(0))
                .andExpect(jsonPath("$.message").value(org.hamcrest.Matchers.startsWith("no guideline set")));
        String figures = """
                {"effectiveFrom": "2026-04-06", "source": "figures entered for the test", "reason": "annual update",
                 "guidelines": [{"item": "food and housekeeping", "adults": 1, "children": 2, "monthlyPence": 30000}]}""";
        mvc.perform(put(path).with(httpBasic("officer", ArrangementFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(figures))
                .andExpect(status().isForbidden());
        mvc.perform(put(path).with(httpBasic("admin", ArrangementFixtures.PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(figures))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.setBy").value("admin"));
        Party customer = f.customer();
        // food 34667 a month against 30000: flagged, not refused; no guideline for communications for this household
        f.postJson(officer(), "/api/v1/parties/" + customer.id() + "/income-expenditure", WORKED_FORM.formatted("2026-05-05"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.guidelines.status").value("ABOVE"))
                .andExpect(jsonPath("$.guidelines.version").value(1))
                .andExpect(jsonPath("$.flags.length()").value(1)).andExpect(jsonPath("$.flags[0].item").value("Food and housekeeping"))
                .andExpect(jsonPath("$.flags[0].monthlyPence").value(34667)).andExpect(jsonPath("$.flags[0].guidelinePence").value(30000))
                .andExpect(jsonPath("$.guidelines.items[1].status").value("NO_GUIDELINE_SET"));
        // received before the figures took effect: judged against none
        f.postJson(officer(), "/api/v1/parties/" + customer.id() + "/income-expenditure", WORKED_FORM.formatted("2026-04-01"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.guidelines.status").value("NO_GUIDELINE_SET"));
    }

    @Test
    void theTenDayClockEndsOnTheWorkingDayBeforeABankHolidayAndTheWorklistOrdersByTimeLeft() throws Exception {
        ArrangementFixtures f = new ArrangementFixtures(context, mvc, "Ten Day Clock Council");
        Party easter = f.customer();
        Party may = f.customer();
        Party summer = f.customer();
        Account easterAccount = f.billed(easter);
        Account mayAccount = f.billed(may);
        // 27 March + 10 days = Monday 6 April 2026, Easter Monday; 3 April is Good Friday: the clock ends Thursday 2 April
        long easterForm = ArrangementFixtures.id(f.postJson(officer(), "/api/v1/parties/" + easter.id() + "/income-expenditure",
                SMALL_FORM.formatted("2026-03-27")).andExpect(jsonPath("$.respondBy").value("2026-04-02")));
        // 21 August + 10 = Monday 31 August 2026, the summer bank holiday: Friday 28 August
        long summerForm = ArrangementFixtures.id(f.postJson(officer(), "/api/v1/parties/" + summer.id() + "/income-expenditure",
                SMALL_FORM.formatted("2026-08-21")).andExpect(jsonPath("$.respondBy").value("2026-08-28")));
        // 5 May + 10 = Friday 15 May, a working day
        long mayForm = ArrangementFixtures.id(f.postJson(officer(), "/api/v1/parties/" + may.id() + "/income-expenditure",
                SMALL_FORM.formatted("2026-05-05")).andExpect(jsonPath("$.respondBy").value("2026-05-15")));
        mvc.perform(get("/api/v1/income-expenditure").param("authority", f.council.gssCode()).param("asOf", "2026-04-01")
                        .with(httpBasic("officer", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].id").value(easterForm)).andExpect(jsonPath("$[0].daysLeft").value(1))
                .andExpect(jsonPath("$[1].id").value(mayForm)).andExpect(jsonPath("$[2].id").value(summerForm))
                .andExpect(jsonPath("$[0].customerName").value(org.hamcrest.Matchers.containsString("Payer")));

        // arranged within the clock (1 April, from the form: 150000 available, so 233002 / 12 = 19417 from 15 April)
        f.postJson(officer(), "/api/v1/arrangements", """
                {"partyId": %d, "accounts": ["%s"], "instalmentPence": 19417, "frequency": "MONTHLY", "firstPaymentOn": "2026-04-15",
                 "method": "DIRECT_DEBIT", "madeAtFirstContact": false, "incomeExpenditureId": %d, "madeOn": "2026-04-01"}"""
                .formatted(easter.id(), easterAccount.reference().value(), easterForm)).andExpect(status().isCreated());
        // arranged late (20 May, after 15 May), at first contact of another call; June to March is 10 payments of 23301
        f.postJson("teamleader", "/api/v1/arrangements", """
                {"partyId": %d, "accounts": ["%s"], "instalmentPence": 23301, "frequency": "MONTHLY", "firstPaymentOn": "2026-06-01",
                 "method": "BANK_TRANSFER", "madeAtFirstContact": true, "incomeExpenditureId": %d, "madeOn": "2026-05-20"}"""
                .formatted(may.id(), mayAccount.reference().value(), mayForm)).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/income-expenditure").param("authority", f.council.gssCode()).param("asOf", "2026-04-01")
                        .with(httpBasic("auditor", ArrangementFixtures.PASSWORD)))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(summerForm));
        mvc.perform(get("/api/v1/reports/service-standards").param("authority", f.council.gssCode()).param("from", "2026-03-01")
                        .param("to", "2026-09-30").with(httpBasic("auditor", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.arrangements").value(2)).andExpect(jsonPath("$.madeAtFirstContact").value(1))
                .andExpect(jsonPath("$.madeAtFirstContactShare").value(0.5))
                .andExpect(jsonPath("$.incomeExpenditureForms").value(3)).andExpect(jsonPath("$.arrangedWithin10Days").value(1))
                .andExpect(jsonPath("$.arrangedWithin10DaysShare").value(0.33)).andExpect(jsonPath("$.overdueWithoutArrangement").value(1));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() throws Exception {
        ArrangementFixtures f = council();
        Party customer = f.customer();
        Party stranger = f.customer();
        Account account = f.billed(customer);
        String ref = account.reference().value();
        String base = """
                {"partyId": %d, "accounts": ["%s"], "instalmentPence": %d, "frequency": "MONTHLY", "firstPaymentOn": "%s",
                 "method": "DIRECT_DEBIT", "madeAtFirstContact": true, "madeOn": "2026-11-20"}""";
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), "999999999999", 50000, "2026-12-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("accounts[0]"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("there is no account 999999999999")));
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), ref, 0, "2026-12-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("instalmentPence"));
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), ref, -500, "2026-12-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("instalmentPence"));
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), ref, 50000, "2026-11-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("firstPaymentOn"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("in the past")));
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(stranger.id(), ref, 50000, "2026-12-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("accounts[0]"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("is not liable")));
        // December to March is 4 payments: 233002 / 4 = 58251 clears it; 50000 needs a reason
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), ref, 50000, "2026-12-01"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("acceptedBelowProposalReason"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("58251")));
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), ref, 50000, "2026-12-01").replace("\"frequency\": \"MONTHLY\"",
                        "\"frequency\": \"DAILY\"").replace("DIRECT_DEBIT", "BITCOIN"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(2));
        f.postJson(officer(), "/api/v1/parties/" + customer.id() + "/income-expenditure", """
                        {"receivedOn": "2026-05-01", "channel": "PHONE", "household": {"adults": 1, "children": 0}, "lines": [
                          {"category": "FIXED_COSTS", "item": "rent", "pence": -100, "frequency": "MONTHLY"},
                          {"category": "LUXURIES", "item": "yacht", "pence": 100, "frequency": "HOURLY"}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("lines[0].pence"))
                .andExpect(jsonPath("$.errors[1].field").value("lines[1].category")).andExpect(jsonPath("$.errors[2].field").value("lines[1].frequency"));
        f.postJson(officer(), "/api/v1/parties/" + customer.id() + "/income-expenditure", """
                        {"receivedOn": "2026-05-01", "channel": "PHONE", "household": {"adults": 1, "children": 0}, "lines": [
                          {"category": "FIXED_COSTS", "item": "rent", "pence": 50000, "frequency": "MONTHLY"}]}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("lines"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("INCOME")));
        assertThat(jdbc.sql("select count(*) from arrangement where authority_id = ? and party_id = ?").params(f.council.id(), customer.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from income_expenditure where authority_id = ? and party_id = ?").params(f.council.id(), customer.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from recovery_hold where authority_id = ? and account_id = ?").params(f.council.id(), account.id())
                .query(Long.class).single()).isZero();
        // with the reason, the lower amount is accepted and recorded
        f.postJson(officer(), "/api/v1/arrangements", base.formatted(customer.id(), ref, 50000, "2026-12-01")
                        .replace("\"madeOn\"", "\"acceptedBelowProposalReason\": \"seasonal work starts in March\", \"madeOn\""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.proposedInstalmentPence").value(58251))
                .andExpect(jsonPath("$.acceptedBelowProposalReason").value("seasonal work starts in March"));

        // the authority's longest term: 12 months; £100 a month would take 24, so only with the officer's reason
        String policy = "{\"graceDays\": 0, \"streamOrder\": [\"COUNCIL_TAX\", \"BUSINESS_RATES\", \"HOUSING_RENT\", \"FORMER_TENANT_ARREARS\", "
                + "\"HB_OVERPAYMENT\"], \"reason\": \"%s\", \"longestTermMonths\": %s}";
        mvc.perform(put("/api/v1/authorities/{code}/arrangement-policy", f.council.gssCode()).with(httpBasic("admin", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(policy.formatted("a year at most", "0")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("longestTermMonths"));
        mvc.perform(put("/api/v1/authorities/{code}/arrangement-policy", f.council.gssCode()).with(httpBasic("admin", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(policy.formatted("a year at most", "12")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.current.longestTermMonths").value(12));
        try {
            Party slow = f.customer();
            Account owing = f.billed(slow);
            String longTerm = base.formatted(slow.id(), owing.reference().value(), 10000, "2026-12-01")
                    .replace("\"madeOn\"", "\"acceptedBelowProposalReason\": \"part-time work\", \"madeOn\"");
            f.postJson(officer(), "/api/v1/arrangements", longTerm)
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("longerTermReason"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("longest term of 12 months")));
            assertThat(jdbc.sql("select count(*) from arrangement where authority_id = ? and party_id = ?").params(f.council.id(), slow.id())
                    .query(Long.class).single()).isZero();
            f.postJson(officer(), "/api/v1/arrangements", longTerm.replace("\"madeOn\"", "\"longerTermReason\": \"debt advice agreed it\", \"madeOn\""))
                    .andExpect(status().isCreated());
            assertThat(jdbc.sql("select longer_term_reason from arrangement where authority_id = ? and party_id = ?").params(f.council.id(), slow.id())
                    .query(String.class).single()).isEqualTo("debt advice agreed it");
        } finally {
            mvc.perform(put("/api/v1/authorities/{code}/arrangement-policy", f.council.gssCode()).with(httpBasic("admin", ArrangementFixtures.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON).content(policy.formatted("no limit again", "null"))).andExpect(status().isOk());
        }
    }

    @Test
    void rolesOfficersAndTeamLeadersArrangeAuditorsReadAdministratorsConfigure() throws Exception {
        ArrangementFixtures f = council();
        Party customer = f.customer();
        Account account = f.billed(customer);
        String body = """
                {"partyId": %d, "accounts": ["%s"], "instalmentPence": 60000, "frequency": "MONTHLY", "firstPaymentOn": "2026-12-01",
                 "method": "DIRECT_DEBIT", "madeAtFirstContact": true, "madeOn": "2026-11-20"}""".formatted(customer.id(), account.reference().value());
        f.postJson("auditor", "/api/v1/arrangements", body).andExpect(status().isForbidden());
        f.postJson("admin", "/api/v1/arrangements", body).andExpect(status().isForbidden());
        f.postJson("auditor", "/api/v1/parties/" + customer.id() + "/income-expenditure", SMALL_FORM.formatted("2026-11-01"))
                .andExpect(status().isForbidden());
        long id = ArrangementFixtures.id(f.postJson("officer", "/api/v1/arrangements", body).andExpect(status().isCreated()));
        mvc.perform(get("/api/v1/arrangements/{id}", id).with(httpBasic("auditor", ArrangementFixtures.PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/arrangements/{id}", id).with(httpBasic("admin", ArrangementFixtures.PASSWORD))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/income-expenditure").param("authority", f.council.gssCode()).with(httpBasic("admin", ArrangementFixtures.PASSWORD)))
                .andExpect(status().isForbidden());
        f.postJson("auditor", "/api/v1/arrangements/" + id + "/cancel", "{\"reason\": \"x\"}").andExpect(status().isForbidden());
        f.postJson("teamleader", "/api/v1/arrangements/" + id + "/cancel", "{\"reason\": \"customer moved away\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/arrangements/monitor").param("authority", f.council.gssCode()).param("date", "2026-12-10")
                .with(httpBasic("officer", ArrangementFixtures.PASSWORD))).andExpect(status().isForbidden());
        f.monitor("2026-11-21").andExpect(status().isOk());
        mvc.perform(put("/api/v1/authorities/{code}/arrangement-policy", f.council.gssCode()).with(httpBasic("teamleader", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"graceDays\": 1, \"streamOrder\": [], \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/authorities/{code}/arrangement-policy", f.council.gssCode()).with(httpBasic("admin", ArrangementFixtures.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"graceDays\": 1, \"streamOrder\": [\"COUNCIL_TAX\"], \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("streamOrder"));
    }
}
