package org.reclaim.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.GovUkPayStandIn;
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
import org.reclaim.parties.Party;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Bulk texting campaigns (the segment of accounts that missed an instalment and have had no reminder: its preview, the
 * send once, the results with a payment that followed), retries running out, and returned letters.
 */
@IntegrationTest
class NotifyCampaignsIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final String GSS = "E06999995";   // a Notify key of its own (application-test.properties)

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Templates templates;
    @Autowired Notifications notifications;
    @Autowired OutboxSender sender;
    @Autowired CouncilTaxBilling billing;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static BillingAuthority council;
    private final WireMockServer notify = GovUkPayStandIn.server();
    private TestData data;
    private FinancialYear year;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        year = FinancialYear.containing(LocalDate.now(clock));
        if (council == null) {
            council = data.authority().gssCode(GSS).name("Campaign Borough Council").create();
            context.getBean(Authorities.class).replacePrecepts(council.id(), year, List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test", null),
                    new Authorities.PreceptSetting("Campaign Borough Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test", null)));
        }
    }

    /** A customer with a phone, and a Band D account billed in March for the year, ten monthly instalments from April. */
    private Account billed(String phone) {
        Party p = data.person(council).forenames("Sam").surname(TestData.uniqueWord("Campaign")).phone(phone).create();
        Account a = data.account(council).liable(p).property(data.dwelling(council).band(CouncilTaxBand.D).create())
                .from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), year, LocalDate.of(year.startYear(), 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    /** An account with no bill, so never in a campaign's segment (the campaign test counts its segment). */
    private Account unbilled(String phone) {
        Party p = data.person(council).forenames("Sam").surname(TestData.uniqueWord("Other")).phone(phone).create();
        return data.account(council).liable(p).open();
    }

    private void accepts(UUID templateId) {
        notify.stubFor(post(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(templateId.toString()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\": \"{{randomValue type='UUID'}}\", \"reference\": \"{{jsonPath request.body '$.reference'}}\", "
                                + "\"content\": {\"body\": \"text\", \"from_number\": \"COUNCIL\"}, \"uri\": \"http://stand-in/n\", "
                                + "\"template\": {\"id\": \"" + templateId + "\", \"version\": 1, \"uri\": \"http://stand-in/t\"}}")));
    }

    @Test
    void aCampaignIsPreviewedSentOnceAndShowsThePaymentsThatFollowed() throws Exception {
        UUID t = UUID.randomUUID();
        templates.set(council, "CAMPAIGN", Channel.SMS, t.toString(), List.of("name", "account_reference", "amount"), "winter campaign");
        accepts(t);
        notify.stubFor(post(urlEqualTo("/v2/template/" + t + "/preview")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"id\": \"" + t + "\", \"type\": \"sms\", \"version\": 1, "
                        + "\"body\": \"Dear {{jsonPath request.body '$.personalisation.name'}}, {{jsonPath request.body '$.personalisation.amount'}} is overdue\"}")));
        Account missed = billed("07700 900001");
        Account missedToo = billed("07700 900002");
        Account paid = billed("07700 900003");
        ledger.post(Posting.of(paid.reference(), year, EntryType.PAYMENT, Money.ofPence(-233002), LocalDate.of(year.startYear(), 3, 20), "paid"));
        String request = "{\"authority\": \"" + GSS + "\", \"segment\": \"MISSED_FIRST_INSTALMENT_NOT_REMINDED\", \"eventCode\": \"CAMPAIGN\", \"channel\": \"SMS\"}";

        String preview = mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/campaigns/preview").with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andExpect(jsonPath("$.count").value(2)).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(preview, "$.sample")).startsWith("Dear Sam ").endsWith(" is overdue");
        assertThat((String) JsonPath.read(preview, "$.sampleAccount")).isIn(missed.reference().value(), missedToo.reference().value());
        notify.verify(postRequestedFor(urlEqualTo("/v2/template/" + t + "/preview"))
                .withRequestBody(matchingJsonPath("$.personalisation.account_reference")));

        String sent = mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/campaigns").with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.queued").value(2)).andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(sent, "$.id")).longValue();
        // the same campaign again queues nothing more
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/campaigns").with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.queued").value(2));

        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/outbox/send").with(httpBasic("teamleader", PASSWORD))).andExpect(status().isOk());
        notify.verify(2, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(t.toString())));
        notify.verify(1, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(t.toString()))
                .withRequestBody(matchingJsonPath("$.phone_number", equalTo("07700 900001")))
                .withRequestBody(matchingJsonPath("$.personalisation.account_reference", equalTo(missed.reference().value()))));
        ledger.post(Posting.of(missed.reference(), year, EntryType.PAYMENT, Money.ofPence(-5000), LocalDate.now(clock), "paid after the text"));

        mvc.perform(MockMvcRequestBuilders.get("/api/v1/notify/campaigns/{id}", id).param("authority", GSS).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.queued").value(0)).andExpect(jsonPath("$.sent").value(2))
                .andExpect(jsonPath("$.failed").value(0)).andExpect(jsonPath("$.suppressed").value(0))
                .andExpect(jsonPath("$.accountsPaidWithin7Days").value(1)).andExpect(jsonPath("$.paidPence").value(5000));
    }

    @Test
    void theArrangementPaymentDueTomorrowSegmentFindsTheArrangement() throws Exception {
        UUID t = UUID.randomUUID();
        templates.set(council, "PAYMENT_DUE", Channel.SMS, t.toString(), List.of("name", "amount", "due_date"), null);
        notify.stubFor(post(urlEqualTo("/v2/template/" + t + "/preview")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"id\": \"" + t + "\", \"type\": \"sms\", \"version\": 1, \"body\": \"{{jsonPath request.body '$.personalisation.amount'}} "
                        + "is due on {{jsonPath request.body '$.personalisation.due_date'}}\"}")));
        // owed without a bill, so it is in this segment and not in the missed-instalment one
        Account a = unbilled("07700 900007");
        ledger.post(Posting.of(a.reference(), year, EntryType.CHARGE, Money.ofPence(50_000), LocalDate.now(clock).minusDays(30), "arrears"));
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/arrangements").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"partyId": %d, "accounts": ["%s"], "instalmentPence": 10000, "frequency": "MONTHLY", "firstPaymentOn": "%s",
                                 "method": "BANK_TRANSFER", "madeAtFirstContact": true, "madeOn": "%s"}"""
                                .formatted(a.liablePartyIds().get(0), a.reference().value(), tomorrow, LocalDate.now(clock))))
                .andExpect(status().isCreated());

        String request = "{\"authority\": \"" + GSS + "\", \"segment\": \"ARRANGEMENT_PAYMENT_DUE_TOMORROW\", \"eventCode\": \"PAYMENT_DUE\"}";
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/campaigns/preview").with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.sampleAccount").value(a.reference().value()))
                .andExpect(jsonPath("$.sample").value("£100.00 is due on " + tomorrow.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                        java.util.Locale.UK))));
    }

    @Test
    void aMessageThatKeepsFailingFailsAfterItsLastAttemptWithOneTask() {
        UUID t = UUID.randomUUID();
        templates.set(council, "KEEPS_FAILING", Channel.SMS, t.toString(), List.of("name"), null);
        notify.stubFor(post(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(t.toString()))
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"status_code\": 429, \"errors\": [{\"error\": \"RateLimitError\", \"message\": \"Exceeded rate limit\"}]}")));
        Account a = unbilled("07700 900004");
        Message m = notifications.queue(a, a.liablePartyIds().get(0), "KEEPS_FAILING", Channel.SMS, java.util.Map.of("name", "Sam"),
                "fail:" + a.reference().value()).orElseThrow().message();
        java.time.Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofDays(60));
        NotifySettings.Limits twoAttempts = new NotifySettings.Limits(3000, 250_000, 250_000, 20_000, 2, Duration.ofSeconds(10));
        sender.sendDue(at, twoAttempts);
        assertThat(notifications.get(council.id(), m.id()).state()).isEqualTo(Message.State.QUEUED);
        sender.sendDue(at.plusSeconds(11), twoAttempts);
        Message failed = notifications.get(council.id(), m.id());
        assertThat(failed.state()).isEqualTo(Message.State.FAILED);
        assertThat(failed.reason()).contains("after 2 attempts").contains("429");
        assertThat(jdbc.sql("select count(*) from worklist_task where authority_id = ? and account_id = ? and kind = 'NOTIFY_MESSAGE_FAILED'")
                .params(council.id(), a.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void returnedLettersAreRecordedOnceAndPutTheAddressToAnOfficer() throws Exception {
        Account a = unbilled("07700 900005");
        Account b = unbilled("07700 900006");
        Message m = notifications.queue(b, b.liablePartyIds().get(0), "NOT_SENT_HERE", Channel.SMS, java.util.Map.of(), "x:" + b.reference().value())
                .map(Notifications.Queued::message).orElse(null);
        assertThat(m).isNull();   // the council sends no such event: nothing is queued
        String json = "{\"authority\": \"" + GSS + "\", \"letters\": [{\"accountReference\": \"" + a.reference().value()
                + "\", \"returnedOn\": \"" + LocalDate.now(clock).minusDays(1) + "\"}]}";
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/returned-letters").with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].repeated").value(false));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/returned-letters").with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].repeated").value(true));
        assertThat(jdbc.sql("select count(*) from worklist_task where authority_id = ? and account_id = ? and kind = 'ADDRESS_REVIEW'")
                .params(council.id(), a.id()).query(Integer.class).single()).isEqualTo(1);

        String csv = "account_reference,notification_reference,returned_on\n" + b.reference().value() + ",," + LocalDate.now(clock) + "\n";
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/returned-letters").param("authority", GSS).with(httpBasic("officer", PASSWORD))
                        .contentType("text/csv").content(csv))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].accountReference").value(b.reference().value()));

        // a line naming no account refuses the whole report, naming the line
        String bad = "{\"authority\": \"" + GSS + "\", \"letters\": [{\"accountReference\": \"" + a.reference().value()
                + "\", \"returnedOn\": \"" + LocalDate.now(clock) + "\"}, {\"accountReference\": \"000000000000\", \"returnedOn\": \"" + LocalDate.now(clock) + "\"}]}";
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/returned-letters").with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(bad))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("letters[1].accountReference"));
        assertThat(jdbc.sql("select count(*) from notify_returned_letter where authority_id = ? and account_id = ?")
                .params(council.id(), a.id()).query(Integer.class).single()).isEqualTo(1);
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/returned-letters").with(httpBasic("auditor", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isForbidden());
    }
}
