package org.reclaim.recovery.remedies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyFlag;
import org.reclaim.recovery.calculators.AttachmentOfEarnings;
import org.reclaim.recovery.calculators.EnforcementFees;
import org.reclaim.recovery.calculators.PayPeriod;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Remedies after a liability order, through the API, on a real database. Liability orders are inserted directly. */
@IntegrationTest
class RemediesIT {

    private static final int YEAR = 2025;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired Parties parties;
    @Autowired AttachmentOfEarnings earnings;
    @Autowired EnforcementFees fees;
    @Autowired Clock clock;

    private TestData data;
    private BillingAuthority council;

    @BeforeEach
    void council() {
        data = TestData.from(context);
        council = data.authority().name(TestData.uniqueWord("Remedies") + " Council").create();
    }

    private Party person(String surname) {
        return data.person(council).forenames("Sam").surname(TestData.uniqueWord(surname)).postal("1 High Street", "Wigston", "LE18 2DR").create();
    }

    /** A Council Tax account owing {@code pence} for the year, with (or without) a liability order. */
    private Account owing(Party debtor, long pence, boolean liabilityOrder) {
        Account a = data.account(council).liable(debtor).open();
        ledger.post(Posting.of(a.reference(), FinancialYear.of(YEAR), EntryType.CHARGE, Money.ofPence(pence), LocalDate.of(YEAR, 4, 1), "charge"));
        if (liabilityOrder) {
            jdbc.sql("""
                    insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                    values (?, ?, ?, 'LIABILITY_ORDER', ?, 'test: granted at the hearing', ?, 'test', ?)""")
                    .params(a.authorityId(), a.id(), YEAR, LocalDate.of(YEAR, 7, 1), pence, OffsetDateTime.now(clock)).update();
        }
        return a;
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String user) {
        return request.with(httpBasic(user, "reclaim-demo"));
    }

    private void fact(Account a, String json) throws Exception {
        mvc.perform(as(post("/api/v1/accounts/{r}/remedy-facts", a.reference().value()), "officer").contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated());
    }

    private void employer(Account a, String name, long netMonthly) throws Exception {
        fact(a, "{\"kind\": \"EMPLOYER\", \"employerName\": \"" + name + "\", \"employerAddress\": \"Unit 4, Wigston\", \"payrollReference\": \"P-"
                + a.id() + "\", \"payPeriod\": \"MONTHLY\", \"netEarningsPence\": " + netMonthly + "}");
    }

    private org.springframework.test.web.servlet.ResultActions confirm(Account a, String user, String json) throws Exception {
        return mvc.perform(as(post("/api/v1/accounts/{r}/remedies", a.reference().value()), user).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void proposalsComeCheapestFirstWithTheirRules() throws Exception {
        Account a = owing(person("Cost"), 150000, true);
        // £1,420.00 a month is the top of Table B's 12% band
        employer(a, "Acme Widgets Ltd", 142000);
        fact(a, "{\"kind\": \"BENEFIT\", \"benefit\": \"UNIVERSAL_CREDIT\", \"claimant\": \"SINGLE_25_OR_OVER\"}");
        LocalDate today = LocalDate.now(clock);
        long deduction = earnings.deduction(PayPeriod.MONTHLY, Money.ofPence(142000), today).amount().pence();
        assertThat(deduction).isEqualTo(17040);
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", a.reference().value()), "officer"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.years[0].financialYear").value(YEAR))
                .andExpect(jsonPath("$.years[0].proposed").value("ATTACHMENT_OF_EARNINGS"))
                .andExpect(jsonPath("$.years[0].options[0].remedy").value("ATTACHMENT_OF_EARNINGS"))
                .andExpect(jsonPath("$.years[0].options[0].deductionPence").value(deduction))
                .andExpect(jsonPath("$.years[0].options[0].rule").value(containsString("Sch. 4")))
                .andExpect(jsonPath("$.years[0].options[1].remedy").value("ATTACHMENT_OF_BENEFIT"))
                .andExpect(jsonPath("$.years[0].options[1].available").value(true))
                .andExpect(jsonPath("$.years[0].options[2].remedy").value("ATTACHMENT_OF_ALLOWANCES"))
                .andExpect(jsonPath("$.years[0].options[2].available").value(false))
                .andExpect(jsonPath("$.years[0].options[3].remedy").value("ENFORCEMENT_AGENT"))
                .andExpect(jsonPath("$.years[0].options[3].costToCustomerPence").value(fees.on(Money.ofPence(150000), today).compliance().pence()))
                .andExpect(jsonPath("$.years[0].options[4].remedy").value("CHARGING_ORDER"))
                .andExpect(jsonPath("$.years[0].options[4].available").value(true))
                .andExpect(jsonPath("$.years[0].options[5].remedy").value("BANKRUPTCY"))
                .andExpect(jsonPath("$.years[0].options[5].available").value(false))
                .andExpect(jsonPath("$.years[0].options[5].rule").value(containsString("£5,000")))
                .andExpect(jsonPath("$.years[0].options[6].remedy").value("COMMITTAL"))
                .andExpect(jsonPath("$.years[0].options[6].available").value(false));

        confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.deductionPence").value(17040)).andExpect(jsonPath("$.orderNumber").value(1));
        // once: the same remedy again is a conflict, and the timeline has it once
        confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}").andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from recovery_timeline where authority_id = ? and account_id = ? and what = 'ATTACHMENT_OF_EARNINGS'")
                .params(a.authorityId(), a.id()).query(Long.class).single()).isEqualTo(1);
        // one remedy at a time: nothing else is proposed while the order is in place
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", a.reference().value()), "officer"))
                .andExpect(jsonPath("$.years[0].proposed").isEmpty())
                .andExpect(jsonPath("$.years[0].why").value(containsString("in place")));
        // the employer's schedule, JSON and CSV
        mvc.perform(as(get("/api/v1/recovery/employer-schedules").param("authority", council.gssCode()).param("employer", "acme widgets ltd"),
                        "auditor"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.lines.length()").value(1))
                .andExpect(jsonPath("$.lines[0].payrollReference").value("P-" + a.id()))
                .andExpect(jsonPath("$.lines[0].deductionPence").value(17040));
        String csv = mvc.perform(as(get("/api/v1/recovery/employer-schedules").param("authority", council.gssCode())
                        .param("employer", "Acme Widgets Ltd").param("format", "csv"), "officer"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv.lines()).hasSize(2);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).contains(a.reference().value()).contains(",17040,");
    }

    @Test
    void noLiabilityOrderNoRemedy() throws Exception {
        Account a = owing(person("NoOrder"), 50000, false);
        employer(a, "Acme", 200000);
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", a.reference().value()), "officer"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.years.length()").value(0))
                .andExpect(jsonPath("$.note").value(containsString("no liability order")));
        confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("financialYear"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("an attachment of earnings order on a debt without a liability order")));
    }

    @Test
    void atMostTwoEarningsOrdersAgainstADebtor() throws Exception {
        Party debtor = person("TwoOrders");
        Account first = owing(debtor, 60000, true);
        Account second = owing(debtor, 60000, true);
        Account third = owing(debtor, 60000, true);
        employer(first, "Big Employer plc", 250000);
        confirm(first, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.deductionPence").value(earnings.deduction(PayPeriod.MONTHLY, Money.ofPence(250000), LocalDate.now(clock))
                        .amount().pence()));
        long firstDeduction = earnings.deduction(PayPeriod.MONTHLY, Money.ofPence(250000), LocalDate.now(clock)).amount().pence();
        // the second order works on the earnings left after the first order's deduction (reg 42(1)(b))
        confirm(second, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.orderNumber").value(2))
                .andExpect(jsonPath("$.deductionPence").value(earnings.deduction(PayPeriod.MONTHLY, Money.ofPence(250000 - firstDeduction),
                        LocalDate.now(clock)).amount().pence()));
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", third.reference().value()), "officer"))
                .andExpect(jsonPath("$.years[0].options[0].available").value(false))
                .andExpect(jsonPath("$.years[0].options[0].rule").value(containsString("reg 37(4)")))
                .andExpect(jsonPath("$.years[0].proposed").value("ENFORCEMENT_AGENT"));
        confirm(third, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(containsString("exceed two")));
        // when the first order's debt is paid, it is no longer in force and a third account may have one
        ledger.post(Posting.of(first.reference(), FinancialYear.of(YEAR), EntryType.PAYMENT, Money.ofPence(-60000), LocalDate.now(clock), "paid"));
        confirm(third, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}").andExpect(status().isCreated());
    }

    @Test
    void aVulnerableDebtorGoesToAnEnforcementAgentOnlyAfterATeamLeadersReview() throws Exception {
        Party debtor = person("Vulnerable");
        parties.addFlag(debtor.id(), PartyFlag.VULNERABLE, LocalDate.of(YEAR, 1, 1), null, "carer's assessment", true);
        Account a = owing(debtor, 40000, true);
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", a.reference().value()), "officer"))
                .andExpect(jsonPath("$.years[0].proposed").value("ENFORCEMENT_AGENT"))
                .andExpect(jsonPath("$.years[0].options[3].needsTeamLeader").value(true))
                .andExpect(jsonPath("$.years[0].options[3].rule").value(containsString("vulnerable")));
        confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ENFORCEMENT_AGENT\", \"agent\": \"Bristow\"}")
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").value(containsString("team leader")));
        confirm(a, "teamleader", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ENFORCEMENT_AGENT\", \"agent\": \"Bristow\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reviewNote"));
        confirm(a, "teamleader", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ENFORCEMENT_AGENT\", \"agent\": \"Bristow\", "
                + "\"reviewNote\": \"spoke to support worker; no children at home\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rule").value(containsString("team leader's review")));
    }

    @Test
    void noRemedyAgainstADeceasedDebtorOrDuringAHold() throws Exception {
        Party dead = person("Deceased");
        parties.addFlag(dead.id(), PartyFlag.DECEASED, LocalDate.of(YEAR, 8, 1), null, "death certificate", null);
        Account a = owing(dead, 40000, true);
        employer(a, "Acme", 200000);
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", a.reference().value()), "officer"))
                .andExpect(jsonPath("$.years[0].proposed").isEmpty()).andExpect(jsonPath("$.years[0].options.length()").value(0))
                .andExpect(jsonPath("$.years[0].why").value(containsString("estate")));
        confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}").andExpect(status().isBadRequest());

        Account held = owing(person("Held"), 40000, true);
        mvc.perform(as(post("/api/v1/accounts/{r}/holds", held.reference().value()), "officer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"DISPUTE\", \"from\": \"" + LocalDate.now(clock).minusDays(1) + "\", \"reviewOn\": \""
                                + LocalDate.now(clock).plusDays(30) + "\", \"reason\": \"disputes liability\"}"))
                .andExpect(status().isCreated());
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", held.reference().value()), "officer"))
                .andExpect(jsonPath("$.years[0].proposed").isEmpty()).andExpect(jsonPath("$.years[0].why").value(containsString("DISPUTE")));
    }

    @Test
    void referralFileHoldsEachReferralOnceAndTheReturnFileIsCheckedLineByLine() throws Exception {
        Account one = owing(person("Refer"), 120000, true);
        Account two = owing(person("Refer"), 30000, true);
        for (Account a : new Account[] {one, two}) {
            confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ENFORCEMENT_AGENT\", \"agent\": \"Bristow\"}")
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.complianceFeePence").value(7500));
        }
        String file = mvc.perform(as(post("/api/v1/recovery/enforcement-referrals").param("authority", council.gssCode()).param("agent", "Bristow"),
                "officer")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(file.lines()).hasSize(3);
        assertThat(file.lines().filter(l -> l.startsWith(one.reference().value() + "/" + YEAR + ","))).hasSize(1)
                .first().asString().contains("1 High Street, Wigston, LE18 2DR").contains(",120000,7500");
        assertThat(file.lines().filter(l -> l.startsWith(two.reference().value() + "/" + YEAR + ","))).hasSize(1);
        String again = mvc.perform(as(post("/api/v1/recovery/enforcement-referrals").param("authority", council.gssCode()).param("agent", "Bristow"),
                "teamleader")).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(again.lines()).hasSize(1);

        String bad = "case_reference,status,collected_pence,fees_pence\n" + one.reference().value() + "/" + YEAR + ",NULLA_BONA,0,31000\n"
                + two.reference().value() + "/" + YEAR + ",SEIZED,100,0\n";
        mvc.perform(as(post("/api/v1/recovery/enforcement-returns").param("authority", council.gssCode()), "officer")
                        .contentType("text/csv").content(bad))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("line 3")).andExpect(jsonPath("$.errors[0].message").value(containsString("SEIZED")));
        assertThat(jdbc.sql("select count(*) from enforcement_return where authority_id = ?").param(council.id()).query(Long.class).single()).isZero();

        String good = "case_reference,status,collected_pence,fees_pence\n" + one.reference().value() + "/" + YEAR + ",NULLA_BONA,0,31000\n"
                + two.reference().value() + "/" + YEAR + ",PAID,30000,7500\n";
        mvc.perform(as(post("/api/v1/recovery/enforcement-returns").param("authority", council.gssCode()), "officer")
                        .contentType("text/csv").content(good))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.lines").value(2)).andExpect(jsonPath("$.collectedPence").value(30000));
        mvc.perform(as(post("/api/v1/recovery/enforcement-returns").param("authority", council.gssCode()), "officer")
                .contentType("text/csv").content(good)).andExpect(status().isConflict());
        assertThat(ledger.balance(two).pence()).isZero();
        // each returned case is on its account's timeline, with what the agent collected and the fees
        assertThat(jdbc.sql("""
                select what || ' ' || amount_pence || ' ' || costs_pence from recovery_timeline
                where authority_id = ? and account_id = ? and kind = 'ENFORCEMENT_RETURN'""")
                .params(council.id(), two.id()).query(String.class).list()).containsExactly("PAID 30000 7500");
        assertThat(jdbc.sql("select rule from recovery_timeline where authority_id = ? and account_id = ? and kind = 'ENFORCEMENT_RETURN'")
                .params(council.id(), one.id()).query(String.class).single()).contains("Bristow").contains("NULLA_BONA");
        // nulla bona: committal becomes a flaggable option, for a team leader
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", one.reference().value()), "officer"))
                .andExpect(jsonPath("$.years[0].options[6].remedy").value("COMMITTAL"))
                .andExpect(jsonPath("$.years[0].options[6].available").value(true))
                .andExpect(jsonPath("$.years[0].options[6].needsTeamLeader").value(true));
        confirm(one, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"COMMITTAL\"}").andExpect(status().isForbidden());
        confirm(one, "teamleader", "{\"financialYear\": " + YEAR + ", \"remedy\": \"COMMITTAL\"}").andExpect(status().isCreated());
    }

    @Test
    void roles() throws Exception {
        Account a = owing(person("Roles"), 150000, true);
        mvc.perform(as(get("/api/v1/accounts/{r}/remedies", a.reference().value()), "auditor")).andExpect(status().isOk());
        confirm(a, "auditor", "{\"financialYear\": " + YEAR + ", \"remedy\": \"ENFORCEMENT_AGENT\", \"agent\": \"Bristow\"}")
                .andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/accounts/{r}/remedy-facts", a.reference().value()), "auditor").contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\": \"COUNCILLOR\", \"councilName\": \"Oadby\"}")).andExpect(status().isForbidden());
        mvc.perform(as(post("/api/v1/recovery/enforcement-referrals").param("authority", council.gssCode()).param("agent", "Bristow"), "auditor"))
                .andExpect(status().isForbidden());
        // a charging order goes to court: a team leader's decision
        confirm(a, "officer", "{\"financialYear\": " + YEAR + ", \"remedy\": \"CHARGING_ORDER\"}").andExpect(status().isForbidden());
        confirm(a, "teamleader", "{\"financialYear\": " + YEAR + ", \"remedy\": \"CHARGING_ORDER\"}").andExpect(status().isCreated());
        // bad facts are refused field by field
        mvc.perform(as(post("/api/v1/accounts/{r}/remedy-facts", a.reference().value()), "officer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"EMPLOYER\", \"payPeriod\": \"FORTNIGHTLY\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[?(@.field == 'employerName')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'payPeriod')]").exists());
    }
}
