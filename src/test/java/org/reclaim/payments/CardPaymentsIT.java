package org.reclaim.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reclaim.GovUkPayStandIn;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Ledger;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/** Card payments against a local stand-in for GOV.UK Pay (WireMock, see {@link GovUkPayStandIn}). */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CardPaymentsIT {

    /** The authority that application-test.properties gives a GOV.UK Pay key and webhook signing secret. */
    private static final String GSS = "E06999993";
    private static final String KEY = "api_test_reclaim-stand-in-key";
    private static final String SIGNING_SECRET = "webhook_test_reclaim-stand-in-secret";
    private static final String RETURN_URL = "https://pay.example.gov.uk/council-tax/done";

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    private final WireMockServer govukPay = GovUkPayStandIn.server();
    private TestData data;

    @BeforeEach
    void council() {
        data = TestData.from(context);
        if (council == null) {
            council = authorities.findByGssCode(GSS).orElseGet(() -> data.authority().name("Card Payments Test Council").gssCode(GSS).create());
        }
    }

    @Test
    void startingAPaymentSendsGovUkPayTheDocumentedRequestAndReturnsItsNextUrl() throws Exception {
        Account account = data.account(council).open();
        String paymentId = stubCreate(account, 12345);

        start(account, """
                {"amountPence": 12345, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.nextUrl").value("https://www.payments.service.gov.uk/secure/" + paymentId))
                .andExpect(jsonPath("$.govukPaymentId").value(paymentId))
                .andExpect(jsonPath("$.status").value("CREATED"))
                .andExpect(jsonPath("$.finished").value(false))
                .andExpect(jsonPath("$.amountPence").value(12345))
                .andExpect(jsonPath("$.paymentId").doesNotExist());

        govukPay.verify(1, postRequestedFor(urlEqualTo("/v1/payments"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"amount": 12345, "reference": "%s", "description": "Council Tax for %s", "return_url": "%s", "language": "en"}"""
                        .formatted(account.reference().value(), account.reference().value(), RETURN_URL))));
        assertThat(paymentsFor(paymentId)).isZero();
    }

    @Test
    void aSuccessReportedByAStatusCheckAndThenByAWebhookPostsTheMoneyOnceOnTheDayItWasPaid() throws Exception {
        Started started = started(5000);
        Account account = started.account();
        String paymentId = started.paymentId();
        long id = started.id();
        // created at 23:30 UTC on 5 May: 00:30 on 6 May in the UK, the day it counts as paid
        stubGet(paymentId, 5000, """
                {"status": "success", "finished": true}""");

        check(id).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUCCESS"))
                .andExpect(jsonPath("$.finished").value(true))
                .andExpect(jsonPath("$.nextUrl").doesNotExist())
                .andExpect(jsonPath("$.paymentId").isNumber());
        assertThat(paymentsFor(paymentId)).isOne();
        assertThat(jdbc.sql("select received_on from payment where source = 'govuk-pay' and source_reference = ?").param(paymentId)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-5000));

        webhook(paymentId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SUCCESS"));
        check(id).andExpect(jsonPath("$.status").value("SUCCESS"));
        assertThat(paymentsFor(paymentId)).isOne();
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-5000));
        // a finished payment is not asked about again
        govukPay.verify(1, getRequestedFor(urlEqualTo("/v1/payments/" + paymentId)));
        assertThat(jdbc.sql("select received_by from payment where source = 'govuk-pay' and source_reference = ?").param(paymentId)
                .query(String.class).single()).isEqualTo("officer");
    }

    @Test
    void aWebhookAndAStatusCheckArrivingTogetherPostOnce() throws Exception {
        Started started = started(7700);
        Account account = started.account();
        String paymentId = started.paymentId();
        long id = started.id();
        stubGet(paymentId, 7700, """
                {"status": "success", "finished": true}""");

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = threads.invokeAll(List.<Callable<Integer>>of(
                    () -> {
                        together.await();
                        return webhook(paymentId).andReturn().getResponse().getStatus();
                    },
                    () -> {
                        together.await();
                        return check(id).andReturn().getResponse().getStatus();
                    }));
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(paymentsFor(paymentId)).isOne();
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-7700));
        check(id).andExpect(jsonPath("$.status").value("SUCCESS"));
    }

    @Test
    void aPaymentTheUserCancelledIsRecordedWithItsReasonAndPostsNothing() throws Exception {
        Started started = started(2500);
        Account account = started.account();
        String paymentId = started.paymentId();
        long id = started.id();
        stubGet(paymentId, 2500, """
                {"status": "started", "finished": false}""");
        check(id).andExpect(jsonPath("$.status").value("STARTED")).andExpect(jsonPath("$.finished").value(false));

        stubGet(paymentId, 2500, """
                {"status": "failed", "finished": true, "message": "Payment was cancelled by the user", "code": "P0030"}""");
        webhook(paymentId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("FAILED"));
        check(id).andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failureCode").value("P0030"))
                .andExpect(jsonPath("$.failureMessage").value("Payment was cancelled by the user"))
                .andExpect(jsonPath("$.paymentId").doesNotExist());
        assertThat(paymentsFor(paymentId)).isZero();
        assertThat(ledger.balance(account)).isEqualTo(Money.ZERO);
        assertThat(jdbc.sql("select string_agg(status || '/' || heard_via, ',' order by line) from card_payment_event where card_payment_id = ?")
                .param(id).query(String.class).single()).isEqualTo("created/create,started/status-check,failed/webhook");
    }

    @Test
    void whenGovUkPayRefusesFailsOrDoesNotAnswerTheOfficerIsToldAndNothingIsRecordedOrPosted(CapturedOutput log) throws Exception {
        Account refused = data.account(council).open();
        govukPay.stubFor(post(urlEqualTo("/v1/payments")).withRequestBody(matchingJsonPath("$.reference", equalTo(refused.reference().value())))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("""
                        {"field": "return_url", "code": "P0102", "description": "Invalid attribute value: return_url. Must be a valid URL format"}""")));
        start(refused, """
                {"amountPence": 1000, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isBadGateway())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("HTTP 422 P0102: Invalid attribute value: return_url")));

        Account badKey = data.account(council).open();
        govukPay.stubFor(post(urlEqualTo("/v1/payments")).withRequestBody(matchingJsonPath("$.reference", equalTo(badKey.reference().value())))
                .willReturn(aResponse().withStatus(401).withBody("Credentials are required to access this resource.")));
        start(badKey, """
                {"amountPence": 1000, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("did not accept the API key")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(KEY))));

        Account broken = data.account(council).open();
        govukPay.stubFor(post(urlEqualTo("/v1/payments")).withRequestBody(matchingJsonPath("$.reference", equalTo(broken.reference().value())))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("""
                        {"code": "P0198", "description": "Downstream system error"}""")));
        start(broken, """
                {"amountPence": 1000, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.title").value("Bad gateway"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("HTTP 500 P0198")));

        Account slow = data.account(council).open();
        govukPay.stubFor(post(urlEqualTo("/v1/payments")).withRequestBody(matchingJsonPath("$.reference", equalTo(slow.reference().value())))
                .willReturn(aResponse().withFixedDelay(4000).withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(paymentJson("never-seen", slow.reference().value(), 1000, "{\"status\": \"created\", \"finished\": false}"))));
        start(slow, """
                {"amountPence": 1000, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.title").value("Service unavailable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("did not answer in time")));

        for (Account a : List.of(refused, badKey, broken, slow)) {
            assertThat(jdbc.sql("select count(*) from card_payment where account_id = ? and authority_id = ?").params(a.id(), a.authorityId())
                    .query(Long.class).single()).isZero();
            assertThat(ledger.balance(a)).isEqualTo(Money.ZERO);
        }

        // a status check that GOV.UK Pay fails leaves the payment as it was, with nothing posted
        Started started = started(3000);
        Account account = started.account();
        String paymentId = started.paymentId();
        long id = started.id();
        govukPay.stubFor(get(urlEqualTo("/v1/payments/" + paymentId)).willReturn(aResponse().withStatus(503)));
        check(id).andExpect(status().isBadGateway()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("HTTP 503")));
        webhook(paymentId).andExpect(status().isBadGateway());
        assertThat(paymentsFor(paymentId)).isZero();
        assertThat(jdbc.sql("select status from card_payment where id = ?").param(id).query(String.class).single()).isEqualTo("created");
        // the failures are logged, without the key or anything about the payer
        assertThat(log.getAll()).contains("GOV.UK Pay answered HTTP 422 P0102 for " + GSS).doesNotContain(KEY).doesNotContain("Sherlock");
    }

    @Test
    void aWebhookWithoutTheRightSignatureIsRefused() throws Exception {
        String body = webhookBody("whatever");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/govuk-pay/webhooks")
                        .contentType(MediaType.APPLICATION_JSON).content(body)
                        .header("Pay-Signature", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), "not the secret")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("does not match")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/govuk-pay/webhooks")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no Pay-Signature")));
        // signed, but about a payment Reclaim did not start: acknowledged and ignored
        webhook("unknown-" + UUID.randomUUID()).andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("ignored: not a payment Reclaim started"));
    }

    @Test
    void anAuthorityWithNoKeyIsToldCardPaymentsAreNotSetUpAndGovUkPayIsNotCalled() throws Exception {
        BillingAuthority unconfigured = data.authority().name("No Card Payments Council").create();
        Account account = data.account(unconfigured).open();
        start(account, """
                {"amountPence": 1000, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
                        "Card payments are not set up for " + unconfigured.name())))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reclaim.govuk-pay.keys." + unconfigured.gssCode())));
        govukPay.verify(0, postRequestedFor(urlEqualTo("/v1/payments"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(account.reference().value()))));
    }

    @Test
    void badRequestsAndTheWrongRolesAreRefused() throws Exception {
        Account account = data.account(council).open();
        start(account, """
                {"amountPence": 0, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountPence"));
        start(account, """
                {"amountPence": 10000001, "returnUrl": "%s"}""".formatted(RETURN_URL))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountPence"));
        start(account, """
                {"amountPence": 100, "returnUrl": "pay.example.gov.uk/done"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("returnUrl"));
        start(account, """
                {"amountPence": 100, "returnUrl": "%s", "language": "fr"}""".formatted(RETURN_URL))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("language"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/accounts/{ref}/card-payments",
                        account.reference().value()).with(httpBasic("auditor", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountPence\": 100, \"returnUrl\": \"" + RETURN_URL + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/card-payments/1"))
                .andExpect(status().isUnauthorized());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/card-payments/{id}", Long.MAX_VALUE)
                        .with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isNotFound());
    }

    // ---------------------------------------------------------------- helpers

    private ResultActions start(Account account, String json) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/accounts/{ref}/card-payments",
                        account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    record Started(Account account, String paymentId, long id) {
    }

    /** A card payment of the amount, started for a new account of the council, that GOV.UK Pay has created. */
    private Started started(long pence) throws Exception {
        Account account = data.account(council).open();
        String paymentId = stubCreate(account, pence);
        return new Started(account, paymentId, startedId(account, pence));
    }

    private long startedId(Account account, long pence) throws Exception {
        String body = start(account, """
                {"amountPence": %d, "returnUrl": "%s"}""".formatted(pence, RETURN_URL))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonMapper.builder().build().readTree(body).get("id").asLong();
    }

    private ResultActions check(long id) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/card-payments/{id}", id)
                .with(httpBasic("officer", "reclaim-demo")));
    }

    private ResultActions webhook(String paymentId) throws Exception {
        String body = webhookBody(paymentId);
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/govuk-pay/webhooks")
                .contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Pay-Signature", WebhookSignature.sign(body.getBytes(StandardCharsets.UTF_8), SIGNING_SECRET)));
    }

    /** As GOV.UK Pay documents a webhook message; its resource's state is deliberately stale, as Reclaim asks GOV.UK Pay. */
    private static String webhookBody(String paymentId) {
        return """
                {"id": "%s", "api_version": 1, "created_date": "2026-05-05T23:31:00.000Z", "resource_id": "%s",
                 "resource_type": "PAYMENT", "event_type": "CARD_PAYMENT_SUCCEEDED",
                 "resource": {"payment_id": "%s", "amount": 1, "state": {"status": "submitted", "finished": false},
                              "card_details": {"cardholder_name": "Sherlock Holmes"}}}"""
                .formatted(UUID.randomUUID(), paymentId, paymentId);
    }

    /** Stubs "Create a payment" for the account's reference; returns the payment id GOV.UK Pay will give it. */
    private String stubCreate(Account account, long pence) {
        String paymentId = "pay" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        govukPay.stubFor(post(urlEqualTo("/v1/payments"))
                .withRequestBody(matchingJsonPath("$.reference", equalTo(account.reference().value())))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(paymentJson(paymentId, account.reference().value(), pence, """
                                {"status": "created", "finished": false}"""))));
        return paymentId;
    }

    private void stubGet(String paymentId, long pence, String state) {
        govukPay.stubFor(get(urlEqualTo("/v1/payments/" + paymentId))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(paymentJson(paymentId, "ignored", pence, state))));
    }

    /** A payment as GOV.UK Pay documents it, card details and all (which Reclaim must ignore). */
    private static String paymentJson(String paymentId, String reference, long pence, String state) {
        return """
                {"amount": %d, "description": "Council Tax for %s", "reference": "%s", "language": "en", "state": %s,
                 "payment_id": "%s", "payment_provider": "worldpay", "created_date": "2026-05-05T23:30:00.000Z",
                 "refund_summary": {"status": "pending", "amount_available": %d, "amount_submitted": 0}, "settlement_summary": {},
                 "card_details": {"last_digits_card_number": "1234", "cardholder_name": "Sherlock Holmes",
                                  "billing_address": {"line1": "221 Baker Street", "postcode": "NW1 6XE", "city": "London", "country": "GB"}},
                 "delayed_capture": false, "moto": false, "return_url": "%s",
                 "_links": {"self": {"href": "https://publicapi.payments.service.gov.uk/v1/payments/%s", "method": "GET"},
                            "next_url": {"href": "https://www.payments.service.gov.uk/secure/%s", "method": "GET"}}}"""
                .formatted(pence, reference, reference, state, paymentId, pence, RETURN_URL, paymentId, paymentId);
    }

    private long paymentsFor(String govukPaymentId) {
        return jdbc.sql("select count(*) from payment where source = 'govuk-pay' and source_reference = ?").param(govukPaymentId)
                .query(Long.class).single();
    }
}
