package org.reclaim.officer.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.BrowserSession;
import org.reclaim.worklists.Task;
import org.reclaim.worklists.Worklists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The worklists' pages in Chromium: the queues with their counts, and a task claimed, completed and assigned. */
@IntegrationTest
class WorklistsPageIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Worklists worklists;
    @Autowired Clock clock;

    private static BillingAuthority council;

    private Task task(String reason) {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Worklists Page Council").create();
        }
        Account account = data.account(council).liable(data.person(council).surname(TestData.uniqueWord("Tasker")).create()).open();
        return worklists.raise(account.id(), "CALL_BACK", reason, LocalDate.now(clock).plusDays(1), "page-test:" + TestData.uniqueWord("k"));
    }

    private String tasksPage() {
        return "/worklists/tasks?authority=" + council.gssCode();
    }

    @Test
    void anOfficerClaimsATaskRaisedForAnAccountAndCompletesIt() {
        Task task = task("Customer asked for a call back about the reminder");
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/worklists?authority=" + council.gssCode());
            assertThat(browser.page().textContent("#queue-tasks .queue-count")).isEqualTo(
                    String.valueOf(worklists.counts(council).get(org.reclaim.worklists.Worklist.TASKS)));
            assertThat(browser.page().textContent("#queues")).contains("Recovery decisions").contains("Income and expenditure forms");
            browser.screenshot("worklists");
            browser.assertAccessible();

            browser.page().click("#queue-tasks a");
            var row = browser.page().locator("tr[data-task='" + task.id() + "']");
            assertThat(row.textContent()).contains(task.accountReference()).contains("Customer asked for a call back").contains("Nobody yet");
            assertThat(row.locator("a[href='/accounts/" + task.accountReference() + "']").count()).isEqualTo(1);
            assertThat(browser.page().locator("#assign-" + task.id()).count()).as("an officer does not assign").isZero();
            assertThat(browser.page().locator("#complete-" + task.id()).count()).as("not theirs yet").isZero();
            // the score, explained by its parts
            row.locator(".govuk-details__summary").click();
            assertThat(row.locator(".score-parts").textContent()).contains("overdue").contains("Never contacted: 90 points");
            browser.screenshot("worklist-tasks");
            browser.assertAccessible();

            browser.page().click("#claim-" + task.id());
            assertThat(browser.page().textContent("#confirmation-message")).isEqualTo("You have task " + task.id() + " (" + task.accountReference() + ")");
            assertThat(browser.page().textContent("tr[data-task='" + task.id() + "'] .task-holder")).isEqualTo("officer");

            // completing with nothing said is refused in the error summary; with what was done, it leaves the list
            browser.page().click("#complete-" + task.id());
            assertThat(browser.page().textContent("#problem-message")).contains("Say what was done");
            browser.page().fill("#outcome-" + task.id(), "Called back, payment agreed");
            browser.page().click("#complete-" + task.id());
            assertThat(browser.page().textContent("#confirmation-message")).isEqualTo("Task " + task.id() + " (" + task.accountReference() + ") completed");
            assertThat(browser.page().locator("tr[data-task='" + task.id() + "']").count()).isZero();
            browser.assertAccessible();
            browser.assertNoPageProblems();
        }
    }

    @Test
    void aTeamLeaderAssignsATaskAndAnOfficerMayNot() {
        Task task = task("Check the liable person's new address");
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go(tasksPage());
            // an officer's form token is good, but the assignment is still refused
            String token = browser.page().getAttribute("form.reclaim-header__sign-out input[name=_csrf]", "value");
            APIResponse refused = browser.page().request().post("http://localhost:" + port + "/worklists/tasks/" + task.id() + "/assign",
                    RequestOptions.create().setForm(FormData.create().set("_csrf", token).set("authority", council.gssCode())
                            .set("username", "officer")).setMaxRedirects(0));
            assertThat(refused.status()).isEqualTo(403);
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go(tasksPage());
            browser.page().selectOption("#assign-to-" + task.id(), "officer");
            browser.page().click("#assign-" + task.id());
            assertThat(browser.page().textContent("#confirmation-message"))
                    .isEqualTo("Task " + task.id() + " (" + task.accountReference() + ") given to officer");
            assertThat(browser.page().textContent("tr[data-task='" + task.id() + "'] .task-holder")).isEqualTo("officer");
            // a team leader may complete a task another has
            assertThat(browser.page().locator("#complete-" + task.id()).count()).isEqualTo(1);
            browser.screenshot("worklist-tasks-team-leader");
            browser.assertAccessible();
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go(tasksPage() + "&assignedTo=me");
            assertThat(browser.page().textContent("h1")).isEqualTo("Your tasks");
            assertThat(browser.page().locator("tr[data-task='" + task.id() + "']").count()).isEqualTo(1);
        }
    }

    @Test
    void theIncomeAndExpenditureListAndAnAuditorWhoMayNotClaim() {
        Task task = task("Auditor looks");
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go("/worklists/income-expenditure?authority=" + council.gssCode());
            assertThat(browser.page().textContent("h1")).isEqualTo("Income and expenditure forms");
            browser.assertAccessible();
            browser.go(tasksPage());
            assertThat(browser.page().locator("#claim-" + task.id()).count()).isZero();
            String token = browser.page().getAttribute("form.reclaim-header__sign-out input[name=_csrf]", "value");
            APIResponse refused = browser.page().request().post("http://localhost:" + port + "/worklists/tasks/" + task.id() + "/claim",
                    RequestOptions.create().setForm(FormData.create().set("_csrf", token).set("authority", council.gssCode())).setMaxRedirects(0));
            assertThat(refused.status()).isEqualTo(403);
        }
    }
}
