package org.reclaim.officer.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.BrowserSession;
import org.reclaim.parties.Party;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Take an income and expenditure form, see what is affordable, agree an arrangement; in Chromium. */
@IntegrationTest
class ArrangementPageIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Ledger ledger;
    @Autowired Holds holds;
    @Autowired Clock clock;

    private static BillingAuthority council;

    /** A customer owing £1,200.00 of Council Tax on one account. */
    private Account owing(String surname) {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Arrangement Page Council").create();
        }
        Party person = data.person(council).forenames("Nia").surname(TestData.uniqueWord(surname)).create();
        Account a = data.account(council).liable(person).open();
        LocalDate today = LocalDate.now(clock);
        ledger.post(Posting.of(a.reference(), FinancialYear.containing(today), EntryType.CHARGE, Money.ofPence(120000),
                FinancialYear.containing(today).start(), "charge"));
        return a;
    }

    @Test
    void anOfficerTakesAnIncomeAndExpenditureSeesTheProposalAndAgreesAnArrangementThatHoldsRecovery() {
        Account account = owing("Afford");
        long customer = account.liablePartyIds().get(0);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/customers/" + customer + "/income-expenditure/new");
            assertThat(browser.page().textContent("h1")).isEqualTo("Income and expenditure");
            browser.assertAccessible();
            // £1,500 income, £600 fixed, £400 flexible: £500 a month disposable
            assertThat(browser.page().inputValue("#receivedOn-day")).as("received today unless the officer says otherwise")
                    .isEqualTo(String.valueOf(LocalDate.now(clock).getDayOfMonth()));
            // the form came by post three days ago: its 10 days to respond run from then
            LocalDate posted = LocalDate.now(clock).minusDays(3);
            browser.page().fill("#receivedOn-day", String.valueOf(posted.getDayOfMonth()));
            browser.page().fill("#receivedOn-month", String.valueOf(posted.getMonthValue()));
            browser.page().fill("#receivedOn-year", String.valueOf(posted.getYear()));
            browser.page().fill("#line-INCOME-1-amount", "1500");
            browser.page().fill("#line-FIXED_COSTS-1-amount", "600");
            browser.page().fill("#line-FLEXIBLE_COSTS-1-amount", "92.31");
            browser.page().selectOption("#line-FLEXIBLE_COSTS-1-frequency", "WEEKLY");
            browser.screenshot("income-expenditure");
            browser.page().click("#save");

            assertThat(browser.page().url()).matches(".*/income-expenditure/\\d+/arrangement");
            long formId = Long.parseLong(browser.page().url().replaceAll(".*/income-expenditure/(\\d+)/arrangement.*", "$1"));
            assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select received_on from income_expenditure where id = ?").param(formId).query(LocalDate.class).single())
                    .isEqualTo(posted);
            // 92.31 weekly is 400.01 a month (x 52 / 12, half up)
            assertThat(browser.page().textContent("#proposal-disposable")).contains("£499.99 a month");
            assertThat(browser.page().textContent("#proposal-debt")).contains("£1,200.00").contains(account.reference().value());
            LocalDate today = LocalDate.now(clock);
            int payments = 0;
            while (!today.plusMonths(payments).isAfter(FinancialYear.containing(today).end())) {
                payments++;
            }
            String clearing = Money.ofPence((120000 + payments - 1) / payments).toString();
            assertThat(browser.page().textContent("#proposal-instalment")).contains(clearing + " a month");
            assertThat(browser.page().textContent("#priority-debts")).contains("priority debts");
            assertThat(browser.page().isChecked("#method-DIRECT_DEBIT")).as("Direct Debit by Default").isTrue();
            assertThat(browser.page().locator("input[name=method]").first().getAttribute("id")).isEqualTo("method-DIRECT_DEBIT");
            assertThat(browser.page().inputValue("#amount")).isEqualTo(clearing.replace("£", "").replace(",", ""));
            browser.screenshot("arrangement-proposal");
            browser.assertAccessible();

            // below the proposal without a reason: the error summary links to the reason
            browser.page().fill("#amount", "150");
            browser.page().check("#first-contact-yes");
            browser.page().click("#agree");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("Reason for accepting less than the proposal is required: £150.00 is below the proposal of");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#below-proposal-reason");
            assertThat(browser.page().isVisible("#below-proposal-reason-error")).isTrue();
            assertThat(browser.page().inputValue("#amount")).isEqualTo("150");
            assertThat(holds.of(account)).as("nothing agreed yet").isEmpty();
            browser.screenshot("arrangement-below-proposal-error");
            browser.assertAccessible();

            browser.page().fill("#below-proposal-reason", "Customer's car repair this month; review in three months");
            browser.page().click("#agree");
            assertThat(browser.page().url()).endsWith("/accounts/" + account.reference().value());
            assertThat(browser.page().textContent("#confirmation-message")).contains("Arrangement agreed: £150.00 monthly by Direct Debit");
            browser.assertNoPageProblems();
        }
        assertThat(holds.of(account)).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo(HoldType.ARRANGEMENT);
            assertThat(h.inForceOn(LocalDate.now(clock))).isTrue();
        });
    }

    @Test
    void anArrangementWithoutAnIncomeAndExpenditureIsOfferedToOfficersAndRefusedToAuditors() {
        Account account = owing("NoForm");
        String path = "/accounts/" + account.reference().value() + "/arrangements/new";
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go(path);
            assertThat(browser.page().textContent("#proposal-clearing")).contains("a month");
            assertThat(browser.page().locator("#agree").count()).as("an auditor is not offered the form").isZero();
            String csrf = browser.page().getAttribute("input[name=_csrf]", "value");
            assertThat(browser.page().request().post(browser.page().url(), RequestOptions.create().setForm(FormData.create()
                    .set("_csrf", csrf).set("amount", "100").set("frequency", "MONTHLY").set("method", "DIRECT_DEBIT"))).status())
                    .isEqualTo(403);
            browser.go("/customers/" + account.liablePartyIds().get(0) + "/income-expenditure/new");
            assertThat(browser.page().locator("#save").count()).as("nor the income and expenditure form").isZero();
            assertThat(browser.page().textContent("#read-only")).contains("Only the collections team");
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go(path);
            browser.page().check("#frequency-WEEKLY");
            browser.page().fill("#amount", "");
            browser.page().click("#agree");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#amount");
            browser.page().fill("#amount", "1200");
            browser.page().check("#method-CARD");
            browser.page().check("#first-contact-no");
            browser.screenshot("arrangement-without-income-expenditure");
            browser.assertAccessible();
            browser.page().click("#agree");
            assertThat(browser.page().textContent("#confirmation-message")).contains("£1,200.00 weekly by Card");
        }
        assertThat(holds.of(account)).extracting(Holds.Hold::type).containsExactly(HoldType.ARRANGEMENT);
    }
}
