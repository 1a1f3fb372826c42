package org.reclaim.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.ResultActions;

/**
 * The advice partners directory, referrals with consent, and the pause a referral to debt advice places: the recovery
 * run passes the account over, saying why, while a control account with the same arrears gets its reminder.
 */
@IntegrationTest
class ReferralsIT {


    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling councilTax;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    TestData data;
    LocalDate today;
    /** The councils of the class (tests share a database with few free reference prefixes): partners' names are unique per test. */
    static BillingAuthority council;
    /** Another council, whose settings pause debt advice referrals for 14 days. */
    static BillingAuthority otherCouncil;
    String adviceName;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Referrals Council").create();
            otherCouncil = data.authority().name("Other Council").create();
        }
        today = LocalDate.now(clock);
        adviceName = TestData.uniqueWord("Debt Advice");
    }

    private String debtAdvice() {
        return "{\"name\": \"" + adviceName + "\", \"kind\": \"DEBT_ADVICE\", \"website\": \"https://example.org/debt\", "
                + "\"notes\": \"free advice\"}";
    }

    @Test
    void anAdministratorKeepsTheDirectoryAndStaffReadIt() throws Exception {
        long id = addPartner(debtAdvice()).andExpect(status().isCreated()).andExpect(jsonPath("$.active").value(true)).id();
        // the same partner again adds nothing; another with the same name is refused
        addPartner(debtAdvice()).andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        addPartner(debtAdvice().replace("free advice", "other notes")).andExpect(status().isConflict());
        String dropIn = TestData.uniqueWord("Helping Hands");
        addPartner("{\"name\": \"" + dropIn + "\", \"kind\": \"DROP_IN\"}").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/authorities/{code}/advice-partners", council.gssCode()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + adviceName + "')].website").value(hasItem("https://example.org/debt")))
                .andExpect(jsonPath("$[?(@.name == '" + dropIn + "')].kind").value(hasItem("DROP_IN")));
        mvc.perform(put("/api/v1/authorities/{code}/advice-partners/{id}", council.gssCode(), id).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(debtAdvice().replace("}", ", \"active\": false}")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/authorities/{code}/advice-partners", council.gssCode()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(jsonPath("$[?(@.name == '" + adviceName + "')]").isEmpty())
                .andExpect(jsonPath("$[?(@.name == '" + dropIn + "')]").isNotEmpty());
        mvc.perform(get("/api/v1/authorities/{code}/advice-partners?withInactive=true", council.gssCode()).with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(jsonPath("$[?(@.name == '" + adviceName + "')].active").value(hasItem(false)));

        // only an administrator edits
        for (String user : new String[] {"officer", "teamleader", "auditor"}) {
            mvc.perform(post("/api/v1/authorities/{code}/advice-partners", council.gssCode()).with(httpBasic(user, "reclaim-demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(debtAdvice().replace(adviceName, adviceName + " " + user)))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("select count(*) from advice_partner where authority_id = ? and name like ?")
                .params(council.id(), adviceName + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aBadPartnerIsRefusedNamingEachField() throws Exception {
        addPartner("""
                {"name": " ", "kind": "BANK", "website": "moneyhelper"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(hasItem("name")));
        addPartner("""
                {"name": "Bank", "kind": "BANK"}""").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("kind"));
        addPartner("""
                {"name": "Site", "kind": "OTHER", "website": "moneyhelper"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("website"));
        assertThat(jdbc.sql("select count(*) from advice_partner where authority_id = ? and name in ('Bank', 'Site')").param(council.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aReferralToDebtAdviceHoldsRecoveryAndTheRunPassesTheAccountOverSayingWhy() throws Exception {
        long adviser = addPartner(debtAdvice()).id();
        Account referred = inArrears();
        Account control = inArrears();

        String body = refer(referred, "{\"partnerId\": " + adviser + ", \"reason\": \"struggling with several debts\", \"consent\": true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.partnerName").value(adviceName))
                .andExpect(jsonPath("$.partnerKind").value("DEBT_ADVICE"))
                .andExpect(jsonPath("$.referredOn").value(today.toString()))
                .andExpect(jsonPath("$.pauseDays").value(30))
                .andExpect(jsonPath("$.holdEndsOn").value(today.plusDays(29).toString()))
                .andExpect(jsonPath("$.createdBy").value("officer"))
                .andReturn().getResponse().getContentAsString();
        long referral = ((Number) JsonPath.read(body, "$.id")).longValue();
        // the same referral again the same day: the first answered, no second hold
        refer(referred, "{\"partnerId\": " + adviser + ", \"reason\": \"struggling with several debts\", \"consent\": true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(referral));
        assertThat(holdsOf(referred)).containsExactly("DEBT_ADVICE");

        mvc.perform(get("/api/v1/accounts/{ref}/referrals", referred.reference().value()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(referral));
        assertThat(jdbc.sql("select kind || ':' || what from recovery_timeline where authority_id = ? and account_id = ? order by kind")
                .params(referred.authorityId(), referred.id()).query(String.class).list())
                .containsExactly("HOLD_PLACED:DEBT_ADVICE", "REFERRAL:DEBT_ADVICE");

        String run = mvc.perform(post("/api/v1/recovery/runs").param("authority", council.gssCode()).param("date", today.toString())
                        .with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED")).andReturn().getResponse().getContentAsString();
        long runId = ((Number) JsonPath.read(run, "$.id")).longValue();
        assertThat(actions(referred)).isEmpty();
        assertThat(actions(control)).containsExactly("REMINDER_1");
        mvc.perform(get("/api/v1/recovery/runs/{id}/lines", runId).param("state", "PASSED_OVER").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$[?(@.account == '" + referred.reference().value() + "')].holdType").value(hasItem("DEBT_ADVICE")))
                .andExpect(jsonPath("$[?(@.account == '" + referred.reference().value() + "')].note")
                        .value(hasItem(containsString("referred to " + adviceName + " for debt advice"))));
    }

    @Test
    void thePauseIsTheAuthoritysOrTheOfficersAndOnlyDebtAdvicePauses() throws Exception {
        BillingAuthority council = otherCouncil;
        long adviser = addPartner(council, debtAdvice()).id();
        long dropIn = addPartner(council, "{\"name\": \"" + TestData.uniqueWord("Drop In") + "\", \"kind\": \"DROP_IN\"}").id();
        mvc.perform(put("/api/v1/authorities/{code}/support-settings", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"debtAdvicePauseDays\": 14}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.debtAdvicePauseDays").value(14));

        refer(inArrears(council), "{\"partnerId\": " + adviser + ", \"reason\": \"advice\", \"consent\": true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.holdEndsOn").value(today.plusDays(13).toString()));
        refer(inArrears(council), "{\"partnerId\": " + adviser + ", \"reason\": \"advice\", \"consent\": true, \"pauseDays\": 45}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.pauseDays").value(45));
        Account noPause = inArrears(council);
        refer(noPause, "{\"partnerId\": " + adviser + ", \"reason\": \"advice\", \"consent\": true, \"pauseDays\": 0}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.holdId").doesNotExist());
        Account signposted = inArrears(council);
        refer(signposted, "{\"partnerId\": " + dropIn + ", \"reason\": \"help filling in forms\", \"consent\": true}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.holdId").doesNotExist()).andExpect(jsonPath("$.partnerKind").value("DROP_IN"));
        assertThat(holdsOf(noPause)).isEmpty();
        assertThat(holdsOf(signposted)).isEmpty();
        refer(signposted, "{\"partnerId\": " + dropIn + ", \"reason\": \"forms\", \"consent\": true, \"pauseDays\": 10}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pauseDays"));
    }

    @Test
    void aBadReferralIsRefusedWholeNamingEachField() throws Exception {
        long adviser = addPartner(debtAdvice()).id();
        long gone = addPartner("{\"name\": \"" + TestData.uniqueWord("Closed Advice") + "\", \"kind\": \"DEBT_ADVICE\", \"active\": false}").id();
        Account account = inArrears();

        refer(account, "{\"partnerId\": " + adviser + ", \"reason\": \" \", \"consent\": false}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("reason", "consent")));
        refer(account, "{\"reason\": \"advice\", \"consent\": true}").andExpect(jsonPath("$.errors[0].field").value("partnerId"));
        refer(account, "{\"partnerId\": 999999999, \"reason\": \"advice\", \"consent\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("partnerId"));
        refer(account, "{\"partnerId\": " + gone + ", \"reason\": \"advice\", \"consent\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value(containsString("no longer an active partner")));
        refer(account, "{\"partnerId\": " + adviser + ", \"reason\": \"advice\", \"consent\": true, \"pauseDays\": 61}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("pauseDays"));
        // a partner of another authority is not in this one's directory
        long elsewhere = addPartner(otherCouncil, debtAdvice()).id();
        refer(account, "{\"partnerId\": " + elsewhere + ", \"reason\": \"advice\", \"consent\": true}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("partnerId"));

        assertThat(holdsOf(account)).isEmpty();
        assertThat(jdbc.sql("select count(*) from advice_referral where authority_id = ? and account_id = ?")
                .params(account.authorityId(), account.id()).query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheCollectionsTeamRefersAndAnAdministratorSeesNoCustomer() throws Exception {
        long adviser = addPartner(debtAdvice()).id();
        Account account = inArrears();
        String referral = "{\"partnerId\": " + adviser + ", \"reason\": \"advice\", \"consent\": true}";
        for (String user : new String[] {"auditor", "admin"}) {
            mvc.perform(post("/api/v1/accounts/{ref}/referrals", account.reference().value()).with(httpBasic(user, "reclaim-demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(referral)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/accounts/{ref}/referrals", account.reference().value()).with(httpBasic("admin", "reclaim-demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/accounts/{ref}/referrals", account.reference().value()).with(httpBasic("teamleader", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(referral)).andExpect(status().isCreated());
        assertThat(holdsOf(account)).containsExactly("DEBT_ADVICE");
    }

    /** A Council Tax account billed for a year already under way (two months back from today), so instalments are missed. */
    private Account inArrears() {
        return inArrears(council);
    }

    private Account inArrears(BillingAuthority council) {
        FinancialYear year = FinancialYear.containing(today.minusMonths(2));
        if (authorities.councilTax(council.id(), year).isEmpty()) {
            authorities.replacePrecepts(council.id(), year, List.of(
                    new Authorities.PreceptSetting(council.name(), PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        }
        Account a = data.account(council).liable(data.person(council).create())
                .property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        councilTax.bill(a.reference(), year, year.start().minusDays(27), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private record Added(ResultActions result) {
        Added andExpect(org.springframework.test.web.servlet.ResultMatcher matcher) throws Exception {
            result.andExpect(matcher);
            return this;
        }

        long id() throws Exception {
            return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        }
    }

    private Added addPartner(String json) throws Exception {
        return addPartner(council, json);
    }

    private Added addPartner(BillingAuthority council, String json) throws Exception {
        return new Added(mvc.perform(post("/api/v1/authorities/{code}/advice-partners", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json)));
    }

    private ResultActions refer(Account account, String json) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/referrals", account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private List<String> holdsOf(Account a) {
        return jdbc.sql("select hold_type from recovery_hold where authority_id = ? and account_id = ? order by id")
                .params(a.authorityId(), a.id()).query(String.class).list();
    }

    private List<String> actions(Account a) {
        return jdbc.sql("select code from recovery_action where authority_id = ? and account_id = ? order by id")
                .params(a.authorityId(), a.id()).query(String.class).list();
    }
}
