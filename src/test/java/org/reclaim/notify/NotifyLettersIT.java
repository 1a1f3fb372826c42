package org.reclaim.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.GovUkPayStandIn;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.documents.Document;
import org.reclaim.documents.DocumentRequest;
import org.reclaim.documents.Documents;
import org.reclaim.parties.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Letters through GOV.UK Notify against the WireMock stand-in: a council that posts through Notify hands the day's
 * letters over up to its daily letter limit and the rest go to the bulk print file; the stand-in receives each as a
 * precompiled letter with the document's exact PDF; nothing is handed or printed twice; a letter Notify refuses, at
 * once or by a callback, goes back to the next print run with a task; a council not listed posts nothing through
 * Notify; page 1 puts the address where Notify's letter specification asks.
 */
@IntegrationTest
class NotifyLettersIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final String GSS = "E06999996";   // the test council that posts through Notify (application-test.properties)
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired LetterPosting posting;
    @Autowired OutboxSender sender;
    @Autowired Documents documents;
    @Autowired Notifications notifications;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static BillingAuthority council;
    private final WireMockServer notify = GovUkPayStandIn.server();
    private TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().gssCode(GSS).name("Notify Letters Council").create();
        }
        // Notify accepts every precompiled letter unless a test says otherwise for a reference (a more specific stub)
        notify.stubFor(post(urlEqualTo("/v2/notifications/letter")).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\": \"{{randomValue type='UUID'}}\", \"reference\": \"{{jsonPath request.body '$.reference'}}\", "
                                + "\"postage\": \"second\"}")));
    }

    /** A day of the test's own, far from other tests', so the day's letter allowance and the sender's minute are its alone. */
    private static Instant dayOfItsOwn(Clock clock, int days) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofDays(days));
    }

    private OutboxSender.Pass pass(Instant at) {
        return sender.sendDue(at, new NotifySettings.Limits(3000, 250_000, 250_000, 20_000, 3, Duration.ofMinutes(1)));
    }

    private List<Document> lettersOn(BillingAuthority authority, LocalDate date, int count) {
        List<Document> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Party party = data.person(authority).forenames("Ann").surname(TestData.uniqueWord("Post")).postal("4 Station Road", "Wigston", "LE18 2DD").create();
            Account account = data.account(authority).liable(party).open();
            made.add(documents.produce(new DocumentRequest(authority.id(), account.id(), "CT_REMINDER_1", Map.of(
                    "authorityName", authority.name(), "letterDate", "2 March 2032", "accountReference", account.reference().value(),
                    "name", "Ann " + party.id(), "addressLines", List.of("4 Station Road", "Wigston"), "postcode", "LE18 2DD",
                    "financialYear", "2031/32", "payBy", "9 March 2032", "amount", "£120.00", "yearBalance", "£1,200.00"),
                    date, "notify-letters-test:" + account.reference().value())));
        }
        return made;
    }

    private LetterPosting.Council ours(LetterPosting.Result r) {
        assertThat(r.councils()).extracting(LetterPosting.Council::authority).containsOnlyOnce(GSS);
        return r.councils().stream().filter(c -> c.authority().equals(GSS)).findFirst().orElseThrow();
    }

    /** The documents of these letters that have an outbox message, in id order. */
    private List<Long> messageDocuments(List<Document> letters) {
        List<Long> ids = letters.stream().map(Document::id).toList();
        return jdbc.sql("select document_id from notify_message where authority_id = ? and channel = 'LETTER' order by document_id")
                .param(letters.get(0).authorityId()).query(Long.class).list().stream().filter(ids::contains).toList();
    }

    private long messageOf(Document d) {
        return jdbc.sql("select id from notify_message where authority_id = ? and document_id = ?").params(d.authorityId(), d.id())
                .query(Long.class).single();
    }

    /** The print run of the date: the ids of the council's letters in its batches, each batch's manifest read. */
    private List<Long> printed(BillingAuthority authority, LocalDate date) throws Exception {
        JsonNode batches = JSON.readTree(mvc.perform(MockMvcRequestBuilders.post("/api/v1/documents/print-runs").param("date", date.toString())
                .with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<Long> ids = new ArrayList<>();
        for (JsonNode b : batches) {
            if (!b.path("authority").asString().equals(authority.gssCode())) {
                continue;
            }
            String manifest = mvc.perform(MockMvcRequestBuilders.get(b.path("manifest").asString()).with(httpBasic("teamleader", PASSWORD)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            String[] lines = manifest.split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                ids.add(Long.parseLong(lines[i].split(",")[1]));
            }
            assertThat(lines).hasSize(b.path("documents").asInt() + 1);
        }
        return ids;
    }

    @Test
    void theDaysLettersUpToTheLimitGoToNotifyAndTheRestToBulkPrintEachOnce() throws Exception {
        LocalDate day = LocalDate.of(2032, 3, 2);
        List<Document> letters = lettersOn(council, day, 5);
        Instant now = dayOfItsOwn(clock, 40);

        LetterPosting.Council first = ours(posting.post(day, now, 3));
        assertThat(first).isEqualTo(new LetterPosting.Council(GSS, 3, 2, 0));
        assertThat(messageDocuments(letters)).as("the first three in id order, one message each")
                .containsExactly(letters.get(0).id(), letters.get(1).id(), letters.get(2).id());
        assertThat(notifications.get(council.id(), messageOf(letters.get(0))))
                .satisfies(m -> assertThat(m.channel()).isEqualTo(Channel.LETTER))
                .satisfies(m -> assertThat(m.state()).isEqualTo(Message.State.QUEUED))
                .satisfies(m -> assertThat(m.eventCode()).isEqualTo("CT_REMINDER_1"));

        // a repeat the same day hands nothing more: the day's letters are spent
        assertThat(ours(posting.post(day, now.plusSeconds(5), 3))).isEqualTo(new LetterPosting.Council(GSS, 0, 2, 0));

        // the print run takes only the two Notify was not given; a second one prints nothing of this council's
        assertThat(printed(council, day)).containsExactly(letters.get(3).id(), letters.get(4).id());
        assertThat(printed(council, day)).isEmpty();
        // the next day's allowance finds nothing left of that date to hand over: printed letters stay printed
        assertThat(ours(posting.post(day, now.plus(Duration.ofDays(1)), 3))).isEqualTo(new LetterPosting.Council(GSS, 0, 0, 3));
        assertThat(messageDocuments(letters)).hasSize(3);

        // the sender posts each as a precompiled letter: its reference, and the document's exact PDF, second class
        OutboxSender.Pass sent = pass(now.plusSeconds(60));
        assertThat(sent.sent()).isGreaterThanOrEqualTo(3);
        for (Document d : letters.subList(0, 3)) {
            long id = messageOf(d);
            List<LoggedRequest> calls = notify.findAll(postRequestedFor(urlEqualTo("/v2/notifications/letter"))
                    .withRequestBody(matchingJsonPath("$.reference", equalTo("reclaim-" + id))));
            assertThat(calls).hasSize(1);
            JsonNode body = JSON.readTree(calls.get(0).getBodyAsString());
            assertThat(Base64.getDecoder().decode(body.path("content").asString())).isEqualTo(documents.pdf(d));
            assertThat(body.path("postage").asString()).isEqualTo("second");
            Message m = notifications.get(council.id(), id);
            assertThat(m.state()).isEqualTo(Message.State.SENT);
            assertThat(m.notificationId()).isNotNull();
            assertThat(jdbc.sql("""
                    select count(*) from contact where authority_id = ? and account_id = ? and channel = 'LETTER' and direction = 'OUTBOUND'""")
                    .params(council.id(), d.accountId()).query(Integer.class).single()).isEqualTo(1);
        }
        // a second pass posts nothing again
        pass(now.plusSeconds(180));
        for (Document d : letters.subList(0, 3)) {
            assertThat(notify.findAll(postRequestedFor(urlEqualTo("/v2/notifications/letter"))
                    .withRequestBody(matchingJsonPath("$.reference", equalTo("reclaim-" + messageOf(d)))))).hasSize(1);
        }
    }

    @Test
    void aLetterNotifyRefusesAtOnceOrByItsCallbackGoesBackToTheNextPrintRunWithATask() throws Exception {
        LocalDate day = LocalDate.of(2032, 3, 3);
        List<Document> letters = lettersOn(council, day, 4);
        Instant now = dayOfItsOwn(clock, 50);
        assertThat(ours(posting.post(day, now, 10))).isEqualTo(new LetterPosting.Council(GSS, 4, 0, 6));
        assertThat(printed(council, day)).isEmpty();

        long refused = messageOf(letters.get(0));
        notify.stubFor(post(urlEqualTo("/v2/notifications/letter")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.reference", equalTo("reclaim-" + refused)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"status_code\": 400, \"errors\": [{\"error\": \"ValidationError\", \"message\": \"content-outside-printable-area\"}]}")));
        pass(now.plusSeconds(60));

        Message failed = notifications.get(council.id(), refused);
        assertThat(failed.state()).isEqualTo(Message.State.FAILED);
        assertThat(failed.reason()).contains("400", "content-outside-printable-area");
        assertThat(taskOf(letters.get(0))).contains("Letter CT_REMINDER_1 was not posted by GOV.UK Notify", "goes back to bulk print");
        assertThat(printed(council, day)).as("the next print run of the date prints it").containsExactly(letters.get(0).id());

        // Notify's letter callbacks: received is the letter with Notify's printer; validation-failed sends it back to print
        Message second = notifications.get(council.id(), messageOf(letters.get(1)));
        Message third = notifications.get(council.id(), messageOf(letters.get(2)));
        assertThat(List.of(second.state(), third.state())).containsOnly(Message.State.SENT);
        callback(third, "received").andExpect(jsonPath("$.state").value("DELIVERED"));
        callback(second, "validation-failed").andExpect(jsonPath("$.state").value("FAILED"));
        callback(second, "validation-failed").andExpect(jsonPath("$.state").value("FAILED"));
        assertThat(taskOf(letters.get(1))).contains("GOV.UK Notify reported validation-failed", "goes back to bulk print");
        assertThat(jdbc.sql("select count(*) from worklist_task where raise_key = ?").param("notify-failed:" + second.id()).query(Integer.class).single())
                .isEqualTo(1);
        // given back after its day's print run: the next day's print run prints it, once
        assertThat(printed(council, day.plusDays(1))).containsExactly(letters.get(1).id());
        assertThat(printed(council, day.plusDays(1))).isEmpty();
        assertThat(printed(council, day)).isEmpty();
        assertThat(notifications.get(council.id(), third.id()).state()).isEqualTo(Message.State.DELIVERED);

        // one cancelled in Notify was stopped on purpose: an officer is told, and it is not printed behind their back
        Message fourth = notifications.get(council.id(), messageOf(letters.get(3)));
        callback(fourth, "cancelled").andExpect(jsonPath("$.state").value("FAILED"));
        assertThat(taskOf(letters.get(3))).contains("GOV.UK Notify reported cancelled", "is not put back to bulk print");
        assertThat(printed(council, day)).isEmpty();
    }

    @Test
    void twoRunsAtOnceHandOverEachLetterOnceAndSpendTheDaysLimitOnce() throws Exception {
        LocalDate day = LocalDate.of(2032, 3, 8);
        List<Document> letters = lettersOn(council, day, 5);
        Instant now = dayOfItsOwn(clock, 70);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<LetterPosting.Council>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(two.submit(() -> {
                    start.await();
                    return ours(posting.post(day, now, 3));
                }));
            }
            start.countDown();
            int handed = 0;
            for (var run : runs) {
                handed += run.get().handedToNotify();
            }
            assertThat(handed).isEqualTo(3);
        } finally {
            two.shutdown();
        }
        assertThat(messageDocuments(letters)).containsExactly(letters.get(0).id(), letters.get(1).id(), letters.get(2).id());
        assertThat(printed(council, day)).containsExactly(letters.get(3).id(), letters.get(4).id());
        pass(now.plusSeconds(60));
        assertThat(letters.subList(0, 3)).allSatisfy(d -> assertThat(notifications.get(council.id(), messageOf(d)).state()).isEqualTo(Message.State.SENT));
    }

    @Test
    void aLetterLongerThanNotifyTakesStaysForPrint() throws Exception {
        LocalDate day = LocalDate.of(2032, 3, 9);
        Account employerAccount = data.account(council).liable(data.organisation(council).organisationName("Acme Ltd")
                .postal("1 Mill Lane", "Wigston", "LE18 1AA").create()).open();
        List<Map<String, Object>> orders = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            orders.add(Map.of("name", "Employee " + i, "reference", "35100000" + (1000 + i), "amount", "£100.00", "received", "£10.00"));
        }
        Document schedule = documents.produce(new DocumentRequest(council.id(), employerAccount.id(), "AEO_EMPLOYER_SCHEDULE", Map.of(
                "authorityName", council.name(), "letterDate", "9 March 2032", "accountReference", employerAccount.reference().value(),
                "name", "Acme Ltd", "addressLines", List.of("1 Mill Lane", "Wigston"), "postcode", "LE18 1AA", "stream", "Council Tax",
                "employerName", "Acme Ltd", "asOf", "9 March 2032", "orders", orders), day, "notify-letters-test:schedule:" + employerAccount.id()));
        assertThat(schedule.pageCount()).isGreaterThan(LetterPosting.MAX_PAGES);
        Document reminder = lettersOn(council, day, 1).get(0);

        assertThat(ours(posting.post(day, dayOfItsOwn(clock, 80), 10))).isEqualTo(new LetterPosting.Council(GSS, 1, 1, 9));
        assertThat(messageDocuments(List.of(schedule, reminder))).containsExactly(reminder.id());
        assertThat(printed(council, day)).containsExactly(schedule.id());
        pass(dayOfItsOwn(clock, 80).plusSeconds(60));
    }

    @Test
    void aCouncilNotListedPostsNothingThroughNotifyAndPrintsEveryLetter() throws Exception {
        BillingAuthority printOnly = data.authority().name("Print Only Council").create();
        LocalDate day = LocalDate.of(2032, 3, 4);
        List<Document> letters = lettersOn(printOnly, day, 2);

        LetterPosting.Result r = posting.post(day, dayOfItsOwn(clock, 60), 10);
        assertThat(r.councils()).extracting(LetterPosting.Council::authority).doesNotContain(printOnly.gssCode());
        assertThat(messageDocuments(letters)).isEmpty();
        assertThat(printed(printOnly, day)).containsExactly(letters.get(0).id(), letters.get(1).id());
    }

    @Test
    void theStepIsATeamLeadersAndAnswersForEachCouncilThatPostsThroughNotify() throws Exception {
        LocalDate day = LocalDate.of(2032, 3, 5);
        Document letter = lettersOn(council, day, 1).get(0);
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/letters").param("date", day.toString()).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isForbidden());
        int handedToday = jdbc.sql("""
                select count(*) from notify_message where authority_id = ? and channel = 'LETTER'
                and queued_at >= (date_trunc('day', now() at time zone 'Europe/London') at time zone 'Europe/London')""")
                .param(council.id()).query(Integer.class).single();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/letters").param("date", day.toString()).with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.date").value(day.toString()))
                .andExpect(jsonPath("$.councils[?(@.authority == '" + GSS + "')].handedToNotify").value(1))
                .andExpect(jsonPath("$.councils[?(@.authority == '" + GSS + "')].leftForPrint").value(0))
                .andExpect(jsonPath("$.councils[?(@.authority == '" + GSS + "')].lettersLeftToday").value(20_000 - handedToday - 1));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/letters").param("date", "2 March").with(httpBasic("teamleader", PASSWORD)))
                .andExpect(status().isBadRequest());
        // sent now, so no other test's sender finds it waiting
        pass(clock.instant().plusSeconds(1));
        assertThat(notifications.get(council.id(), messageOf(letter)).state()).isEqualTo(Message.State.SENT);
    }

    @Test
    void page1PutsTheAddressInNotifysAddressBlockAndNothingElseOutsideItsPrintableAreas() throws Exception {
        BillingAuthority layout = data.authority().name("Layout Council").create();
        Document letter = lettersOn(layout, LocalDate.of(2032, 3, 6), 1).get(0);
        List<Glyph> page1 = glyphs(documents.pdf(letter), 1);
        // GOV.UK Notify "Letter specification", page 1: address block 24.6mm from the left, 39.5mm from the top, 95.4mm x 26.8mm
        Area address = new Area(24.6, 39.5, 120.0, 66.3);
        Area logo = new Area(15, 5, 125, 30);
        Area contact = new Area(125, 30, 190, 95);
        Area body = new Area(15, 95, 195, 292);
        String inAddress = text(page1.stream().filter(address::holds).toList());
        assertThat(inAddress).isEqualTo("Ann" + partyOf(letter) + "4StationRoadWigstonLE182DD");
        assertThat(page1).allSatisfy(g -> assertThat(address.holds(g) || logo.holds(g) || contact.holds(g) || body.holds(g))
                .as("'%s' at %.1fmm, %.1fmm is outside Notify's printable areas", g.text(), g.left(), g.top()).isTrue());
        assertThat(text(page1.stream().filter(logo::holds).toList())).isEqualTo(layout.name().replace(" ", ""));
        assertThat(text(page1.stream().filter(contact::holds).toList())).contains("Date:2March2032", letter.accountReference());
    }

    private String partyOf(Document letter) {
        return String.valueOf(jdbc.sql("select min(party_id) from account_party where authority_id = ? and account_id = ?")
                .params(letter.authorityId(), letter.accountId()).query(Long.class).single());
    }

    private org.springframework.test.web.servlet.ResultActions callback(Message m, String status) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/callbacks").header("Authorization", "Bearer notify-callback-test-token")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("id", m.notificationId().toString(), "reference", "reclaim-" + m.id(),
                                "status", status, "notification_type", "letter"))))
                .andExpect(status().isOk());
    }

    private String taskOf(Document letter) {
        return jdbc.sql("select reason from worklist_task where kind = 'NOTIFY_MESSAGE_FAILED' and raise_key = ?")
                .param("notify-failed:" + messageOf(letter)).query(String.class).single();
    }

    /** A character on a page, in millimetres from the page's top left corner. */
    record Glyph(String text, double left, double top, double right, double bottom) {
    }

    record Area(double left, double top, double right, double bottom) {
        boolean holds(Glyph g) {
            return g.left() >= left && g.right() <= right && g.top() >= top && g.bottom() <= bottom;
        }
    }

    private static String text(List<Glyph> glyphs) {
        StringBuilder s = new StringBuilder();
        glyphs.forEach(g -> s.append(g.text()));
        return s.toString().replace(" ", "");
    }

    private static List<Glyph> glyphs(byte[] pdf, int page) throws IOException {
        double mm = 25.4 / 72;
        List<Glyph> found = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    if (!t.getUnicode().isBlank()) {
                        found.add(new Glyph(t.getUnicode(), t.getXDirAdj() * mm, (t.getYDirAdj() - t.getHeightDir()) * mm,
                                (t.getXDirAdj() + t.getWidthDirAdj()) * mm, t.getYDirAdj() * mm));
                    }
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            stripper.getText(doc);
        }
        return found;
    }
}
