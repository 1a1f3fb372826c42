package org.reclaim.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.reclaim.AppendOnlyTables;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The contact log: recorded by the signed-in officer, listed newest first, audited, once per key, and on the recovery timeline. */
@IntegrationTest
class ContactsIT {

    private static final String PASSWORD = "reclaim-demo";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Contacts contacts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    private static BillingAuthority council;

    private Account account() {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Contact Log Council").create();
        }
        return data.account(council).open();
    }

    private String recorded(Account a, String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value())
                        .with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void contactsAreRecordedByTheOfficerAndListedNewestFirst() throws Exception {
        Account a = account();
        recorded(a, "officer", """
                {"channel": "LETTER", "direction": "INBOUND", "outcome": "DISPUTE_RAISED", "notes": "says she moved out in March",
                 "at": "2026-04-02T10:15:00Z"}""");
        mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value()).with(httpBasic("teamleader", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"PHONE\", \"direction\": \"OUTBOUND\", \"outcome\": \"NO_ANSWER\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/v1/accounts/" + a.reference().value() + "/contacts"))
                .andExpect(jsonPath("$.accountReference").value(a.reference().value()))
                .andExpect(jsonPath("$.channel").value("PHONE")).andExpect(jsonPath("$.direction").value("OUTBOUND"))
                .andExpect(jsonPath("$.outcome").value("NO_ANSWER")).andExpect(jsonPath("$.recordedBy").value("teamleader"))
                .andExpect(jsonPath("$.notes").isEmpty());

        String listed = mvc.perform(get("/api/v1/accounts/{r}/contacts", a.reference().value()).with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].outcome").value("NO_ANSWER"))
                .andExpect(jsonPath("$[1].outcome").value("DISPUTE_RAISED")).andExpect(jsonPath("$[1].recordedBy").value("officer"))
                .andExpect(jsonPath("$[1].notes").value("says she moved out in March"))
                .andReturn().getResponse().getContentAsString();
        assertThat(OffsetDateTime.parse(JsonPath.read(listed, "$[1].at")).toInstant()).isEqualTo(Instant.parse("2026-04-02T10:15:00Z"));
        // defaulted to now: on the clock, not the caller's
        assertThat(OffsetDateTime.parse(JsonPath.read(listed, "$[0].at")).toInstant()).isBetween(clock.instant().minusSeconds(60), clock.instant());

        List<Map<String, Object>> audit = jdbc.sql("select action, username, detail from access_audit where authority_id = ? and subject_id = ? order by id")
                .params(a.authorityId(), a.reference().value()).query().listOfRows();
        assertThat(audit).extracting(r -> r.get("action") + " " + r.get("username") + " " + r.get("detail")).contains(
                "CHANGE officer contact recorded: LETTER INBOUND DISPUTE_RAISED",
                "CHANGE teamleader contact recorded: PHONE OUTBOUND NO_ANSWER",
                "READ auditor GET /api/v1/accounts/" + a.reference().value() + "/contacts");

        // on the recovery timeline, dated the UK day it happened
        assertThat(jdbc.sql("select happened_on || ' ' || what || ' ' || who from recovery_timeline where authority_id = ? and account_id = ? and kind = 'CONTACT' order by happened_on")
                .params(a.authorityId(), a.id()).query(String.class).list().get(0))
                .isEqualTo("2026-04-02 LETTER INBOUND DISPUTE_RAISED officer");
    }

    @Test
    void aRetryWithTheSameKeyRecordsOnce() throws Exception {
        Account a = account();
        String body = "{\"channel\": \"VISIT\", \"direction\": \"OUTBOUND\", \"outcome\": \"PROMISE_TO_PAY\", \"notes\": \"will pay Friday\"}";
        String first = mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value()).header("Idempotency-Key", "visit-" + a.id())
                        .with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value()).header("Idempotency-Key", "visit-" + a.id())
                        .with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(((Number) JsonPath.read(first, "$.id")).longValue()));
        // the same key on another account is refused, not recorded there
        Account other = account();
        mvc.perform(post("/api/v1/accounts/{r}/contacts", other.reference().value()).header("Idempotency-Key", "visit-" + a.id())
                        .with(httpBasic("officer", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict());

        assertThat(jdbc.sql("select count(*) from contact where authority_id = ? and account_id in (?, ?)").params(a.authorityId(), a.id(), other.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void lastContactOnAnswersForManyAccountsAtOnce() throws Exception {
        Account called = account();
        Account twice = account();
        Account never = account();
        recorded(called, "officer", "{\"channel\": \"SMS\", \"direction\": \"OUTBOUND\", \"outcome\": \"MESSAGE_LEFT\", \"at\": \"2026-05-01T08:00:00Z\"}");
        recorded(twice, "officer", "{\"channel\": \"EMAIL\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\", \"at\": \"2026-05-01T08:00:00Z\"}");
        recorded(twice, "officer", "{\"channel\": \"WEB\", \"direction\": \"INBOUND\", \"outcome\": \"QUERY_RESOLVED\", \"at\": \"2026-06-03T12:30:00+01:00\"}");

        Map<Long, Instant> last = contacts.lastContactOn(council.id(), List.of(called.id(), twice.id(), never.id()));

        assertThat(last).containsOnly(Map.entry(called.id(), Instant.parse("2026-05-01T08:00:00Z")),
                Map.entry(twice.id(), Instant.parse("2026-06-03T11:30:00Z")));
        assertThat(contacts.lastContactOn(council.id(), List.of())).isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndRecordsNothing() throws Exception {
        Account a = account();
        String[][] refused = {
                {"{\"direction\": \"INBOUND\", \"outcome\": \"OTHER\"}", "channel"},
                {"{\"channel\": \"FAX\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\"}", "channel"},
                {"{\"channel\": \"PHONE\", \"outcome\": \"OTHER\"}", "direction"},
                {"{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"SHOUTED\"}", "outcome"},
                {"{\"channel\": \"PHONE\", \"direction\": \"INBOUND\"}", "outcome"},
                {"{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\", \"at\": \"yesterday\"}", "at"},
                {"{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\", \"at\": \"2099-01-01T00:00:00Z\"}", "at"},
        };
        for (String[] r : refused) {
            mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value()).with(httpBasic("officer", PASSWORD))
                            .contentType(MediaType.APPLICATION_JSON).content(r[0]))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value(r[1]));
        }
        mvc.perform(post("/api/v1/accounts/{r}/contacts", "not-a-reference").with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reference"));
        String unknown = org.reclaim.accounts.AccountReference.of(council.referencePrefix(), org.reclaim.accounts.RevenueStream.COUNCIL_TAX,
                a.id() + 1_000_000).value();
        mvc.perform(get("/api/v1/accounts/{r}/contacts", unknown).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail").value(Matchers.containsString(unknown)));
        // an auditor reads the log but does not write it
        mvc.perform(post("/api/v1/accounts/{r}/contacts", a.reference().value()).with(httpBasic("auditor", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\"}"))
                .andExpect(status().isForbidden());

        assertThat(jdbc.sql("select count(*) from contact where authority_id = ? and account_id = ?").params(a.authorityId(), a.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theLogIsAppendOnly() throws Exception {
        Account a = account();
        recorded(a, "officer", "{\"channel\": \"PHONE\", \"direction\": \"INBOUND\", \"outcome\": \"OTHER\"}");
        AppendOnlyTables.assertRefused(transactions, jdbc, "update contact set notes = 'changed' where account_id = " + a.id());
        AppendOnlyTables.assertRefused(transactions, jdbc, "delete from contact where account_id = " + a.id());
    }
}
