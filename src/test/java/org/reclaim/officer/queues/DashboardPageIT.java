package org.reclaim.officer.queues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.arrangements.OpenForms;
import org.reclaim.arrangements.ServiceStandards;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.BrowserSession;
import org.reclaim.parties.Party;
import org.reclaim.shared.FinancialYear;
import org.reclaim.worklists.Worklist;
import org.reclaim.worklists.Worklists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's figures are the facades' figures for the council; an administrator sees no counts of cases. */
@IntegrationTest
class DashboardPageIT {

    private static final String FORM = """
            {"receivedOn": "%s", "channel": "PHONE", "household": {"adults": 1, "children": 0}, "lines": [
              {"category": "INCOME", "item": "wages", "pence": 150000, "frequency": "MONTHLY"},
              {"category": "FIXED_COSTS", "item": "rent", "pence": 65000, "frequency": "MONTHLY"}]}""";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Worklists worklists;
    @Autowired OpenForms openForms;
    @Autowired ServiceStandards standards;
    @Autowired Clock clock;

    private static BillingAuthority council;

    @Test
    void theFiguresAreTheFacadesFiguresForTheCouncil() throws Exception {
        TestData data = TestData.from(context);
        council = data.authority().name("Dashboard Page Council").create();
        LocalDate today = LocalDate.now(clock);
        Party customer = data.person(council).create();
        Account account = data.account(council).liable(customer).open();
        // a task given to the officer, and one nobody has
        long mine = worklists.raise(account.id(), "CALL_BACK", "Call the customer back", today, "dashboard:mine").id();
        worklists.raise(account.id(), "CHECK_ADDRESS", "Check the address", today.plusDays(3), "dashboard:open");
        mvc.perform(post("/api/v1/worklists/tasks/{id}/assign", mine).with(httpBasic("teamleader", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"officer\"}")).andExpect(status().isOk());
        // an income and expenditure form received 9 days ago (due within 2 days), and one received today
        for (LocalDate received : new LocalDate[] {today.minusDays(9), today}) {
            mvc.perform(post("/api/v1/parties/{id}/income-expenditure", customer.id()).with(httpBasic("officer", "reclaim-demo"))
                    .contentType(MediaType.APPLICATION_JSON).content(FORM.formatted(received))).andExpect(status().isCreated());
        }

        OpenForms.Due due = openForms.due(council, 2);
        // the counts are the list's
        assertThat(openForms.of(council)).hasSize((int) due.open()).filteredOn(f -> f.daysLeft() <= 2).hasSize((int) due.dueWithin());
        assertThat(due.open()).isEqualTo(2);
        assertThat(due.dueWithin()).as("the form of 9 days ago").isEqualTo(1);
        ServiceStandards.Report month = standards.report(council.id(), council.gssCode(), today.withDayOfMonth(1), today);
        ServiceStandards.Report year = standards.report(council.id(), council.gssCode(), FinancialYear.containing(today).start(), today);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/?authority=" + council.gssCode());
            assertThat(browser.page().textContent("h1")).isEqualTo("Dashboard");
            assertThat(browser.page().textContent("#my-tasks .figure-value")).isEqualTo("1");
            assertThat(browser.page().textContent("#forms-due .figure-value")).isEqualTo(String.valueOf(due.dueWithin()));
            assertThat(browser.page().textContent("#forms-due")).contains(due.open() + " waiting in all");
            assertThat(browser.page().textContent("#queue-tasks .queue-count"))
                    .isEqualTo(String.valueOf(worklists.counts(council).get(Worklist.TASKS))).isEqualTo("2");
            assertThat(browser.page().textContent("#queue-income-expenditure .queue-count")).isEqualTo("2");
            assertThat(browser.page().textContent("#queue-decisions .queue-count"))
                    .isEqualTo(String.valueOf(worklists.counts(council).get(Worklist.DECISIONS)));

            // the standards: forms received this year and this month, none yet arranged within 10 days
            String within = browser.page().textContent("#standard-within-10-days");
            assertThat(year.incomeExpenditureForms()).isEqualTo(2);
            assertThat(browser.page().textContent("#standard-within-10-days tbody tr:nth-child(2) td:nth-child(3)"))
                    .isEqualTo(String.valueOf(year.incomeExpenditureForms()));
            assertThat(browser.page().textContent("#standard-within-10-days tbody tr:nth-child(1) td:nth-child(3)"))
                    .isEqualTo(String.valueOf(month.incomeExpenditureForms()));
            assertThat(within).contains("0%");
            assertThat(browser.page().textContent("#standard-first-contact")).contains("None made");
            assertThat(month.arrangements()).isZero();
            assertThat(browser.page().textContent("#standard-calls")).contains("82%").contains("86%").contains("No call data imported yet");
            browser.screenshot("dashboard");
            browser.assertAccessible();
            browser.assertNoPageProblems();

            browser.page().click("#my-tasks a");
            assertThat(browser.page().textContent("h1")).isEqualTo("Your tasks");
            assertThat(browser.page().locator("tr[data-task='" + mine + "']").count()).isEqualTo(1);
        }
    }

    @Test
    void anAdministratorSeesNoCountsOfCases() {
        if (council == null) {
            council = TestData.from(context).authority().name("Dashboard Page Council").create();
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("admin");
            assertThat(browser.page().textContent("h1")).isEqualTo("Dashboard");
            assertThat(browser.page().locator("#queues").count()).isZero();
            assertThat(browser.page().locator("#my-tasks").count()).isZero();
            assertThat(browser.page().isVisible("#standard-calls")).isTrue();
            assertThat(browser.page().isVisible("#admin-health")).isTrue();
            browser.screenshot("dashboard-admin");
            browser.assertAccessible();
        }
    }
}
