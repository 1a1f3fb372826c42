package org.reclaim.officer;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.time.Clock;
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
import org.reclaim.parties.Party;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 7's journey, in Chromium, as an officer and a team leader do it: sign in, search, open the account, agree an
 * arrangement, add a breathing space hold, see the next action change each time, and run the recovery run, which passes
 * the held account over and reminds the one that is not held. Every page is checked with axe-core and photographed
 * (target/screenshots/journey-*.png).
 */
@IntegrationTest
class OfficerJourneyIT {

    private static final FinancialYear YEAR = FinancialYear.of(2026);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private Account billedInArrears(TestData data, BillingAuthority council, Party customer) {
        Account account = data.account(council).liable(customer)
                .property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(account.reference(), YEAR, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        return account;
    }

    @Test
    void anOfficerWorksAnAccountAndATeamLeaderRunsRecovery() {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name(TestData.uniqueWord("Journey") + " Council").create();
        authorities.replacePrecepts(council.id(), YEAR, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                new Authorities.PreceptSetting(council.name(), PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        String surname = TestData.uniqueWord("Ashdown");
        Account worked = billedInArrears(data, council, data.person(council).forenames("Rosalind").surname(surname).create());
        Account untouched = billedInArrears(data, council, data.person(council).create());
        String ref = worked.reference().value();

        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.page();
            browser.signIn("officer");

            // search by name and open the account
            page.click("#nav-search");
            page.fill("#q", "Rosalind " + surname);
            page.click("#search-button");
            page.click("#results a");
            assertThat(page.url()).endsWith("/accounts/" + ref);
            String firstStep = page.textContent("#next-action-step");
            assertThat(firstStep).as("nothing has been sent on an account in arrears: the first reminder is next").isEqualTo("Reminder 1");
            assertThat(page.locator("#escalation-held").count()).isZero();
            browser.screenshot("journey-1-account");
            browser.assertAccessible();

            // agree an arrangement: Direct Debit is offered first and already chosen
            page.click("#action-arrangement");
            assertThat(page.isChecked("#method-DIRECT_DEBIT")).isTrue();
            LocalDate firstPayment = LocalDate.now(clock).plusMonths(1).withDayOfMonth(1);
            page.fill("#amount", "2330.02");
            page.check("#frequency-MONTHLY");
            page.fill("#start-day", String.valueOf(firstPayment.getDayOfMonth()));
            page.fill("#start-month", String.valueOf(firstPayment.getMonthValue()));
            page.fill("#start-year", String.valueOf(firstPayment.getYear()));
            page.check("#first-contact-yes");
            browser.screenshot("journey-2-arrangement");
            browser.assertAccessible();
            page.click("#agree");
            assertThat(page.url()).endsWith("/accounts/" + ref);
            assertThat(page.textContent("#confirmation-message")).containsIgnoringCase("arrangement");
            assertThat(page.textContent("#escalation-held")).as("the arrangement holds escalation").containsIgnoringCase("arrangement");
            browser.screenshot("journey-3-arranged");

            // add a breathing space hold (Debt Respite Scheme, 60 days from today)
            page.click("#action-hold");
            page.check("#type-BREATHING_SPACE_STANDARD");
            page.fill("#reason", "Breathing space notice from the Insolvency Service");
            browser.assertAccessible();
            page.click("#save");
            assertThat(page.textContent("#confirmation-message")).containsIgnoringCase("breathing space");
            assertThat(page.textContent("#escalation-held")).containsIgnoringCase("breathing space");
            assertThat(page.textContent("#holds")).containsIgnoringCase("breathing space").containsIgnoringCase("arrangement");
            assertThat(page.textContent("#timeline")).contains("Hold placed");
            browser.screenshot("journey-4-breathing-space");
            browser.assertAccessible();
            browser.assertNoPageProblems();
        }

        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.page();
            browser.signIn("teamleader");
            page.click("#nav-runs");
            browser.assertAccessible();
            page.click("a[href='/runs/recovery']");
            page.selectOption("#authority", new SelectOption().setLabel(council.name()));
            LocalDate today = LocalDate.now(clock);
            page.fill("#date-day", String.valueOf(today.getDayOfMonth()));
            page.fill("#date-month", String.valueOf(today.getMonthValue()));
            page.fill("#date-year", String.valueOf(today.getYear()));
            page.check("#preview-no");
            browser.screenshot("journey-5-start-run");
            browser.assertAccessible();
            page.click("#start-run");
            page.waitForCondition(() -> page.textContent("#run-status").contains("Completed"),
                    new Page.WaitForConditionOptions().setTimeout(60_000));
            browser.screenshot("journey-6-run");
            browser.assertAccessible();

            assertThat(actions(untouched)).as("the account not held gets its first reminder").containsExactly("REMINDER_1");
            assertThat(actions(worked)).as("the held account is passed over").isEmpty();
            page.navigate(page.url().replaceAll("/runs/.*", "/accounts/" + ref));
            assertThat(page.textContent("#timeline")).contains("Passed over");
            assertThat(page.textContent("#next-action-step")).isEqualTo("Reminder 1");
            assertThat(page.textContent("#escalation-held")).containsIgnoringCase("breathing space");
            browser.screenshot("journey-7-passed-over");
            browser.assertNoPageProblems();
        }
    }

    private List<String> actions(Account account) {
        return jdbc.sql("select code from recovery_action where authority_id = ? and account_id = ? order by id")
                .param(account.authorityId()).param(account.id()).query(String.class).list();
    }
}
