package org.reclaim.officer.remedies;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.reclaim.recovery.remedies.RemedyFacts;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.reclaim.worklists.Worklist;
import org.reclaim.worklists.WorklistItem;
import org.reclaim.worklists.Worklists;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The remedies after a liability order, cheapest first, confirmed by the right role; a write-off recommended as a task. */
@IntegrationTest
class RemediesPageIT {

    private static final int YEAR = 2025;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired RemedyFacts facts;
    @Autowired Worklists worklists;
    @Autowired Clock clock;

    private static BillingAuthority council;

    /** An account owing £1,500.00 for 2025/26, with (or without) a liability order, inserted as RemediesIT does. */
    private Account owing(boolean liabilityOrder) {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Remedies Page Council").create();
        }
        Party debtor = data.person(council).forenames("Sam").surname(TestData.uniqueWord("Remedy")).create();
        Account a = data.account(council).liable(debtor).open();
        ledger.post(Posting.of(a.reference(), FinancialYear.of(YEAR), EntryType.CHARGE, Money.ofPence(150000), LocalDate.of(YEAR, 4, 1), "charge"));
        if (liabilityOrder) {
            jdbc.sql("""
                    insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                    values (?, ?, ?, 'LIABILITY_ORDER', ?, 'test: granted at the hearing', ?, 'test', ?)""")
                    .params(a.authorityId(), a.id(), YEAR, LocalDate.of(YEAR, 7, 1), 150000, OffsetDateTime.now(clock)).update();
        }
        return a;
    }

    @Test
    void aKnownEmployerPutsAttachmentOfEarningsFirstAndOnlyATeamLeaderConfirmsACourtRemedy() {
        Account account = owing(true);
        // £1,420.00 a month net: Table B's 12% band, £170.40 a month (RemediesIT)
        facts.record(account, new RemedyFacts.NewFact(null, "EMPLOYER", "Acme Widgets Ltd", "Unit 4, Wigston", "P-1", "MONTHLY", 142000L,
                null, null, null, null, null));
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/accounts/" + account.reference().value() + "/remedies");
            assertThat(browser.page().textContent("#proposed-" + YEAR)).contains("Proposed: an attachment of earnings order");
            List<String> order = browser.page().locator("#remedies-2025 tbody tr").all().stream().map(l -> l.getAttribute("id")).toList();
            assertThat(order.get(0)).isEqualTo("option-2025-ATTACHMENT_OF_EARNINGS");
            assertThat(order.indexOf("option-2025-ATTACHMENT_OF_EARNINGS")).isLessThan(order.indexOf("option-2025-ENFORCEMENT_AGENT"));
            assertThat(browser.page().textContent("#option-2025-ATTACHMENT_OF_EARNINGS")).contains("£170.40 from each monthly pay")
                    .contains("Sch. 4");
            assertThat(browser.page().textContent("#option-2025-BANKRUPTCY")).contains("Not available").contains("£5,000");
            assertThat(browser.page().isChecked("#remedy-2025-ATTACHMENT_OF_EARNINGS")).as("the proposal is pre-selected").isTrue();
            assertThat(browser.page().locator("#remedy-2025-BANKRUPTCY").count()).as("only what is available is offered").isZero();
            browser.screenshot("remedies");
            browser.assertAccessible();

            // a charging order goes to court: an officer's attempt is refused, clearly
            browser.page().check("#remedy-2025-CHARGING_ORDER");
            browser.page().click("#confirm");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("Only a team leader can confirm this")
                    .contains("A charging order needs a team leader");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#remedy-2025-CHARGING_ORDER");
            browser.screenshot("remedies-needs-team-leader");
            browser.assertAccessible();

            browser.page().check("#remedy-2025-ATTACHMENT_OF_EARNINGS");
            browser.page().click("#confirm");
            assertThat(browser.page().textContent("#confirmation-message"))
                    .isEqualTo("Confirmed an attachment of earnings order for 2025/26: £170.40 from each monthly pay.");
            browser.assertNoPageProblems();
        }
        assertThat(jdbc.sql("select code from recovery_action where authority_id = ? and account_id = ? and code <> 'LIABILITY_ORDER'")
                .params(account.authorityId(), account.id()).query(String.class).list()).containsExactly("ATTACHMENT_OF_EARNINGS");
    }

    @Test
    void withoutALiabilityOrderThePageSaysSoAndAWriteOffIsRecommendedOnceForATeamLeader() {
        Account account = owing(false);
        String ref = account.reference().value();
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/accounts/" + ref + "/remedies");
            assertThat(browser.page().textContent("#no-liability-order")).contains("This account has no liability order");
            browser.assertAccessible();

            browser.page().click("#write-off-link");
            assertThat(browser.page().inputValue("#amount")).isEqualTo("1500.00");
            browser.page().click("#recommend");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#reason-DECEASED_NO_ESTATE");
            browser.page().check("#reason-STATUTE_BARRED");
            browser.page().fill("#notes", "Last action in 2018; no acknowledgement since");
            String key = browser.page().inputValue("input[name=key]");
            String csrf = browser.page().getAttribute("form[novalidate] input[name=_csrf]", "value");
            browser.screenshot("write-off");
            browser.assertAccessible();
            browser.page().click("#recommend");
            assertThat(browser.page().textContent("#confirmation-message")).contains("Write-off of £1,500.00 recommended (statute barred)")
                    .contains("awaits a team leader's approval");

            // the same form sent again raises nothing more
            assertThat(browser.page().request().post(browser.page().url() + "/write-off/new", RequestOptions.create().setForm(FormData.create()
                    .set("_csrf", csrf).set("key", key).set("amount", "1500.00").set("reason", "STATUTE_BARRED").set("notes", "again"))).status())
                    .isEqualTo(200);
        }
        List<WorklistItem> tasks = worklists.items(Worklist.TASKS, council, null, 500, 0).stream()
                .filter(i -> i.accountReference().equals(ref)).toList();
        assertThat(tasks).singleElement().satisfies(t -> assertThat(t.reason()).contains("£1,500.00").contains("Statute barred")
                .contains("team leader's approval"));
        assertThat(ledger.balance(account)).as("nothing posted").isEqualTo(Money.ofPence(150000));
        assertThat(tasks.get(0).forTeamLeader()).isTrue();
        String taskId = tasks.get(0).itemId().substring("task:".length());

        // a team leader decides it: officers see it on the worklist but are not offered it, and cannot take it
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/worklists/tasks?authority=" + council.gssCode());
            assertThat(browser.page().textContent("tr[data-task='" + taskId + "']")).contains("A team leader decides");
            assertThat(browser.page().locator("#claim-" + taskId).count()).isZero();
            assertThat(browser.page().request().post("http://localhost:" + port + "/api/v1/worklists/tasks/" + taskId + "/claim",
                    RequestOptions.create().setHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString("officer:reclaim-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))).status())
                    .isEqualTo(409);
        }
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go("/worklists/tasks?authority=" + council.gssCode());
            browser.page().click("#claim-" + taskId);
            assertThat(browser.page().textContent("tr[data-task='" + taskId + "'] .task-holder")).contains("teamleader");
        }

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go("/accounts/" + ref + "/write-off/new");
            assertThat(browser.page().locator("#recommend").count()).isZero();
        }
    }
}
