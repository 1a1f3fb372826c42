package org.reclaim.officer.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.BrowserSession;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyFlag;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The customer page in Chromium: a vulnerable customer in a breathing space with a Council Tax account and former
 * tenant arrears sees both accounts, what they owe in all and their flags; the vulnerability's reason only for a team leader.
 */
@IntegrationTest
class CustomerPageIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Parties parties;
    @Autowired Ledger ledger;
    @Autowired Holds holds;
    @Autowired Clock clock;

    @Test
    void aCustomerWithTwoAccountsInTwoStreamsAndTheirFlags() {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Customer Page Council").create();
        String surname = TestData.uniqueWord("Ellery");
        Party person = data.person(council).forenames("Nell").surname(surname).phone("07700 900123").create();
        LocalDate today = LocalDate.now(clock);
        FinancialYear year = FinancialYear.containing(today);
        parties.addFlag(person.id(), PartyFlag.VULNERABLE, today.minusDays(10), null, "recently bereaved, finds letters distressing", true);
        Account councilTax = data.account(council).liable(person).open();
        Account arrears = data.account(council).stream(RevenueStream.FORMER_TENANT_ARREARS).liable(person).open();
        ledger.post(Posting.of(councilTax.reference(), year, EntryType.ADJUSTMENT, Money.ofPence(45_000), today, "opening balance"));
        ledger.post(Posting.of(arrears.reference(), year, EntryType.ADJUSTMENT, Money.ofPence(120_050), today, "arrears at the end of the tenancy"));
        holds.place(arrears, HoldType.BREATHING_SPACE_STANDARD, today, null, null, "standard breathing space notified");

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/customers/" + person.id());
            var page = browser.page();
            assertThat(page.textContent("h1")).isEqualTo("Nell " + surname);
            assertThat(page.textContent("#account-" + councilTax.reference().value())).contains("Council Tax").contains("£450.00");
            assertThat(page.textContent("#account-" + arrears.reference().value())).contains("Former tenant arrears").contains("£1,200.50");
            assertThat(page.textContent("#total-owed-amount")).isEqualTo("£1,650.50");
            assertThat(page.textContent("#flags")).contains("Vulnerable").contains("Breathing space")
                    .contains("shown only to team leaders").doesNotContain("bereaved");
            assertThat(page.locator("#flags .govuk-tag").count()).isEqualTo(2);
            assertThat(page.textContent("#contact-details")).contains("07700 900123");
            browser.assertAccessible();
            browser.screenshot("customer-page");
            page.click("#account-" + arrears.reference().value() + " a");
            assertThat(page.textContent("h1")).isEqualTo("Account " + arrears.reference().value());
            assertThat(page.textContent("#escalation-held")).as("a stream the run does not escalate still shows its hold")
                    .contains("standard breathing space notified");
            browser.assertNoPageProblems();
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go("/customers/" + person.id());
            assertThat(browser.page().textContent("#flag-vulnerable")).contains("recently bereaved, finds letters distressing");
        }
    }
}
