package org.reclaim.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.GovUkPayStandIn;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * GOV.UK Notify email and SMS against the WireMock stand-in: the right template, recipient and personalisation sent;
 * breathing space and opt-outs suppress; the throttle; retries; permanent refusals; callbacks; campaigns; roles.
 */
@IntegrationTest
class NotifyIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final String GSS = "E06999994";   // the one test authority with a Notify key (application-test.properties)

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Templates templates;
    @Autowired Notifications notifications;
    @Autowired OutboxSender sender;
    @Autowired ChannelPreferences preferences;
    @Autowired AccountMessages accountMessages;
    @Autowired Holds holds;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static BillingAuthority council;
    private final WireMockServer notify = GovUkPayStandIn.server();
    private TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().gssCode(GSS).name("Notify Borough Council").create();
        }
    }

    /** Notify's answer to a send: a fresh notification id each time (response templating). */
    private StubMapping accepts(String kind, UUID templateId) {
        String content = kind.equals("sms") ? "{\"body\": \"text\", \"from_number\": \"COUNCIL\"}"
                : "{\"body\": \"mail\", \"subject\": \"Your account\", \"from_email\": \"council@notifications.service.gov.uk\"}";
        return notify.stubFor(post(urlEqualTo("/v2/notifications/" + kind)).withRequestBody(containing(templateId.toString()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\": \"{{randomValue type='UUID'}}\", \"reference\": \"{{jsonPath request.body '$.reference'}}\", "
                                + "\"content\": " + content + ", \"uri\": \"http://stand-in/v2/notifications/x\", "
                                + "\"template\": {\"id\": \"" + templateId + "\", \"version\": 1, \"uri\": \"http://stand-in/t\"}}")));
    }

    private StubMapping answers(String kind, UUID templateId, int status, String body) {
        return notify.stubFor(post(urlEqualTo("/v2/notifications/" + kind)).withRequestBody(containing(templateId.toString()))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private Templates.Template template(String event, Channel channel, UUID templateId, List<String> fields) {
        return templates.set(council, event, channel, templateId.toString(), fields, "test");
    }

    private Party customer() {
        return data.person(council).forenames("Jane").surname(TestData.uniqueWord("Notify")).phone("07700 900123")
                .email(TestData.uniqueWord("jane").toLowerCase() + "@example.com").create();
    }

    private Message queue(Account account, long partyId, String event, Channel channel, String key) {
        return notifications.queue(account, partyId, event, channel, Map.of("name", "Jane", "account_reference", account.reference().value(),
                "amount", "£42.00", "due_date", "1 December 2026"), key).orElseThrow().message();
    }

    private Message reread(Message m) {
        return notifications.get(council.id(), m.id());
    }

    /** A pass far from every other test's (so their messages are no longer in its minute), with these limits. */
    private OutboxSender.Pass pass(Instant at, int perMinute) {
        return sender.sendDue(at, new NotifySettings.Limits(perMinute, 250_000, 250_000, 20_000, 3, Duration.ofMinutes(1)));
    }

    @Test
    void aTemplateAskingForTheSurveyLinkGetsALinkOfItsOwnWhenSentAndNoneWithoutAPublicAddress() {
        UUID t = UUID.randomUUID();
        template("FEEDBACK_ASKED", Channel.SMS, t, List.of("name", "feedback_link"));
        accepts("sms", t);
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        Message queued = queue(account, jane.id(), "FEEDBACK_ASKED", Channel.SMS, "survey:" + account.reference().value());
        assertThat(queued.personalisation()).containsEntry("feedback_link", SurveyLinks.MADE_WHEN_SENT);

        // this installation sets no reclaim.public-base-url: a link nobody could open is not sent; an officer is told why
        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(7)), 3000);
        assertThat(reread(queued).state()).isEqualTo(Message.State.FAILED);
        assertThat(reread(queued).reason()).contains("reclaim.public-base-url");

        // with the public address set, the message carries its own survey invitation's link, made once
        Message second = queue(account, jane.id(), "FEEDBACK_ASKED", Channel.SMS, "survey-2:" + account.reference().value());
        OutboxSender withAddress = new OutboxSender(jdbc, context.getBean(org.springframework.transaction.support.TransactionTemplate.class),
                context.getBean(NotifyGateway.class), context.getBean(NotifySettings.class), context.getBean(Suppression.class),
                context.getBean(org.reclaim.authorities.Authorities.class), context.getBean(org.reclaim.accounts.Accounts.class),
                context.getBean(org.reclaim.contacts.Contacts.class), context.getBean(org.reclaim.worklists.Worklists.class),
                context.getBean(org.reclaim.documents.LetterHandOvers.class),
                new SurveyLinks(context.getBean(org.reclaim.contactcentre.Feedback.class), "https://pay.example.gov.uk/"), clock);
        withAddress.sendDue(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(8)),
                new NotifySettings.Limits(3000, 250_000, 250_000, 20_000, 3, Duration.ofMinutes(1)));
        assertThat(reread(second).state()).isEqualTo(Message.State.SENT);
        String token = jdbc.sql("select token from feedback_invitation where authority_id = ? and idempotency_key = ?")
                .params(council.id(), "notify:" + second.id()).query(String.class).single();
        notify.verify(1, postRequestedFor(urlEqualTo("/v2/notifications/sms"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo("reclaim-" + second.id())))
                .withRequestBody(matchingJsonPath("$.personalisation.feedback_link", equalTo("https://pay.example.gov.uk/feedback/" + token))));
        org.reclaim.contactcentre.Feedback.Survey survey = context.getBean(org.reclaim.contactcentre.Feedback.class).survey(token);
        assertThat(survey.channel()).isEqualTo(org.reclaim.contactcentre.Feedback.Channel.SMS);
        assertThat(survey.answered()).isFalse();
    }

    @Test
    void sendsTheTemplateWithTheRecipientAndPersonalisationAndLogsTheContact() {
        UUID t = UUID.randomUUID();
        template("ARRANGEMENT_PAYMENT_DUE", Channel.SMS, t, List.of("name", "amount", "due_date"));
        accepts("sms", t);
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();

        Message queued = queue(account, jane.id(), "ARRANGEMENT_PAYMENT_DUE", Channel.SMS, "due:" + account.reference().value());
        Message again = queue(account, jane.id(), "ARRANGEMENT_PAYMENT_DUE", Channel.SMS, "due:" + account.reference().value());
        assertThat(again.id()).isEqualTo(queued.id());
        assertThat(queued.state()).isEqualTo(Message.State.QUEUED);
        assertThat(queued.personalisation()).containsOnlyKeys("name", "amount", "due_date");

        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(1)), 3000);

        Message sent = reread(queued);
        assertThat(sent.state()).isEqualTo(Message.State.SENT);
        assertThat(sent.notificationId()).isNotNull();
        notify.verify(1, postRequestedFor(urlEqualTo("/v2/notifications/sms"))
                .withRequestBody(matchingJsonPath("$.template_id", equalTo(t.toString())))
                .withRequestBody(matchingJsonPath("$.phone_number", equalTo("07700 900123")))
                .withRequestBody(matchingJsonPath("$.personalisation.amount", equalTo("£42.00")))
                .withRequestBody(matchingJsonPath("$.personalisation.due_date", equalTo("1 December 2026")))
                .withRequestBody(matchingJsonPath("$.reference", equalTo("reclaim-" + queued.id())))
                .withHeader("Authorization", containing("Bearer ")));
        assertThat(jdbc.sql("select count(*) from contact where authority_id = ? and account_id = ? and channel = 'SMS' and direction = 'OUTBOUND'")
                .params(council.id(), account.id()).query(Integer.class).single()).isEqualTo(1);

        // a second pass sends nothing again
        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(1)).plusSeconds(120), 3000);
        notify.verify(1, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(t.toString())));
    }

    @Test
    void breathingSpaceSuppressesWhenQueuedAndWhenSent() {
        UUID t = UUID.randomUUID();
        template("REMINDER_ISSUED", Channel.EMAIL, t, List.of("account_reference"));
        accepts("email", t);
        Party jane = customer();
        Account held = data.account(council).liable(jane).open();
        holds.place(held, HoldType.BREATHING_SPACE_STANDARD, LocalDate.now(clock), null, null, "moratorium notified by the Insolvency Service");

        Message m = queue(held, jane.id(), "REMINDER_ISSUED", Channel.EMAIL, "reminder:" + held.reference().value());
        assertThat(m.state()).isEqualTo(Message.State.SUPPRESSED);
        assertThat(m.reason()).contains("breathing space").contains("SI 2020/1311 reg 7");

        // queued before the moratorium began: held back when the sender comes to it
        Party john = customer();
        Account later = data.account(council).liable(john).open();
        Message queued = queue(later, john.id(), "REMINDER_ISSUED", Channel.EMAIL, "reminder:" + later.reference().value());
        assertThat(queued.state()).isEqualTo(Message.State.QUEUED);
        holds.place(later, HoldType.BREATHING_SPACE_MENTAL_HEALTH, LocalDate.now(clock), null, LocalDate.now(clock).plusDays(30), "crisis");
        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(2)), 3000);
        assertThat(reread(queued).state()).isEqualTo(Message.State.SUPPRESSED);
        assertThat(reread(queued).reason()).contains("BREATHING_SPACE_MENTAL_HEALTH");
        notify.verify(0, postRequestedFor(urlEqualTo("/v2/notifications/email")).withRequestBody(containing(t.toString())));
    }

    @Test
    void anOptOutSuppressesThatChannelOnly() throws Exception {
        UUID sms = UUID.randomUUID();
        template("OPT_OUT_CHECK", Channel.SMS, sms, List.of("name"));
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/customers/{id}/channel-preferences", jane.id()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"SMS\", \"optedOut\": true, \"reason\": \"asked on the phone\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.optedOut").value(true));

        Message m = queue(account, jane.id(), "OPT_OUT_CHECK", Channel.SMS, "optout:" + account.reference().value());
        assertThat(m.state()).isEqualTo(Message.State.SUPPRESSED);
        assertThat(m.reason()).contains("opted out of text messages");
        assertThat(preferences.of(jane.id())).singleElement().satisfies(p -> assertThat(p.channel()).isEqualTo(Channel.SMS));
    }

    @Test
    void theThrottleSpreadsALargeQueueOverMinutes() {
        UUID t = UUID.randomUUID();
        template("THROTTLE_CHECK", Channel.SMS, t, List.of("name"));
        accepts("sms", t);
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(10));
        pass(at.minus(Duration.ofHours(1)), 100_000);   // nothing of other tests is left due
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        List<Message> queued = java.util.stream.IntStream.range(0, 35)
                .mapToObj(i -> queue(account, jane.id(), "THROTTLE_CHECK", Channel.SMS, "throttle:" + account.reference().value() + ":" + i)).toList();

        // a limit of 30 a minute (3,000 in production: the same code with a smaller figure)
        OutboxSender.Pass first = pass(at, 30);
        assertThat(first).isEqualTo(new OutboxSender.Pass(30, 0, 0, 0, 5));
                assertThat(pass(at.plusSeconds(30), 30).sent()).isZero();
        List<Message> waiting = queued.stream().map(this::reread).filter(m -> m.state() == Message.State.QUEUED).toList();
        assertThat(waiting).hasSize(5).allSatisfy(m -> assertThat(m.nextAttemptAt().toInstant()).isAfter(at.plusSeconds(59)));

        assertThat(pass(at.plusSeconds(61), 30).sent()).isEqualTo(5);
        assertThat(queued.stream().map(this::reread)).allSatisfy(m -> assertThat(m.state()).isEqualTo(Message.State.SENT));
        notify.verify(35, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(t.toString())));
    }

    @Test
    void aDailyLimitLeavesTheRestForTomorrow() {
        UUID t = UUID.randomUUID();
        template("DAILY_CHECK", Channel.EMAIL, t, List.of("name"));
        accepts("email", t);
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(20));
        pass(at.minus(Duration.ofHours(1)), 100_000);
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        for (int i = 0; i < 3; i++) {
            queue(account, jane.id(), "DAILY_CHECK", Channel.EMAIL, "daily:" + account.reference().value() + ":" + i);
        }
        int sentToday = jdbc.sql("select count(*) from notify_message where authority_id = ? and channel = 'EMAIL' and sent_at >= ?")
                .params(council.id(), java.time.LocalDate.ofInstant(at, java.time.ZoneId.of("Europe/London"))
                        .atStartOfDay(java.time.ZoneId.of("Europe/London")).toOffsetDateTime()).query(Integer.class).single();
        OutboxSender.Pass p = sender.sendDue(at, new NotifySettings.Limits(3000, sentToday + 2, 250_000, 20_000, 3, Duration.ofMinutes(1)));
        assertThat(p.sent()).isEqualTo(2);
        assertThat(p.deferred()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedWithBackOffThenSent() {
        UUID t = UUID.randomUUID();
        template("RETRY_CHECK", Channel.SMS, t, List.of("name"));
        StubMapping down = answers("sms", t, 500, "{\"status_code\": 500, \"errors\": [{\"error\": \"Exception\", \"message\": \"Internal server error\"}]}");
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        Message m = queue(account, jane.id(), "RETRY_CHECK", Channel.SMS, "retry:" + account.reference().value());
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(30));

        pass(at, 3000);
        Message retrying = reread(m);
        assertThat(retrying.state()).isEqualTo(Message.State.QUEUED);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.reason()).contains("500");
        assertThat(retrying.nextAttemptAt().toInstant()).isEqualTo(at.plus(Duration.ofMinutes(1)));

        pass(at.plusSeconds(70), 3000);   // fails again: the wait doubles
        assertThat(reread(m).nextAttemptAt().toInstant()).isEqualTo(at.plusSeconds(70).plus(Duration.ofMinutes(2)));

        notify.removeStub(down);
        accepts("sms", t);
        pass(at.plusSeconds(70 + 121), 3000);
        assertThat(reread(m).state()).isEqualTo(Message.State.SENT);
        assertThat(reread(m).attempts()).isEqualTo(3);
    }

    @Test
    void aPermanentRefusalFailsAtOnceAndRaisesATaskOnce() {
        UUID t = UUID.randomUUID();
        template("BAD_TEMPLATE", Channel.EMAIL, t, List.of("name"));
        answers("email", t, 400, "{\"status_code\": 400, \"errors\": [{\"error\": \"BadRequestError\", \"message\": \"Missing personalisation: amount\"}]}");
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        Message m = queue(account, jane.id(), "BAD_TEMPLATE", Channel.EMAIL, "bad:" + account.reference().value());

        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(40)), 3000);
        Message failed = reread(m);
        assertThat(failed.state()).isEqualTo(Message.State.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.reason()).contains("400").contains("Missing personalisation: amount");
        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(40)).plusSeconds(600), 3000);
        assertThat(jdbc.sql("select count(*) from worklist_task where authority_id = ? and account_id = ? and kind = 'NOTIFY_MESSAGE_FAILED'")
                .params(council.id(), account.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void callbacksRecordTheStatusOnTheMessageAndTheTimeline() throws Exception {
        UUID t = UUID.randomUUID();
        template("CALLBACK_CHECK", Channel.SMS, t, List.of("name"));
        accepts("sms", t);
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        Message m = queue(account, jane.id(), "CALLBACK_CHECK", Channel.SMS, "callback:" + account.reference().value());
        pass(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(50)), 3000);
        UUID id = reread(m).notificationId();
        String body = "{\"id\": \"" + id + "\", \"reference\": \"reclaim-" + m.id() + "\", \"to\": \"07700900123\", \"status\": \"delivered\", "
                + "\"created_at\": \"2026-11-23T10:00:00.000000Z\", \"completed_at\": \"2026-11-23T10:00:05.000000Z\", "
                + "\"sent_at\": \"2026-11-23T10:00:01.000000Z\", \"notification_type\": \"sms\"}";

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/callbacks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("WWW-Authenticate", containsString("Bearer")));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/callbacks").with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/callbacks").header("Authorization", "Bearer wrong")
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        assertThat(reread(m).state()).isEqualTo(Message.State.SENT);

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/callbacks").header("Authorization", "Bearer notify-callback-test-token")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("DELIVERED"));
        assertThat(reread(m).state()).isEqualTo(Message.State.DELIVERED);
        assertThat(reread(m).notifyStatus()).isEqualTo("delivered");
        assertThat(accountMessages.of(account)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("Text");
            assertThat(e.what()).isEqualTo("CALLBACK_CHECK DELIVERED");
        });
        // and on the account page's timeline
        String page = mvc.perform(MockMvcRequestBuilders.get("/accounts/{r}", account.reference().value())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("officer").roles("OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Callback check delivered").contains("GOV.UK Notify: delivered");
    }

    @Test
    void twoSendersAtOnceSendEachMessageOnceAndAClaimLeftByADeadSenderIsTakenAgain() throws Exception {
        UUID t = UUID.randomUUID();
        template("CONCURRENCY_CHECK", Channel.SMS, t, List.of("name"));
        accepts("sms", t);
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).plus(Duration.ofDays(70));
        Party jane = customer();
        Account account = data.account(council).liable(jane).open();
        List<Message> queued = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> queue(account, jane.id(), "CONCURRENCY_CHECK", Channel.SMS, "both:" + account.reference().value() + ":" + i)).toList();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> pass(at, 3000));
            var second = pool.submit(() -> pass(at, 3000));
            first.get();
            second.get();
        } finally {
            pool.shutdown();
        }
        assertThat(queued.stream().map(this::reread)).allSatisfy(m -> assertThat(m.state()).isEqualTo(Message.State.SENT));
        notify.verify(20, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(t.toString())));

        // a sender that died after its claim: the message stays SENDING until the claim is stale, then goes
        Message stuck = queue(account, jane.id(), "CONCURRENCY_CHECK", Channel.SMS, "stuck:" + account.reference().value());
        jdbc.sql("update notify_message set state = 'SENDING', claimed_at = ?, attempts = 1 where authority_id = ? and id = ?")
                .params(at.atOffset(java.time.ZoneOffset.UTC), council.id(), stuck.id()).update();
        pass(at.plus(Duration.ofMinutes(5)), 3000);
        assertThat(reread(stuck).state()).isEqualTo(Message.State.SENDING);
        pass(at.plus(OutboxSender.STALE).plusSeconds(1), 3000);
        assertThat(reread(stuck).state()).isEqualTo(Message.State.SENT);
        assertThat(reread(stuck).attempts()).isEqualTo(2);
    }

    @Test
    void rolesAreChecked() throws Exception {
        String template = "{\"templateId\": \"" + UUID.randomUUID() + "\", \"fields\": [\"name\"]}";
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/notify/templates/{a}/ROLE_CHECK/SMS", GSS).with(httpBasic("officer", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(template)).andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/notify/templates/{a}/ROLE_CHECK/SMS", GSS).with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(template)).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        mvc.perform(MockMvcRequestBuilders.put("/api/v1/notify/templates/{a}/ROLE_CHECK/SMS", GSS).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"templateId\": \"not-a-uuid\", \"fields\": [\"shoe_size\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/notify/templates/{a}", GSS).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.eventCode == 'ROLE_CHECK')].version").value(org.hamcrest.Matchers.contains(1)));
        mvc.perform(MockMvcRequestBuilders.get("/api/v1/notify/templates/{a}/ROLE_CHECK/history", GSS).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/outbox/send").with(httpBasic("officer", PASSWORD))).andExpect(status().isForbidden());
        String campaign = "{\"authority\": \"" + GSS + "\", \"segment\": \"ARRANGEMENT_PAYMENT_DUE_TOMORROW\", \"eventCode\": \"ROLE_CHECK\"}";
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/campaigns").with(httpBasic("officer", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(campaign)).andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/campaigns/preview").with(httpBasic("auditor", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(campaign)).andExpect(status().isForbidden());
    }
}
