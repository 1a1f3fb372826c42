package org.reclaim.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The satisfaction survey (invitations, one answer per link, the report) and complaints with their outcome, with the roles for each. */
@IntegrationTest
class FeedbackIT {

    private static final String PASSWORD = "reclaim-demo";
    private static BillingAuthority council;
    /** Its own authority, so that the reports count only what the report test made. */
    private static BillingAuthority reported;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Feedback feedback;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    TestData data;

    @BeforeEach
    void councils() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Feedback Council").create();
            reported = data.authority().name("Feedback Report Council").create();
        }
    }

    private String invite(BillingAuthority authority, String channel) throws Exception {
        String body = mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"authority\": \"" + authority.gssCode() + "\", \"channel\": \"" + channel + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String link = JsonPath.read(body, "$.link");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void anInvitationGivesTheLinkToSendAndIsMadeOnceForAKey() throws Exception {
        Account account = data.account(council).open();
        String request = "{\"channel\": \"SMS\", \"accountReference\": \"" + account.reference().value() + "\"}";
        String body = mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("teamleader", PASSWORD)).header("Idempotency-Key", "sms-1")
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.authority").value(council.gssCode())).andExpect(jsonPath("$.channel").value("SMS"))
                .andExpect(jsonPath("$.accountReference").value(account.reference().value()))
                .andExpect(jsonPath("$.link").value(org.hamcrest.Matchers.matchesPattern("http://localhost(:\\d+)?/feedback/[A-Za-z0-9_-]{22}")))
                .andExpect(jsonPath("$.createdBy").value("teamleader"))
                .andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("teamleader", PASSWORD)).header("Idempotency-Key", "sms-1")
                        .contentType(MediaType.APPLICATION_JSON).content(request))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id)).andExpect(jsonPath("$.link").value((String) JsonPath.read(body, "$.link")));
        mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("teamleader", PASSWORD)).header("Idempotency-Key", "sms-1")
                .contentType(MediaType.APPLICATION_JSON).content(request.replace("SMS", "EMAIL"))).andExpect(status().isConflict());

        mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"LETTER\", \"authority\": \"" + council.gssCode() + "\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"WEB\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("authority"));
        mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("auditor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"WEB\", \"authority\": \"" + council.gssCode() + "\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/feedback/invitations").with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\": \"WEB\", \"authority\": \"" + council.gssCode() + "\"}")).andExpect(status().isForbidden());
    }

    @Test
    void theSurveyIsAnsweredOnceWithoutSigningIn() throws Exception {
        String token = invite(council, "EMAIL");
        mvc.perform(get("/feedback/{t}", token)).andExpect(status().isOk());
        mvc.perform(post("/feedback/{t}", token).with(csrf()).param("satisfaction", "").param("doBetter", "x"))
                .andExpect(status().isOk());   // the form again, with the error
        mvc.perform(post("/feedback/{t}", token).with(csrf()).param("satisfaction", "4").param("doBetter", "Answer the phone sooner"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/feedback/" + token));
        mvc.perform(post("/feedback/{t}", token).with(csrf()).param("satisfaction", "1").param("doBetter", "changed my mind"))
                .andExpect(status().isFound());
        assertThat(jdbc.sql("""
                select r.satisfaction || ' ' || r.do_better from feedback_response r
                join feedback_invitation i on i.authority_id = r.authority_id and i.id = r.invitation_id where i.token = ?""")
                .param(token).query(String.class).list()).containsExactly("4 Answer the phone sooner");
        assertThat(feedback.answer(token, 5, null)).as("answered already: nothing recorded").isFalse();
        assertThat(feedback.survey(token).answered()).isTrue();

        mvc.perform(get("/feedback/{t}", "AAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
        mvc.perform(post("/feedback/{t}", token).param("satisfaction", "3")).andExpect(status().isForbidden());   // no CSRF token
    }

    @Test
    void theReportsCountResponsesByMonthAndChannelAndComplaintsByMonth() throws Exception {
        for (String[] answer : new String[][] {{"EMAIL", "5"}, {"EMAIL", "4"}, {"SMS", "2"}}) {
            assertThat(feedback.answer(invite(reported, answer[0]), Integer.valueOf(answer[1]), null)).isTrue();
        }
        invite(reported, "WEB");   // not answered
        LocalDate today = LocalDate.now(clock);
        String month = today.toString().substring(0, 7);
        // responses 3, satisfaction 5 + 4 + 2 = 11, 11 / 3 = 3.67 -> 3.7; email (5 + 4) / 2 = 4.5; SMS 2.0
        mvc.perform(get("/api/v1/reports/feedback").param("authority", reported.gssCode()).param("from", today.toString())
                        .param("to", today.toString()).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invitations").value(4)).andExpect(jsonPath("$.responses").value(3))
                .andExpect(jsonPath("$.averageSatisfaction").value(3.7))
                .andExpect(jsonPath("$.byMonthAndChannel.length()").value(2))
                .andExpect(jsonPath("$.byMonthAndChannel[0].month").value(month)).andExpect(jsonPath("$.byMonthAndChannel[0].channel").value("EMAIL"))
                .andExpect(jsonPath("$.byMonthAndChannel[0].responses").value(2)).andExpect(jsonPath("$.byMonthAndChannel[0].averageSatisfaction").value(4.5))
                .andExpect(jsonPath("$.byMonthAndChannel[1].channel").value("SMS")).andExpect(jsonPath("$.byMonthAndChannel[1].averageSatisfaction").value(2.0));

        Party customer = data.person(reported).create();
        long a = complaint(customer, "2026-10-05");
        long b = complaint(customer, "2026-10-20");
        complaint(customer, "2026-10-28");
        long c = complaint(customer, "2026-09-10");
        outcome(a, "UPHELD", "2026-10-12");       // 7 days
        outcome(b, "NOT_UPHELD", "2026-10-23");   // 3 days
        outcome(c, "PARTLY_UPHELD", "2026-09-30");   // 20 days
        // September: 1 received, answered, partly upheld: 100.0%, 20.0 days. October: 3 received, 2 answered, 1 upheld of 2 = 50.0%,
        // (7 + 3) / 2 = 5.0 days
        mvc.perform(get("/api/v1/reports/complaints").param("authority", reported.gssCode()).param("from", "2026-09-01")
                        .param("to", "2026-10-31").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.months.length()").value(2))
                .andExpect(jsonPath("$.months[0].month").value("2026-09")).andExpect(jsonPath("$.months[0].received").value(1))
                .andExpect(jsonPath("$.months[0].partlyUpheld").value(1)).andExpect(jsonPath("$.months[0].upheldSharePercent").value(100.0))
                .andExpect(jsonPath("$.months[0].averageDaysToRespond").value(20.0))
                .andExpect(jsonPath("$.months[1].month").value("2026-10")).andExpect(jsonPath("$.months[1].received").value(3))
                .andExpect(jsonPath("$.months[1].responded").value(2)).andExpect(jsonPath("$.months[1].upheld").value(1))
                .andExpect(jsonPath("$.months[1].notUpheld").value(1)).andExpect(jsonPath("$.months[1].upheldSharePercent").value(50.0))
                .andExpect(jsonPath("$.months[1].averageDaysToRespond").value(5.0));
    }

    private long complaint(Party customer, String receivedOn) throws Exception {
        String body = mvc.perform(post("/api/v1/customers/{id}/complaints", customer.id()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\": \"DELAY\", \"details\": \"waited weeks for a refund\", \"receivedOn\": \"" + receivedOn + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void outcome(long complaint, String outcome, String respondedOn) throws Exception {
        mvc.perform(post("/api/v1/complaints/{id}/outcome", complaint).with(httpBasic("teamleader", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"" + outcome + "\", \"response\": \"we replied\", \"respondedOn\": \"" + respondedOn + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value(outcome));
    }

    @Test
    void aComplaintAndItsOutcomeAreRecordedOnceAndReadByAuditors() throws Exception {
        Party customer = data.person(council).create();
        long id = complaint(customer, "2026-11-02");
        mvc.perform(post("/api/v1/customers/{id}/complaints", customer.id()).with(httpBasic("auditor", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\": \"DELAY\", \"details\": \"x\", \"receivedOn\": \"2026-11-02\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/customers/{id}/complaints", customer.id()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"category\": \"RUDENESS\", \"details\": \"\", \"receivedOn\": \"2026-11-02\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/complaints/{id}/outcome", id).with(httpBasic("auditor", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\": \"UPHELD\", \"response\": \"sorry\", \"respondedOn\": \"2026-11-09\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/complaints/{id}/outcome", id).with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"UPHELD\", \"response\": \"sorry\", \"respondedOn\": \"2026-11-01\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("respondedOn"));
        String outcome = "{\"outcome\": \"UPHELD\", \"response\": \"sorry: refund paid\", \"respondedOn\": \"2026-11-09\"}";
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/complaints/{id}/outcome", id).with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                            .content(outcome))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("UPHELD")).andExpect(jsonPath("$.outcomeBy").value("officer"));
        }
        mvc.perform(post("/api/v1/complaints/{id}/outcome", id).with(httpBasic("teamleader", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(outcome.replace("\"UPHELD\"", "\"NOT_UPHELD\""))).andExpect(status().isConflict());

        mvc.perform(get("/api/v1/customers/{id}/complaints", customer.id()).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].category").value("DELAY")).andExpect(jsonPath("$[0].details").value("waited weeks for a refund"))
                .andExpect(jsonPath("$[0].receivedOn").value("2026-11-02")).andExpect(jsonPath("$[0].respondedOn").value("2026-11-09"))
                .andExpect(jsonPath("$[0].response").value("sorry: refund paid")).andExpect(jsonPath("$[0].recordedBy").value("officer"));
        mvc.perform(get("/api/v1/complaints/{id}", id).with(httpBasic("auditor", PASSWORD))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/{id}/complaints", customer.id()).with(httpBasic("admin", PASSWORD))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("""
                select action || ' ' || username from access_audit where subject_type = 'PARTY' and subject_id = ? and detail like '%complaint%'
                order by id""").param(String.valueOf(customer.id())).query(String.class).list())
                .containsExactly("CHANGE officer", "CHANGE officer", "READ auditor", "READ auditor");
    }
}
