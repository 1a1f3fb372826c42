package org.reclaim.worklists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyFlag;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The worklists against the real recovery run, payments and holds: items ordered by their score with its parts, items
 * that drop off the moment a payment, a hold or a decision makes them stale, the vulnerable list, and tasks.
 */
@IntegrationTest
class WorklistsIT {

    private static final FinancialYear Y = FinancialYear.of(2026);
    private static final String PASSWORD = "reclaim-demo";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired Parties parties;
    @Autowired Ledger ledger;
    @Autowired Worklists worklists;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private BillingAuthority council(TestData data, String name) {
        BillingAuthority council = data.authority().name(name).create();
        authorities.replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting(name, PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        return council;
    }

    private Account billed(TestData data, BillingAuthority council, CouncilTaxBand band, Party... liable) {
        TestData.AccountBuilder builder = data.account(council).property(data.dwelling(council).band(band).create()).from(LocalDate.of(2020, 6, 1));
        if (liable.length > 0) {
            builder.liable(liable);
        }
        Account a = builder.open();
        billing.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private long run(BillingAuthority council, String date, boolean preview) throws Exception {
        String body = mvc.perform(post("/api/v1/recovery/runs").param("authority", council.gssCode()).param("date", date)
                        .param("preview", String.valueOf(preview)).with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions list(BillingAuthority council, String worklist, String user, String... params) throws Exception {
        var request = get("/api/v1/worklists/{w}", worklist).param("authority", council.gssCode()).with(httpBasic(user, PASSWORD));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk());
    }

    private List<Map<String, Object>> items(BillingAuthority council, String worklist, String... params) throws Exception {
        return JsonPath.read(list(council, worklist, "officer", params).andReturn().getResponse().getContentAsString(), "$");
    }

    private static List<String> accountsOf(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("accountReference")).toList();
    }

    private static Map<String, Object> itemOf(List<Map<String, Object>> items, Account a) {
        return items.stream().filter(i -> a.reference().value().equals(i.get("accountReference"))).findFirst().orElseThrow();
    }

    private long proposedAmount(Account a) {
        return jdbc.sql("select amount_pence from recovery_line where authority_id = ? and account_id = ? and state = 'PROPOSED'")
                .params(a.authorityId(), a.id()).query(Long.class).single();
    }

    private long lineOf(Account a) {
        return jdbc.sql("select id from recovery_line where authority_id = ? and account_id = ? and state = 'PROPOSED'")
                .params(a.authorityId(), a.id()).query(Long.class).single();
    }

    private void pay(Account a, long pence) throws Exception {
        pay(a, pence, LocalDate.now(clock));
    }

    private void pay(Account a, long pence, LocalDate receivedOn) throws Exception {
        mvc.perform(post("/api/v1/payments").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountReference\": \"%s\", \"amountPence\": %d, \"method\": \"CARD\", \"receivedOn\": \"%s\"}"
                                .formatted(a.reference().value(), pence, receivedOn)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("POSTED"));
    }

    private void hold(Account a, String type, LocalDate from, String until) throws Exception {
        mvc.perform(post("/api/v1/accounts/{r}/holds", a.reference().value()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"%s\", \"from\": \"%s\", %s, \"reason\": \"worklist test\"}".formatted(type, from, until)))
                .andExpect(status().isCreated());
    }

    private void contact(Account a) throws Exception {
        mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\": \"PHONE\", \"direction\": \"OUTBOUND\", \"outcome\": \"SPOKE_TO_CUSTOMER\"}"))
                .andExpect(status().isCreated());
    }

    /** Each item's score is the sum of its parts' points as WorklistScore gives them, and the list is in score order. */
    @SuppressWarnings("unchecked")
    private static void assertScoredAndOrdered(List<Map<String, Object>> items) {
        long previous = Long.MAX_VALUE;
        for (Map<String, Object> item : items) {
            Map<String, Object> parts = (Map<String, Object>) item.get("scoreParts");
            Number contactDays = (Number) parts.get("daysSinceLastContact");
            WorklistScore.Points expected = WorklistScore.of(new WorklistScore.Parts(((Number) parts.get("arrearsPence")).longValue(),
                    ((Number) parts.get("arrearsAgeDays")).longValue(), ((Number) parts.get("projectedArrearsPence")).longValue(),
                    (Boolean) parts.get("vulnerable"), contactDays == null ? null : contactDays.longValue()));
            Map<String, Object> points = (Map<String, Object>) parts.get("points");
            assertThat(((Number) points.get("arrearsPence")).longValue()).isEqualTo(expected.arrearsPence());
            assertThat(((Number) points.get("vulnerable")).longValue()).isEqualTo(expected.vulnerable());
            assertThat(((Number) points.get("daysSinceLastContact")).longValue()).isEqualTo(expected.daysSinceLastContact());
            long score = ((Number) item.get("score")).longValue();
            assertThat(score).as("score of %s", item.get("itemId")).isEqualTo(expected.total());
            assertThat(score).isLessThanOrEqualTo(previous);
            previous = score;
        }
    }

    @Test
    void decisionsAreOrderedByTheirScoreAndDropOffTheMomentTheyAreStale() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = council(data, "Worklist Decisions Council");
        Party vulnerableParty = data.person(council).create();
        parties.addFlag(vulnerableParty.id(), PartyFlag.VULNERABLE, LocalDate.of(2026, 1, 10), null, "long-term illness", true);
        Account small = billed(data, council, CouncilTaxBand.A);
        Account big = billed(data, council, CouncilTaxBand.H);
        Account vulnerable = billed(data, council, CouncilTaxBand.A, vulnerableParty);
        Account contacted = billed(data, council, CouncilTaxBand.A);
        Account disputed = billed(data, council, CouncilTaxBand.D);
        Account arranged = billed(data, council, CouncilTaxBand.D);
        Account decided = billed(data, council, CouncilTaxBand.D);
        contact(contacted);

        // a preview on 2 April: every account missed its April instalment; the first reminders wait for an officer
        long runId = run(council, "2026-04-02", true);
        List<Map<String, Object>> items = items(council, "DECISIONS");

        assertThat(accountsOf(items)).containsExactlyInAnyOrder(small.reference().value(), big.reference().value(), vulnerable.reference().value(),
                contacted.reference().value(), disputed.reference().value(), arranged.reference().value(), decided.reference().value());
        assertScoredAndOrdered(items);
        long daysSinceRun = ChronoUnit.DAYS.between(LocalDate.of(2026, 4, 2), LocalDate.now(clock));
        Map<String, Object> bigItem = itemOf(items, big);
        assertThat(bigItem).containsEntry("suggestion", "REMINDER_1").containsEntry("stream", "COUNCIL_TAX").containsEntry("financialYear", 2026)
                .containsEntry("itemId", "line:" + lineOf(big)).containsEntry("dueOn", "2026-04-02");
        assertThat((String) bigItem.get("rule")).contains("SI 1992/613 reg 23(1)");
        assertThat(bigItem.get("partyName")).asString().startsWith("Alex Testperson");
        assertThat(bigItem.get("scoreParts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("arrearsPence", (int) proposedAmount(big))
                .containsEntry("arrearsAgeDays", (int) daysSinceRun)
                .containsEntry("projectedArrearsPence", (int) ledger.balance(big).pence())
                .containsEntry("vulnerable", false)
                .containsEntry("daysSinceLastContact", null);
        // the vulnerable customer's item outranks the same debt of a customer who is not; one contacted today ranks lower
        long smallScore = ((Number) itemOf(items, small).get("score")).longValue();
        assertThat(((Number) itemOf(items, vulnerable).get("score")).longValue()).isEqualTo(smallScore + WorklistScore.VULNERABLE_POINTS);
        assertThat(((Number) itemOf(items, contacted).get("score")).longValue()).isEqualTo(smallScore - WorklistScore.CONTACT_CAP);
        assertThat(itemOf(items, contacted).get("scoreParts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("daysSinceLastContact", 0);
        assertThat(accountsOf(items).get(0)).isEqualTo(vulnerable.reference().value());
        assertThat(accountsOf(items).indexOf(big.reference().value())).isLessThan(accountsOf(items).indexOf(small.reference().value()));

        // part of the reminder's sum paid: still there, with less overdue; all of it paid: gone at the next read
        pay(small, 1000);
        assertThat(itemOf(items(council, "DECISIONS"), small).get("scoreParts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("arrearsPence", (int) proposedAmount(small) - 1000);
        pay(small, proposedAmount(small) - 1000);
        assertThat(accountsOf(items(council, "DECISIONS"))).doesNotContain(small.reference().value()).contains(big.reference().value());

        // a hold placed today (a dispute; an arrangement is a hold too): gone at once
        hold(disputed, "DISPUTE", LocalDate.now(clock), "\"endsOn\": \"" + LocalDate.now(clock).plusDays(30) + "\"");
        hold(arranged, "ARRANGEMENT", LocalDate.now(clock), "\"endsOn\": \"" + LocalDate.now(clock).plusMonths(6) + "\"");
        // a hold that ended before today stops nothing now
        hold(big, "DISPUTE", LocalDate.of(2026, 4, 3), "\"endsOn\": \"2026-04-20\"");
        // the officer decides one line: held in review
        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/hold", runId).with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lineIds\": [%d], \"reason\": \"customer called in\"}".formatted(lineOf(decided))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(1));

        List<Map<String, Object>> after = items(council, "DECISIONS");
        assertThat(accountsOf(after)).containsExactlyInAnyOrder(big.reference().value(), vulnerable.reference().value(), contacted.reference().value());
        assertScoredAndOrdered(after);
        // the counts agree, and none of these waits for a team leader
        mvc.perform(get("/api/v1/worklists").param("authority", council.gssCode()).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.counts.DECISIONS").value(3)).andExpect(jsonPath("$.counts.SUMMONS_REVIEW").value(0))
                .andExpect(jsonPath("$.counts.VULNERABLE_BEFORE_ESCALATION").value(0));
        // paging
        assertThat(accountsOf(items(council, "DECISIONS", "limit", "2"))).containsExactlyElementsOf(accountsOf(after).subList(0, 2));
        assertThat(accountsOf(items(council, "DECISIONS", "limit", "2", "offset", "2"))).containsExactlyElementsOf(accountsOf(after).subList(2, 3));
        // the read is in the access audit, for each account shown
        assertThat(jdbc.sql("select count(*) from access_audit where authority_id = ? and subject_id = ? and action = 'READ' and detail = 'worklist DECISIONS'")
                .params(council.id(), big.reference().value()).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void summonsesWaitForATeamLeaderAndVulnerableCustomersAreCalledBeforeEscalation() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = council(data, "Worklist Summons Council");
        Party flagged = data.person(council).create();
        parties.addFlag(flagged.id(), PartyFlag.VULNERABLE, LocalDate.of(2026, 1, 10), null, "bereavement", true);
        Account plain = billed(data, council, CouncilTaxBand.D);
        Account vulnerable = billed(data, council, CouncilTaxBand.B, flagged);
        Account reviewSoon = billed(data, council, CouncilTaxBand.C);
        Account reviewLater = billed(data, council, CouncilTaxBand.C);
        Account early = billed(data, council, CouncilTaxBand.C, data.person(council).create());
        parties.addFlag(early.liablePartyIds().get(0), PartyFlag.VULNERABLE, LocalDate.of(2026, 1, 10), null, "hearing loss", true);

        run(council, "2026-04-02", false);    // first reminders issued
        pay(early, reminded(early), LocalDate.of(2026, 4, 6)); // the early one pays its reminder in time: no final notice
        run(council, "2026-04-16", false);    // final notices issued
        LocalDate today = LocalDate.now(clock);
        hold(reviewSoon, "VULNERABILITY_REVIEW", today.minusDays(3), "\"reviewOn\": \"" + today.plusDays(7) + "\"");
        hold(reviewLater, "VULNERABILITY_REVIEW", today.minusDays(3), "\"reviewOn\": \"" + today.plusDays(60) + "\"");

        // next stage a summons: the flagged customer, and the one whose vulnerability review is due within 14 days
        List<Map<String, Object>> vulnerableList = items(council, "VULNERABLE_BEFORE_ESCALATION");
        assertThat(accountsOf(vulnerableList)).containsExactlyInAnyOrder(vulnerable.reference().value(), reviewSoon.reference().value());
        assertScoredAndOrdered(vulnerableList);
        Map<String, Object> v = itemOf(vulnerableList, vulnerable);
        assertThat(v).containsEntry("suggestion", "SUMMONS").containsEntry("financialYear", 2026).containsEntry("itemId", "year:" + vulnerable.id() + ":2026");
        assertThat((String) v.get("reason")).contains("flagged VULNERABLE").contains("last action FINAL_NOTICE on 2026-04-16");
        assertThat(v.get("scoreParts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("vulnerable", true).containsEntry("arrearsPence", (int) ledger.balance(vulnerable).pence())
                .containsEntry("arrearsAgeDays", (int) ChronoUnit.DAYS.between(LocalDate.of(2026, 4, 2), today));
        assertThat((String) itemOf(vulnerableList, reviewSoon).get("reason")).contains("VULNERABILITY_REVIEW hold ends or is reviewed on " + today.plusDays(7));

        // 23 April: summonses proposed; they wait for a team leader, not in an officer's decisions
        long runId = run(council, "2026-04-23", false);
        List<Map<String, Object>> summonses = items(council, "SUMMONS_REVIEW");
        // the account on a vulnerability review hold is not escalated while it is in force
        assertThat(accountsOf(summonses)).containsExactlyInAnyOrder(plain.reference().value(), vulnerable.reference().value());
        assertScoredAndOrdered(summonses);
        assertThat(itemOf(summonses, plain)).containsEntry("suggestion", "SUMMONS");
        assertThat(items(council, "DECISIONS")).isEmpty();
        assertThat(itemOf(items(council, "VULNERABLE_BEFORE_ESCALATION"), vulnerable).get("reason")).asString().contains("run line proposes SUMMONS");

        // the team leader authorises the vulnerable customer's summons: off the summons list; next comes the liability order
        mvc.perform(post("/api/v1/recovery/runs/{id}/lines/release", runId).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lineIds\": [%d]}".formatted(lineOf(vulnerable))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.done").value(1));
        assertThat(accountsOf(items(council, "SUMMONS_REVIEW"))).containsExactly(plain.reference().value());
        assertThat(itemOf(items(council, "VULNERABLE_BEFORE_ESCALATION"), vulnerable)).containsEntry("suggestion", "LIABILITY_ORDER");
        mvc.perform(get("/api/v1/worklists").param("authority", council.gssCode()).with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.counts.SUMMONS_REVIEW").value(1)).andExpect(jsonPath("$.counts.VULNERABLE_BEFORE_ESCALATION").value(2))
                .andExpect(jsonPath("$.counts.DECISIONS").value(0));

        // paid in full: nothing left to escalate, so no call is needed
        pay(vulnerable, ledger.balance(vulnerable).pence());
        assertThat(accountsOf(items(council, "VULNERABLE_BEFORE_ESCALATION"))).containsExactly(reviewSoon.reference().value());
        // an arrangement (a hold) on the plain account's summons: off the team leader's list
        hold(plain, "ARRANGEMENT", today, "\"endsOn\": \"" + today.plusMonths(5) + "\"");
        assertThat(items(council, "SUMMONS_REVIEW")).isEmpty();
    }

    private long reminded(Account a) {
        return jdbc.sql("select amount_pence from recovery_action where authority_id = ? and account_id = ? and code = 'REMINDER_1'")
                .params(a.authorityId(), a.id()).query(Long.class).single();
    }

    @Test
    void tasksAreRaisedOnceAssignedClaimedAndCompleted() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = council(data, "Worklist Tasks Council");
        Account owing = data.account(council).open();
        Account other = data.account(council).open();
        ledger.post(Posting.of(owing.reference(), Y, EntryType.CHARGE, Money.ofPence(45_000), LocalDate.of(2026, 5, 1), "charge"));

        // another module raises a task: once per key
        Task first = worklists.raise(owing.id(), "ARRANGEMENT_MISSED_PAYMENT", "the June payment of the arrangement was missed",
                LocalDate.of(2026, 6, 15), "arrangement-missed:7:2026-06-01");
        Task again = worklists.raise(owing.id(), "ARRANGEMENT_MISSED_PAYMENT", "the June payment of the arrangement was missed",
                LocalDate.of(2026, 6, 15), "arrangement-missed:7:2026-06-01");
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.state()).isEqualTo(Task.State.OPEN);
        assertThat(first.authority()).isEqualTo(council.gssCode());

        // an officer raises one; the same request again is the same task
        String body = "{\"accountReference\": \"%s\", \"kind\": \"CALL_BACK\", \"reason\": \"customer asked for a call after 5pm\", \"dueOn\": \"2026-12-01\"}"
                .formatted(other.reference().value());
        String created = mvc.perform(post("/api/v1/worklists/tasks").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("OPEN")).andExpect(jsonPath("$.createdBy").value("officer"))
                .andExpect(jsonPath("$.kind").value("CALL_BACK")).andReturn().getResponse().getContentAsString();
        long callBack = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(post("/api/v1/worklists/tasks").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(callBack));
        assertThat(jdbc.sql("select count(*) from worklist_task where authority_id = ?").param(council.id()).query(Long.class).single()).isEqualTo(2);

        // both on the TASKS list, scored: the owing account's overdue charge counts
        List<Map<String, Object>> tasks = items(council, "TASKS");
        assertThat(tasks).extracting(i -> i.get("itemId")).containsExactly("task:" + first.id(), "task:" + callBack);
        assertScoredAndOrdered(tasks);
        assertThat(tasks.get(0)).containsEntry("suggestion", "ARRANGEMENT_MISSED_PAYMENT").containsEntry("state", "OPEN")
                .containsEntry("dueOn", "2026-06-15").containsEntry("reason", "the June payment of the arrangement was missed");
        assertThat(tasks.get(0).get("scoreParts")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("arrearsPence", 45_000).containsEntry("projectedArrearsPence", 45_000);

        // a team leader assigns; an officer may not
        mvc.perform(post("/api/v1/worklists/tasks/{id}/assign", first.id()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"officer\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/worklists/tasks/{id}/assign", first.id()).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"nobody-here\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("username"));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/assign", first.id()).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"officer\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLAIMED")).andExpect(jsonPath("$.assignedTo").value("officer"));

        // mine and unassigned
        assertThat(items(council, "TASKS", "assignedTo", "me")).extracting(i -> i.get("itemId")).containsExactly("task:" + first.id());
        assertThat(items(council, "TASKS", "assignedTo", "unassigned")).extracting(i -> i.get("itemId")).containsExactly("task:" + callBack);

        // somebody else's task cannot be claimed or completed by another officer
        mvc.perform(post("/api/v1/worklists/tasks/{id}/claim", first.id()).with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already claimed by officer")));
        // an unclaimed task is claimed first; a claim repeated changes nothing
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", callBack).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"called\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("claim it first")));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/claim", callBack).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assignedTo").value("officer"));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/claim", callBack).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("CLAIMED"));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", callBack).with(httpBasic("auditor", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"called\"}"))
                .andExpect(status().isForbidden());

        // the assignee completes; a team leader may complete anyone's
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", callBack).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"called back; promise to pay on Friday\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE")).andExpect(jsonPath("$.completedBy").value("officer"))
                .andExpect(jsonPath("$.outcome").value("called back; promise to pay on Friday"));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", callBack).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"called back; promise to pay on Friday\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DONE"));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", callBack).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"something else\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("already completed by officer")));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/claim", callBack).with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/worklists/tasks/{id}/assign", callBack).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"teamleader\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", first.id()).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"arrangement renegotiated\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.completedBy").value("teamleader"));

        // done tasks leave the list; the changes are in the access audit
        assertThat(items(council, "TASKS")).isEmpty();
        mvc.perform(get("/api/v1/worklists/tasks/{id}", callBack).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountReference").value(other.reference().value()));
        assertThat(jdbc.sql("select detail from access_audit where authority_id = ? and subject_id = ? and action = 'CHANGE' order by id")
                .params(council.id(), other.reference().value()).query(String.class).list())
                .contains("task " + callBack + " CALL_BACK raised, due 2026-12-01", "task " + callBack + " claimed",
                        "task " + callBack + " completed: called back; promise to pay on Friday");
    }

    @Test
    void badInputNamesTheField() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = council(data, "Worklist Input Council");
        Account account = data.account(council).open();

        mvc.perform(get("/api/v1/worklists/{w}", "OVERDUE").param("authority", council.gssCode()).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("worklist"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("DECISIONS, SUMMONS_REVIEW, VULNERABLE_BEFORE_ESCALATION, TASKS")));
        mvc.perform(get("/api/v1/worklists/DECISIONS").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("authority"));
        mvc.perform(get("/api/v1/worklists/DECISIONS").param("authority", "E09999999X").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("authority"));
        mvc.perform(get("/api/v1/worklists/TASKS").param("authority", council.gssCode()).param("limit", "0").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("limit"));
        mvc.perform(get("/api/v1/worklists").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("authority"));

        String[][] refused = {
                {"{\"accountReference\": \"%s\", \"reason\": \"r\", \"dueOn\": \"2026-12-01\"}", "kind"},
                {"{\"accountReference\": \"%s\", \"kind\": \"call back\", \"reason\": \"r\", \"dueOn\": \"2026-12-01\"}", "kind"},
                {"{\"accountReference\": \"%s\", \"kind\": \"CALL_BACK\", \"dueOn\": \"2026-12-01\"}", "reason"},
                {"{\"accountReference\": \"%s\", \"kind\": \"CALL_BACK\", \"reason\": \"r\"}", "dueOn"},
                {"{\"accountReference\": \"%s\", \"kind\": \"CALL_BACK\", \"reason\": \"r\", \"dueOn\": \"1 December\"}", "dueOn"},
                {"{\"kind\": \"CALL_BACK\", \"reason\": \"r\", \"dueOn\": \"2026-12-01\"}", "accountReference"},
        };
        for (String[] r : refused) {
            mvc.perform(post("/api/v1/worklists/tasks").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                            .content(r[0].formatted(account.reference().value())))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(r[1]));
        }
        // an account that does not exist (a valid reference of this council, never opened)
        String unknown = org.reclaim.accounts.AccountReference.of(council.referencePrefix(), org.reclaim.accounts.RevenueStream.COUNCIL_TAX,
                account.id() + 1_000_000).value();
        mvc.perform(post("/api/v1/worklists/tasks").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountReference\": \"%s\", \"kind\": \"CALL_BACK\", \"reason\": \"r\", \"dueOn\": \"2026-12-01\"}".formatted(unknown)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("accountReference"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("there is no account with reference " + unknown)));
        mvc.perform(post("/api/v1/worklists/tasks/{id}/claim", 999_999_999L).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/worklists/tasks/{id}/complete", 999_999_999L).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("outcome"));
        assertThat(jdbc.sql("select count(*) from worklist_task where authority_id = ?").param(council.id()).query(Long.class).single()).isZero();
    }
}
