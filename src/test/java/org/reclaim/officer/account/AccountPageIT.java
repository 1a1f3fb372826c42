package org.reclaim.officer.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
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
import org.reclaim.billing.Bill;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.billing.Instalment;
import org.reclaim.officer.BrowserSession;
import org.reclaim.officer.Labels;
import org.reclaim.recovery.AccountRecovery;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The account page in Chromium: a Council Tax account billed for the year, paid up to its last missed instalment and
 * sent a reminder by the recovery run, shows its balance, arrears, instalments, recovery, timeline and next action; the
 * next action says escalation is held once a breathing space is placed; an auditor reads it without the actions.
 */
@IntegrationTest
class AccountPageIT {

    /** Days after an instalment's due date that the recovery run treats it as missed: Council Tax's grace days and a margin. */
    private static final int AFTER_GRACE = 5;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired Ledger ledger;
    @Autowired Holds holds;
    @Autowired AccountRecovery recovery;
    @Autowired Labels labels;
    @Autowired Clock clock;

    private static BillingAuthority council;

    /** A year whose first instalments are all due: the one that contained the day two months ago. */
    private FinancialYear year() {
        return FinancialYear.containing(LocalDate.now(clock).minusMonths(2));
    }

    private BillingAuthority council() {
        if (council == null) {
            council = TestData.from(context).authority().name("Account Page Council").create();
            authorities.replacePrecepts(council.id(), year(), List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                    new Authorities.PreceptSetting("Account Page Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        }
        return council;
    }

    /** A billed account whose instalments are paid except the last one missed by today, and the rest not yet due. */
    private record Case(Account account, Bill bill, int missed, Money paid) {
    }

    private Case billedPaidAndMissed() throws Exception {
        TestData data = TestData.from(context);
        LocalDate today = LocalDate.now(clock);
        Account account = data.account(council()).property(data.dwelling(council()).band(CouncilTaxBand.D).create())
                .from(year().start().minusYears(2)).open();
        Bill bill = billing.bill(account.reference(), year(), year().start().minusDays(27), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        List<Instalment> plan = bill.instalments();
        int missed = 0;
        for (Instalment i : plan) {
            if (!i.dueOn().plusDays(AFTER_GRACE).isAfter(today)) {
                missed = i.number();
            }
        }
        assertThat(missed).as("an instalment is past its grace days").isGreaterThan(1);
        Money paid = Money.ZERO;
        for (Instalment i : plan.subList(0, missed - 1)) {
            paid = paid.plus(i.amount());
        }
        ledger.post(Posting.of(account.reference(), year(), EntryType.PAYMENT, paid.negate(), plan.get(missed - 2).dueOn(), "payment at the counter"));
        mvc.perform(post("/api/v1/recovery/runs").param("authority", council().gssCode()).param("date", today.toString())
                        .param("preview", "false").with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        return new Case(account, bill, missed, paid);
    }

    @Test
    void anOfficerSeesTheWholeAccountAndTheNextActionChangesWhenAHoldIsPlaced() throws Exception {
        Case c = billedPaidAndMissed();
        String ref = c.account().reference().value();
        Money owed = c.bill().total().minus(c.paid());
        LocalDate today = LocalDate.now(clock);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/accounts/" + ref);
            var page = browser.page();
            assertThat(page.textContent("h1")).isEqualTo("Account " + ref);
            assertThat(page.textContent("#balance-amount")).isEqualTo(owed.toString());
            Money overdue = c.bill().instalments().get(c.missed() - 1).amount();
            String yearRow = page.textContent("#year-" + year().startYear());
            assertThat(yearRow).contains(year().toString()).contains(owed.toString()).contains(overdue.toString());

            assertThat(page.textContent("#instalment-" + year().startYear() + "-1")).contains("Paid");
            assertThat(page.textContent("#instalment-" + year().startYear() + "-" + (c.missed() - 1))).contains("Paid");
            assertThat(page.textContent("#instalment-" + year().startYear() + "-" + c.missed())).contains("Missed");
            Instalment last = c.bill().instalments().get(c.bill().instalments().size() - 1);
            if (last.dueOn().isAfter(today)) {
                assertThat(page.textContent("#instalment-" + year().startYear() + "-" + last.number())).contains("Due");
            }

            AccountRecovery.Year decided = recovery.of(c.account(), today).years().get(0);
            assertThat(decided.currentStage()).isEqualTo("REMINDER_1");
            assertThat(page.textContent("#recovery")).contains("Reminder 1 on " + labels.date(today));
            assertThat(decided.nextAction()).as("the module decides a next step after the reminder").isNotNull();
            assertThat(page.textContent("#next-action-step")).isEqualTo(labels.words(decided.nextAction()));
            assertThat(page.textContent("#next-action-date")).isEqualTo(labels.date(decided.nextActionOn()));
            assertThat(page.locator("#escalation-held").count()).isZero();

            List<String> timeline = page.locator("#timeline tbody tr").allTextContents();
            assertThat(timeline.get(0)).as("newest first: the reminder issued today").contains("Notice").contains("Reminder 1");
            assertThat(timeline).anySatisfy(row -> assertThat(row).contains("Payment").contains(c.paid().negate().toString()));
            assertThat(timeline).anySatisfy(row -> assertThat(row).contains("Bill").contains(c.bill().total().toString()));
            assertThat(page.textContent("#transactions")).contains("payment at the counter");
            assertThat(page.getAttribute("#action-hold", "href")).isEqualTo("/accounts/" + ref + "/holds/new");
            assertThat(page.locator("#actions a").count()).isEqualTo(9);
            browser.assertAccessible();
            browser.screenshot("account-page");

            holds.place(c.account(), HoldType.BREATHING_SPACE_STANDARD, today, null, null, "Insolvency Service notice of a breathing space");
            browser.go("/accounts/" + ref);
            assertThat(page.textContent("#next-action")).contains("Escalation held").contains("Insolvency Service notice of a breathing space");
            assertThat(page.textContent("#holds")).contains("Breathing space standard").contains("Active");
            assertThat(page.locator("#holds form button").count()).isEqualTo(1);
            assertThat(page.locator("#timeline tbody tr").allTextContents())
                    .anySatisfy(row -> assertThat(row).contains("Hold placed").contains("Breathing space standard"));
            browser.assertAccessible();
            browser.screenshot("account-page-held");
            browser.assertNoPageProblems();
        }
    }

    @Test
    void anAuditorReadsTheAccountWithoutTheActions() throws Exception {
        Case c = billedPaidAndMissed();
        holds.place(c.account(), HoldType.DISPUTE, LocalDate.now(clock), LocalDate.now(clock).plusDays(30), null, "band appeal lodged");
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go("/accounts/" + c.account().reference().value());
            assertThat(browser.page().textContent("#balance-amount")).isEqualTo(c.bill().total().minus(c.paid()).toString());
            assertThat(browser.page().textContent("#holds")).contains("Dispute");
            assertThat(browser.page().locator("#actions").count()).isZero();
            assertThat(browser.page().locator("#holds form").count()).as("no End hold button").isZero();
            browser.assertAccessible();
        }
    }

    @Test
    void anUnknownReferenceShowsTheNotFoundPage() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer");
            var response = browser.page().navigate(browser.page().url().replaceAll("/$", "") + "/accounts/999999999999");
            assertThat(response.status()).isEqualTo(404);
            assertThat(browser.page().textContent("h1")).isEqualTo("Not found");
            browser.assertAccessible();
        }
    }
}
