package org.reclaim.officer.campaigns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.time.Clock;
import java.time.LocalDate;
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
import org.reclaim.contactcentre.Complaints;
import org.reclaim.contactcentre.Feedback;
import org.reclaim.notify.Channel;
import org.reclaim.notify.OutboxSender;
import org.reclaim.notify.Templates;
import org.reclaim.officer.BrowserSession;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaigns' pages in Chromium, against the Notify stand-in: a team leader previews a campaign to the customers who
 * missed an instalment (the count, and the sample as Notify renders it), sends it once (a second send the same day is
 * the same campaign), and sees delivery and the payment that followed; an officer previews but is not offered the send
 * and is refused it; an auditor reads only.
 */
@IntegrationTest
class CampaignsPageIT {

    private static final String GSS = "E06999992";   // a Notify key of its own (application-test.properties)
    private static final UUID SMS_TEMPLATE = UUID.randomUUID();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Templates templates;
    @Autowired CouncilTaxBilling billing;
    @Autowired Ledger ledger;
    @Autowired OutboxSender sender;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private static BillingAuthority council;
    private static Account missed;
    private static Account missedToo;
    private final WireMockServer notify = GovUkPayStandIn.server();
    private FinancialYear year;

    /** Once: the council, its campaign text message, two customers who missed instalments and one who paid the year. */
    @BeforeEach
    void setUp() {
        year = FinancialYear.containing(LocalDate.now(clock));
        if (council != null) {
            return;
        }
        TestData data = TestData.from(context);
        council = data.authority().gssCode(GSS).name("Campaign Page Council").create();
        context.getBean(Authorities.class).replacePrecepts(council.id(), year, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test", null),
                new Authorities.PreceptSetting("Campaign Page Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test", null)));
        templates.set(council, "CAMPAIGN", Channel.SMS, SMS_TEMPLATE.toString(), List.of("name", "account_reference", "amount"), "test campaign");
        notify.stubFor(post(urlEqualTo("/v2/template/" + SMS_TEMPLATE + "/preview")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"id\": \"" + SMS_TEMPLATE + "\", \"type\": \"sms\", \"version\": 1, \"body\": \"Dear "
                        + "{{jsonPath request.body '$.personalisation.name'}}, {{jsonPath request.body '$.personalisation.amount'}} is overdue\"}")));
        notify.stubFor(post(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(SMS_TEMPLATE.toString()))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withTransformers("response-template")
                        .withBody("{\"id\": \"{{randomValue type='UUID'}}\", \"reference\": \"{{jsonPath request.body '$.reference'}}\", "
                                + "\"content\": {\"body\": \"text\", \"from_number\": \"COUNCIL\"}, \"uri\": \"http://stand-in/n\", "
                                + "\"template\": {\"id\": \"" + SMS_TEMPLATE + "\", \"version\": 1, \"uri\": \"http://stand-in/t\"}}")));
        missed = billed(data, "07700 900101");
        missedToo = billed(data, "07700 900102");
        Account paid = billed(data, "07700 900103");
        ledger.post(Posting.of(paid.reference(), year, EntryType.PAYMENT, Money.ofPence(-233002), LocalDate.of(year.startYear(), 3, 20), "paid"));
    }

    /** A customer with a phone, and a Band D account billed in March for the year, ten monthly instalments from April. */
    private Account billed(TestData data, String phone) {
        Account a = data.account(council).liable(data.person(council).forenames("Sam").surname(TestData.uniqueWord("Nudge")).phone(phone).create())
                .property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), year, LocalDate.of(year.startYear(), 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private int campaigns() {
        return jdbc.sql("select count(*) from notify_campaign where authority_id = ?").param(council.id()).query(Integer.class).single();
    }

    private static APIResponse postForm(BrowserSession browser, int port, String path, FormData form) {
        String token = browser.page().getAttribute("form.reclaim-header__sign-out input[name=_csrf]", "value");
        return browser.page().request().post("http://localhost:" + port + path,
                RequestOptions.create().setForm(form.set("_csrf", token)).setMaxRedirects(0));
    }

    private static FormData missedBySms() {
        return FormData.create().set("authority", GSS).set("segment", "MISSED_FIRST_INSTALMENT_NOT_REMINDED").set("channel", "SMS");
    }

    @Test
    void aTeamLeaderPreviewsSendsOnceAndSeesThePaymentThatFollowed() {
        // nothing chosen, no email template (said against the channel), one that Notify cannot render (said, 503): nothing to send
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go("/campaigns/new?authority=" + GSS);
            // nothing chosen: each field says what it needs
            browser.page().click("#preview");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("Select who to send the campaign to")
                    .contains("Select how to send the campaign");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#segment");
            browser.screenshot("campaign-new-errors");
            browser.assertAccessible();

            browser.page().check("#segment");
            browser.page().check("#channel-2");
            browser.page().click("#preview");
            assertThat(browser.page().textContent("#channel-error")).contains(council.name() + " has no email template for campaigns yet");
            templates.set(council, "CAMPAIGN", Channel.EMAIL, UUID.randomUUID().toString(), List.of("name"), "not at the stand-in");
            browser.page().click("#preview");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("GOV.UK Notify could not preview template");
            assertThat(browser.page().locator("#send").count()).isZero();
            browser.assertAccessible();
        }
        long id;
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("teamleader").go("/campaigns?authority=" + GSS);
            assertThat(browser.page().textContent("#nav-campaigns")).isEqualTo("Campaigns");
            browser.assertAccessible();
            browser.page().click("#start-campaign");

            browser.page().check("#segment");
            browser.page().check("#channel");
            browser.page().click("#preview");
            assertThat(browser.page().textContent("#preview-count")).isEqualTo("2");
            assertThat(browser.page().textContent("#sample").strip()).matches("Dear Sam Nudge\\w+, £[0-9,]+\\.[0-9]{2} is overdue");
            assertThat(browser.page().textContent("#sample-account")).isIn(missed.reference().value(), missedToo.reference().value());
            assertThat(browser.page().textContent("#send").strip()).isEqualTo("Send to 2 customers");
            browser.screenshot("campaign-preview");
            browser.assertAccessible();

            browser.page().click("#send");
            browser.page().waitForURL(url -> url.matches(".*/campaigns/\\d+\\?authority=" + GSS));
            id = Long.parseLong(browser.page().url().replaceAll(".*/campaigns/(\\d+).*", "$1"));
            assertThat(browser.page().textContent("#confirmation-message"))
                    .isEqualTo("Campaign " + id + " sent: 2 messages (Missed an instalment, not yet reminded, by text message)");
            assertThat(browser.page().textContent("#queued")).isEqualTo("2");
            assertThat(browser.page().textContent("#paid-accounts")).isEqualTo("0");

            // the outbox sends both; one customer pays today: the nudge worked for half the group
            sender.sendDue();
            notify.verify(2, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(SMS_TEMPLATE.toString())));
            ledger.post(Posting.of(missed.reference(), year, EntryType.PAYMENT, Money.ofPence(-5000), LocalDate.now(clock), "paid after the text"));
            browser.page().reload();
            assertThat(browser.page().textContent("#sent")).isEqualTo("2");
            assertThat(browser.page().textContent("#queued")).isEqualTo("0");
            assertThat(browser.page().textContent("#messages")).isEqualTo("2");
            assertThat(browser.page().textContent("#paid-accounts")).isEqualTo("1");
            assertThat(browser.page().textContent("#paid-share")).isEqualTo("50.0%");
            assertThat(browser.page().textContent("#paid-amount")).isEqualTo("£50.00");
            browser.screenshot("campaign");
            browser.assertAccessible();

            // the same campaign again today is the same campaign: nobody gets a second message
            APIResponse again = postForm(browser, port, "/campaigns", missedBySms());
            assertThat(again.status()).isEqualTo(302);
            assertThat(again.headers().get("location")).endsWith("/campaigns/" + id + "?authority=" + GSS);
            assertThat(campaigns()).isEqualTo(1);
            sender.sendDue();
            notify.verify(2, postRequestedFor(urlEqualTo("/v2/notifications/sms")).withRequestBody(containing(SMS_TEMPLATE.toString())));

            browser.go("/campaigns?authority=" + GSS);
            String row = browser.page().textContent("#campaign-" + id);
            assertThat(row).contains("Missed an instalment, not yet reminded").contains("Text message").contains("teamleader");
            assertThat(browser.page().textContent("#campaign-" + id + " .campaign-paid")).isEqualTo("1");
            assertThat(browser.page().textContent("#campaign-" + id + " .campaign-amount")).isEqualTo("£50.00");
            browser.screenshot("campaigns");
            browser.assertAccessible();
            browser.assertNoPageProblems();
        }

        // an auditor reads the campaigns and their results, and can neither preview nor send
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go("/campaigns?authority=" + GSS);
            assertThat(browser.page().textContent("#nav-campaigns")).isEqualTo("Campaigns");
            assertThat(browser.page().locator("#start-campaign, #preview-campaign").count()).isZero();
            browser.go("/campaigns/" + id + "?authority=" + GSS);
            assertThat(browser.page().textContent("#paid-amount")).isEqualTo("£50.00");
            browser.go("/campaigns/new?authority=" + GSS);
            assertThat(browser.page().locator("#preview-form").count()).isZero();
            assertThat(browser.page().isVisible("#no-preview")).isTrue();
            browser.assertAccessible();
            assertThat(postForm(browser, port, "/campaigns/new", missedBySms()).status()).isEqualTo(403);
            assertThat(postForm(browser, port, "/campaigns", missedBySms()).status()).isEqualTo(403);
        }
    }

    @Test
    void anOfficerPreviewsButIsNotOfferedTheSendAndIsRefusedIt() {
        int before = campaigns();
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("officer").go("/campaigns?authority=" + GSS);
            assertThat(browser.page().locator("#start-campaign").count()).isZero();
            assertThat(browser.page().isVisible("#team-leader-only")).isTrue();
            browser.page().click("#preview-campaign");
            browser.page().check("#segment");
            browser.page().check("#channel");
            browser.page().click("#preview");
            assertThat(browser.page().textContent("#preview-count")).isEqualTo("2");
            assertThat(browser.page().textContent("#sample")).contains("Dear Sam");
            assertThat(browser.page().locator("#send").count()).isZero();
            assertThat(browser.page().isVisible("#send-team-leader-only")).isTrue();
            browser.screenshot("campaign-preview-officer");
            browser.assertAccessible();

            // nobody with an arrangement payment due tomorrow: nothing to send, and Notify is not asked
            browser.page().check("#segment-2");
            browser.page().click("#preview");
            assertThat(browser.page().textContent("#preview-count")).isEqualTo("0");
            assertThat(browser.page().isVisible("#nobody")).isTrue();

            APIResponse refused = postForm(browser, port, "/campaigns", missedBySms());
            assertThat(refused.status()).isEqualTo(403);
            assertThat(campaigns()).isEqualTo(before);
            browser.assertNoPageProblems();
        }
    }

    @Test
    void theFeedbackResultsShowTheSurveyByMonthAndChannelAndComplaintsWithOutcomes() {
        Feedback feedback = context.getBean(Feedback.class);
        Complaints complaints = context.getBean(Complaints.class);
        LocalDate today = LocalDate.now(clock);
        for (Object[] answer : new Object[][] {{Feedback.Channel.SMS, 5}, {Feedback.Channel.SMS, 2}, {Feedback.Channel.EMAIL, 4}}) {
            String token = feedback.invite(council.id(), (Feedback.Channel) answer[0], null, null).invitation().token();
            assertThat(feedback.answer(token, (Integer) answer[1], null)).isTrue();
        }
        long customer = missed.liablePartyIds().get(0);
        LocalDate received = today.getDayOfMonth() > 4 ? today.minusDays(4) : today.withDayOfMonth(1);   // this month
        Complaints.Complaint upheld = complaints.record(customer, Complaints.Category.DELAY, "slow reply", received, null).complaint();
        complaints.recordOutcome(upheld.id(), Complaints.Outcome.UPHELD, "sorry", today);
        complaints.record(customer, Complaints.Category.BILLING, "wrong band", today, null);
        String month = today.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));

        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor").go("/campaigns?authority=" + GSS);
            browser.page().click("#feedback-results-link");
            assertThat(browser.page().textContent("#responses")).isEqualTo("3");
            assertThat(browser.page().textContent("#average")).isEqualTo("3.7");   // (5 + 2 + 4) / 3
            assertThat(browser.page().locator("#survey tbody tr").allTextContents().stream().map(t -> t.replaceAll("\\s+", " ").strip()))
                    .containsExactly(month + " Email 1 4.0", month + " Text message 2 3.5");
            assertThat(browser.page().textContent("#complaints tbody tr").replaceAll("\\s+", " ").strip())
                    .isEqualTo(month + " 2 1 1 0 0 100.0% " + java.time.temporal.ChronoUnit.DAYS.between(received, today) + ".0");
            browser.screenshot("feedback-results");
            browser.assertAccessible();
            browser.assertNoPageProblems();

            // a period that ends before it starts: said against the end date
            browser.page().fill("#to-year", String.valueOf(today.getYear() - 2));
            browser.page().click("#show-period");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("The end of the period must be the same as or after its start");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#to-day");
            browser.assertAccessible();
        }
    }
}
