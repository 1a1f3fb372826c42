package org.reclaim.officer.queues;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
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
import org.reclaim.officer.BrowserSession;
import org.reclaim.recovery.RecoveryRuns;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The runs' pages in Chromium: a team leader starts a recovery run (a preview) for a council with one account in
 * arrears and follows it to its lines; an officer releases the line and cannot start a run; a payment file with a bad
 * line shows the line's number.
 */
@IntegrationTest
class RunsPageIT {

    private static final FinancialYear Y = FinancialYear.of(2026);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired RecoveryRuns recoveryRuns;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static BillingAuthority council;

    /** A Band D account billed for 2026/27 in ten monthly instalments from April, nothing paid. */
    private Account inArrears() {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Runs Page Council").create();
            authorities.replacePrecepts(council.id(), Y, List.of(
                    new Authorities.PreceptSetting("Runs Page Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        }
        Account a = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1))
                .liable(data.person(council).create()).open();
        billing.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private static String token(BrowserSession browser) {
        return browser.page().getAttribute("form.reclaim-header__sign-out input[name=_csrf]", "value");
    }

    @Test
    void aTeamLeaderStartsARecoveryRunFollowsItAndAnOfficerReleasesItsLine() {
        Account account = inArrears();
        long runId;
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go("/runs");
            browser.assertAccessible();
            browser.page().click("#recovery-link");
            browser.screenshot("runs-recovery-start");
            browser.assertAccessible();

            // a date that is no date: said against the field
            browser.page().selectOption("#authority", council.gssCode());
            browser.page().fill("#date-day", "31");
            browser.page().fill("#date-month", "2");
            browser.page().fill("#date-year", "2026");
            browser.page().click("#start-run");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("The business date must be a real date");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#date-day");
            browser.assertAccessible();

            browser.page().fill("#date-day", "2");
            browser.page().fill("#date-month", "4");
            browser.page().check("#preview");
            browser.page().click("#start-run");
            browser.page().waitForURL(url -> url.matches(".*/runs/recovery/\\d+$"));
            runId = Long.parseLong(browser.page().url().replaceAll(".*/", ""));
            PlaywrightAssertions.assertThat(browser.page().locator("#run-status"))
                    .hasText("Completed", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(recoveryRuns.get(runId).authority()).isEqualTo(council.gssCode());
            assertThat(recoveryRuns.get(runId).preview()).isTrue();
            assertThat(browser.page().textContent("h1")).isEqualTo("Recovery run " + runId + " (preview)");
            assertThat(browser.page().textContent("#counts")).contains("Reminder 1").contains("Proposed");
            Locator line = browser.page().locator("#lines tbody tr").filter(new Locator.FilterOptions().setHasText(account.reference().value()));
            assertThat(line.count()).isEqualTo(1);
            assertThat(line.textContent()).contains("Reminder 1").contains("Proposed");
            browser.screenshot("runs-recovery-run");
            browser.assertAccessible();

            // the proposal waits on the decisions worklist, its score explained
            browser.go("/worklists/decisions?authority=" + council.gssCode());
            Locator item = browser.page().locator("#items tbody tr").filter(new Locator.FilterOptions().setHasText(account.reference().value()));
            assertThat(item.textContent()).contains("Reminder 1");
            assertThat(item.locator(".score-parts").textContent()).contains("overdue").contains("Never contacted");
            browser.screenshot("worklist-decisions");
            browser.assertAccessible();
        }
        long lineId = jdbc.sql("select id from recovery_line where authority_id = ? and account_id = ? and run_id = ?")
                .params(council.id(), account.id(), runId).query(Long.class).single();
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/runs/recovery");
            assertThat(browser.page().locator("#start-form").count()).as("no start form for an officer").isZero();
            assertThat(browser.page().isVisible("#team-leader-only")).isTrue();
            APIResponse refused = browser.page().request().post("http://localhost:" + port + "/runs/recovery",
                    RequestOptions.create().setForm(FormData.create().set("_csrf", token(browser)).set("authority", council.gssCode())
                            .set("date-day", "3").set("date-month", "4").set("date-year", "2026").set("preview", "yes")).setMaxRedirects(0));
            assertThat(refused.status()).isEqualTo(403);

            browser.go("/runs/recovery/" + runId);
            browser.page().check("#select-" + lineId);
            browser.page().click("#release");
            assertThat(browser.page().textContent("#confirmation-message")).isEqualTo("1 line released");
            assertThat(browser.page().textContent("#line-" + lineId + " .line-state")).isEqualTo("Issued");
            browser.assertAccessible();
            browser.assertNoPageProblems();
        }
    }

    @Test
    void aPaymentFileWithABadLineShowsItsLineNumber() {
        Account account = inArrears();
        String date = LocalDate.now(clock).minusDays(1).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String file = "Transaction Reference,Payment Reference,Amount,Date Paid\n"
                + "PP" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "," + account.reference() + ",25.00," + date + "\n"
                + "PP" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "," + account.reference() + ",12.3," + date + "\n";
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/runs/payment-files");
            browser.screenshot("runs-payment-file-upload");
            browser.assertAccessible();
            // nothing chosen: each field says what it needs
            browser.page().click("#upload");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("Select the file's format").contains("Select a payment file");
            browser.assertAccessible();

            browser.page().selectOption("#authority", council.gssCode());
            browser.page().selectOption("#format", "PAYPOINT");
            browser.page().setInputFiles("#file", new FilePayload("paypoint.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)));
            browser.page().click("#upload");
            browser.page().waitForURL(url -> url.matches(".*/runs/payment-files/\\d+$"));
            PlaywrightAssertions.assertThat(browser.page().locator("#file-status"))
                    .hasText("Completed", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
            assertThat(browser.page().textContent("#file-posted")).isEqualTo("1");
            assertThat(browser.page().textContent("#rejected tbody tr td:first-child")).isEqualTo("3");
            assertThat(browser.page().textContent("#rejected")).contains("bad amount");
            browser.screenshot("runs-payment-file");
            browser.assertAccessible();
        }
    }

    @Test
    void anOfficerHasNoDirectDebitRunsAndATeamLeaderIsToldWhatIsMissing() {
        inArrears();
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer");
            assertThat(browser.page().navigate("http://localhost:" + port + "/runs/direct-debit").status()).isEqualTo(403);
            assertThat(browser.page().textContent("h1")).isEqualTo("You cannot do this");
            browser.go("/runs");
            assertThat(browser.page().locator("#direct-debit-link").count()).isZero();
            browser.screenshot("runs");
            browser.assertAccessible();
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go("/runs/direct-debit");
            browser.page().selectOption("#authority", council.gssCode());
            browser.page().fill("#date-day", "1");
            browser.page().fill("#date-month", "4");
            browser.page().fill("#date-year", "2026");
            browser.page().click("#start-run");
            // the test council has no originator details (service user number): nothing is run, and the page says why
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("originator");
            browser.screenshot("runs-direct-debit-start");
            browser.assertAccessible();
        }
    }

    @Test
    void aRunGoingIsFollowedByAPageThatRefreshesItselfAndSaysHowToStop() {
        inArrears();
        // a run still going, as the recovery run records one when it starts
        long runId = jdbc.sql("""
                insert into recovery_run (authority_id, business_date, preview, status, chunks, started_at, started_by)
                values (?, ?, true, 'RUNNING', 3, now(), 'teamleader') returning id""")
                .params(council.id(), LocalDate.of(2026, 5, 2)).query(Long.class).single();
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go("/runs/recovery/" + runId);
            assertThat(browser.page().textContent("#run-progress")).isEqualTo("0 of 3 chunks of accounts done");
            assertThat(browser.page().textContent("#refresh-notice")).contains("refreshes every 2 seconds");
            browser.page().waitForLoadState();
            // it reloads by itself
            browser.page().waitForRequest(request -> request.url().endsWith("/runs/recovery/" + runId), () -> { });
            // axe can take longer than the 2 seconds to the next reload on a busy machine: check the same page (notice
            // included) opened again with its timer disarmed, so it is not swept away under axe
            // (only the page's own 2-second timer: axe schedules its work with setTimeout too)
            browser.page().addInitScript("const setTimeoutOfThePage = window.setTimeout; window.setTimeout = "
                    + "function (f, ms, ...args) { return ms === 2000 ? 0 : setTimeoutOfThePage.call(window, f, ms, ...args); };");
            browser.go("/runs/recovery/" + runId);
            assertThat(browser.page().textContent("#refresh-notice")).contains("refreshes every 2 seconds");
            browser.assertAccessible();
            browser.page().click("#stop-refreshing");
            assertThat(browser.page().url()).endsWith("refresh=off");
            assertThat(browser.page().locator("#refresh-notice").count()).isZero();
            assertThat(browser.page().locator("#lines").count()).as("lines shown when it has finished").isZero();
        } finally {
            jdbc.sql("update recovery_run set status = 'INTERRUPTED', finished_at = now() where authority_id = ? and id = ?")
                    .params(council.id(), runId).update();
        }
    }
}
