package org.reclaim.officer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Sign in, find an account by name and by reference, and the search page's own errors; in Chromium. */
@IntegrationTest
class SearchPageIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    private static BillingAuthority council;

    private Account account(String surname) {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Search Page Council").create();
        }
        Party person = data.person(council).forenames("Imogen").surname(surname).create();
        return data.account(council).liable(person).open();
    }

    @Test
    void anOfficerSignsInAndFindsAnAccountByNameAndByReference() {
        String surname = TestData.uniqueWord("Quibell");
        Account account = account(surname);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.go("/search");
            assertThat(browser.page().url()).as("signed out: sent to sign in").contains("/login");
            browser.assertAccessible();
            browser.signIn("officer");
            assertThat(browser.page().textContent("#signed-in-as")).contains("officer").contains("Officer");

            browser.page().click("#nav-search");
            browser.page().fill("#q", "Imogen " + surname);
            browser.page().click("#search-button");
            assertThat(browser.page().textContent("#result-count")).isEqualTo("1 account found");
            assertThat(browser.page().textContent("#results")).contains("Imogen " + surname).contains("Council Tax");
            browser.screenshot("search-by-name");
            browser.assertAccessible();

            browser.page().fill("#q", account.reference().value());
            browser.page().click("#search-button");
            assertThat(browser.page().locator("#results a").first().textContent()).isEqualTo(account.reference().value());
            browser.assertNoPageProblems();
        }
    }

    @Test
    void aQueryTooShortIsShownInTheErrorSummaryAgainstItsField() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/search?q=x");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("give at least two characters");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#q");
            assertThat(browser.page().isVisible("#q-error")).isTrue();
            browser.assertAccessible();
        }
    }

    @Test
    void anAdministratorHasNoSearch() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("admin");
            assertThat(browser.page().locator("#nav-search").count()).isZero();
            com.microsoft.playwright.Response response = browser.page().navigate(browser.page().url().replaceAll("/$", "") + "/search?q=smith");
            assertThat(response.status()).isEqualTo(403);
            assertThat(browser.page().textContent("h1")).isEqualTo("You cannot see this page");
        }
    }
}
