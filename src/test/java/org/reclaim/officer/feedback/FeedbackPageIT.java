package org.reclaim.officer.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.contactcentre.Feedback;
import org.reclaim.officer.BrowserSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public satisfaction survey in Chromium: no sign-in, the error summary, answered once; each page checked by axe. */
@IntegrationTest
class FeedbackPageIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired Feedback feedback;
    @Autowired JdbcClient jdbc;

    private static BillingAuthority council;

    private String token(Feedback.Channel channel) {
        if (council == null) {
            council = TestData.from(context).authority().name("Feedback Page Council").create();
        }
        return feedback.invite(council.id(), channel, null, null).invitation().token();
    }

    @Test
    void aCustomerAnswersTheSurveyFromTheLinkInATextMessageOnce() {
        String token = token(Feedback.Channel.SMS);
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.go("/feedback/" + token);
            assertThat(browser.page().url()).as("no sign-in").endsWith("/feedback/" + token);
            assertThat(browser.page().textContent("h1")).isEqualTo("Tell us what you think of our service");
            assertThat(browser.page().textContent("#sent-by")).isEqualTo("We sent you this survey by text message.");
            assertThat(browser.page().textContent(".govuk-caption-l")).isEqualTo(council.name());
            assertThat(browser.page().locator("#signed-in-as").count()).as("nobody is signed in").isZero();
            assertThat(browser.page().locator("#navigation").count()).isZero();
            assertThat(browser.page().locator("a[href='/']").count()).as("nothing leads a resident to the staff sign-in").isZero();
            browser.screenshot("feedback-survey");
            browser.assertAccessible();

            // sent without a rating: the error summary links to the first radio
            browser.page().fill("#doBetter", "Letters in plainer English");
            browser.page().click("#send-feedback");
            assertThat(browser.page().title()).startsWith("Error: ");
            assertThat(browser.page().textContent(".govuk-error-summary")).contains("Select how satisfied you are with our service");
            assertThat(browser.page().getAttribute(".govuk-error-summary a", "href")).isEqualTo("#satisfaction");
            assertThat(browser.page().isVisible("#satisfaction-error")).isTrue();
            assertThat(browser.page().inputValue("#doBetter")).as("what was typed is kept").isEqualTo("Letters in plainer English");
            browser.assertAccessible();

            browser.page().check("#satisfaction-2");   // the second option: 4, satisfied
            browser.page().click("#send-feedback");
            assertThat(browser.page().textContent("#thanks h1")).isEqualTo("Thank you for your feedback");
            browser.screenshot("feedback-thanks");
            browser.assertAccessible();
            browser.assertNoPageProblems();

            browser.go("/feedback/" + token);
            assertThat(browser.page().textContent("h1")).isEqualTo("You have already given your feedback");
            assertThat(browser.page().locator("form[action$='/feedback/" + token + "']").count()).isZero();
            browser.assertAccessible();
        }
        assertThat(jdbc.sql("""
                select r.satisfaction || ' ' || r.do_better from feedback_response r
                join feedback_invitation i on i.authority_id = r.authority_id and i.id = r.invitation_id where i.token = ?""")
                .param(token).query(String.class).list()).containsExactly("4 Letters in plainer English");
    }

    @Test
    void aLinkThatWasNeverSentIsNotFound() {
        try (BrowserSession browser = BrowserSession.open(port)) {
            com.microsoft.playwright.Response response = browser.page().navigate("http://localhost:" + port + "/feedback/not-a-token-at-all-xx");
            assertThat(response.status()).isEqualTo(404);
            assertThat(browser.page().locator("#signed-in-as").count()).isZero();
            browser.assertAccessible();
        }
    }
}
