package org.reclaim.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.properties.Property;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The role matrix of {@code SecurityConfig}, asked of the running application with real users and passwords. */
@IntegrationTest
class AuthorizationIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final String ANONYMOUS = "-";

    private static BillingAuthority council;
    private static Account account;
    private static Party customer;
    private static Property property;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Authorization Test Council").create();
            customer = data.person(council).create();
            property = data.dwelling(council).create();
            account = data.account(council).liable(customer).property(property).open();
            ledger.post(Posting.of(account.reference(), FinancialYear.of(2025), EntryType.CHARGE, Money.ofPence(10_000),
                    LocalDate.of(2025, 4, 1), "charge"));
        }
    }

    /** Placeholders in paths and bodies: REF, CUSTOMER, PROPERTY, GSS, DWELLING_UPRN. */
    private String fill(String s) {
        return s.replace("REF", account.reference().value()).replace("CUSTOMER", String.valueOf(customer.id()))
                .replace("PROPERTY", String.valueOf(property.id())).replace("GSS", council.gssCode())
                .replace("NEW_UPRN", String.valueOf(TestData.uniqueUprn()));
    }

    private MvcResult call(String user, String method, String path, String body) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), fill(path));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(fill(body));
        }
        if (!ANONYMOUS.equals(user)) {
            request.with(httpBasic(user, PASSWORD));
        }
        return mvc.perform(request).andReturn();
    }

    private static final String OPEN_ACCOUNT = """
            {"authorityCode": "GSS", "stream": "HB_OVERPAYMENT", "liablePartyIds": [CUSTOMER], "liabilityStart": "2025-04-01"}""";
    private static final String ADJUSTMENT = """
            {"financialYear": "2025/26", "amountPence": -100, "reason": "authorization test"}""";
    private static final String NEW_CUSTOMER = """
            {"authorityCode": "GSS", "kind": "PERSON", "surname": "Authtest"}""";
    private static final String NEW_PROPERTY = """
            {"authorityCode": "GSS", "uprn": NEW_UPRN, "kind": "DWELLING", "addressLine1": "1 Auth Road", "town": "Testbury",
             "postcode": "LE18 2DR", "councilTaxBand": "A"}""";
    private static final String NEW_CONTACT = """
            {"channel": "PHONE", "direction": "OUTBOUND", "outcome": "NO_ANSWER"}""";
    private static final String NEW_TASK = """
            {"accountReference": "REF", "kind": "CALL_BACK", "reason": "authorization test", "dueOn": "2026-12-01"}""";
    private static final String NEW_FLAG = """
            {"flag": "VULNERABLE", "startsOn": "2025-01-01", "note": "authorization test"}""";

    private static final String FACT = """
            {"fact": "STUDENT", "startsOn": "2025-09-01"}""";
    private static final String PARTNER = """
            {"name": "Authtest Advice", "kind": "DEBT_ADVICE"}""";
    private static final String SUPPORT_SETTINGS = """
            {"debtAdvicePauseDays": 30}""";

    static Stream<Arguments> matrix() {
        return Stream.of(
                // anonymous: every API path wants a sign-in
                Arguments.of(ANONYMOUS, "GET", "/api/v1/accounts?q=xx", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/accounts/REF", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/customers/1", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/properties/PROPERTY", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/audit", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/authorities", null, 401),
                Arguments.of(ANONYMOUS, "POST", "/api/v1/accounts", OPEN_ACCOUNT, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/whatever", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/worklists?authority=GSS", null, 401),
                Arguments.of(ANONYMOUS, "GET", "/api/v1/accounts/REF/contacts", null, 401),

                // officer: works accounts, customers and properties; no audit
                Arguments.of("officer", "GET", "/api/v1/accounts?q=REF", null, 200),
                Arguments.of("officer", "GET", "/api/v1/accounts/REF", null, 200),
                Arguments.of("officer", "GET", "/api/v1/accounts/REF/transactions", null, 200),
                Arguments.of("officer", "GET", "/api/v1/customers/CUSTOMER", null, 200),
                Arguments.of("officer", "GET", "/api/v1/properties/PROPERTY", null, 200),
                Arguments.of("officer", "GET", "/api/v1/authorities", null, 200),
                Arguments.of("officer", "POST", "/api/v1/accounts", OPEN_ACCOUNT, 201),
                Arguments.of("officer", "POST", "/api/v1/accounts/REF/adjustments", ADJUSTMENT, 201),
                Arguments.of("officer", "POST", "/api/v1/customers", NEW_CUSTOMER, 201),
                Arguments.of("officer", "POST", "/api/v1/properties", NEW_PROPERTY, 201),
                Arguments.of("officer", "GET", "/api/v1/audit", null, 403),
                Arguments.of("officer", "GET", "/api/v1/audit?subjectType=ACCOUNT&subjectId=REF", null, 403),
                Arguments.of("officer", "GET", "/api/v1/whatever", null, 403),
                // benefits maximisation and signposting: the team works them; the directory and settings are an administrator's
                Arguments.of("officer", "GET", "/api/v1/accounts/REF/entitlement-prompts", null, 200),
                Arguments.of("officer", "GET", "/api/v1/accounts/REF/referrals", null, 200),
                Arguments.of("officer", "GET", "/api/v1/authorities/GSS/advice-partners", null, 200),
                Arguments.of("officer", "POST", "/api/v1/authorities/GSS/advice-partners", PARTNER, 403),
                Arguments.of("officer", "PUT", "/api/v1/authorities/GSS/support-settings", SUPPORT_SETTINGS, 403),
                Arguments.of("officer", "GET", "/api/v1/customers/CUSTOMER/circumstance-facts", null, 200),
                // officer: works the contact log, the worklists and tasks; a team leader assigns tasks
                Arguments.of("officer", "POST", "/api/v1/accounts/REF/contacts", NEW_CONTACT, 201),
                Arguments.of("officer", "GET", "/api/v1/accounts/REF/contacts", null, 200),
                Arguments.of("officer", "GET", "/api/v1/worklists?authority=GSS", null, 200),
                Arguments.of("officer", "GET", "/api/v1/worklists/DECISIONS?authority=GSS", null, 200),
                Arguments.of("officer", "POST", "/api/v1/worklists/tasks", NEW_TASK, 201),
                Arguments.of("officer", "POST", "/api/v1/worklists/tasks/999999999/assign", "{\"username\": \"officer\"}", 403),
                Arguments.of("officer", "POST", "/api/v1/worklists/tasks/999999999/claim", null, 404),

                // team leader: everything an officer does
                Arguments.of("teamleader", "GET", "/api/v1/accounts/REF", null, 200),
                Arguments.of("teamleader", "POST", "/api/v1/accounts/REF/adjustments", ADJUSTMENT, 201),
                Arguments.of("teamleader", "GET", "/api/v1/audit", null, 403),
                Arguments.of("teamleader", "POST", "/api/v1/accounts/REF/contacts", NEW_CONTACT, 201),
                Arguments.of("teamleader", "GET", "/api/v1/worklists/TASKS?authority=GSS", null, 200),
                Arguments.of("teamleader", "POST", "/api/v1/worklists/tasks/999999999/assign", "{\"username\": \"officer\"}", 404),

                // auditor: reads, changes nothing, and alone reads the audit
                Arguments.of("auditor", "GET", "/api/v1/accounts?q=REF", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/accounts/REF", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/accounts/REF/transactions", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/customers/CUSTOMER", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/properties/PROPERTY", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/audit", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/audit?subjectType=ACCOUNT&subjectId=REF", null, 200),
                Arguments.of("auditor", "POST", "/api/v1/accounts", OPEN_ACCOUNT, 403),
                Arguments.of("auditor", "POST", "/api/v1/accounts/REF/adjustments", ADJUSTMENT, 403),
                Arguments.of("auditor", "POST", "/api/v1/customers", NEW_CUSTOMER, 403),
                Arguments.of("auditor", "POST", "/api/v1/customers/CUSTOMER/flags", NEW_FLAG, 403),
                Arguments.of("auditor", "POST", "/api/v1/properties", NEW_PROPERTY, 403),
                Arguments.of("auditor", "POST", "/api/v1/audit", "{}", 403),
                Arguments.of("auditor", "GET", "/api/v1/accounts/REF/entitlement-prompts", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/customers/CUSTOMER/circumstance-facts", null, 200),
                Arguments.of("auditor", "POST", "/api/v1/customers/CUSTOMER/circumstance-facts", FACT, 403),
                Arguments.of("auditor", "POST", "/api/v1/accounts/REF/referrals", "{}", 403),
                // auditor: reads the contact log and the worklists, works neither
                Arguments.of("auditor", "GET", "/api/v1/accounts/REF/contacts", null, 200),
                Arguments.of("auditor", "POST", "/api/v1/accounts/REF/contacts", NEW_CONTACT, 403),
                Arguments.of("auditor", "GET", "/api/v1/worklists?authority=GSS", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/worklists/SUMMONS_REVIEW?authority=GSS", null, 200),
                Arguments.of("auditor", "POST", "/api/v1/worklists/tasks", NEW_TASK, 403),
                Arguments.of("auditor", "POST", "/api/v1/worklists/tasks/999999999/claim", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/worklists/tasks/999999999/complete", "{\"outcome\": \"x\"}", 403),
                // letters: a team leader runs the day's letters and print runs; the collections team and auditors read letters
                Arguments.of(ANONYMOUS, "GET", "/api/v1/documents/999999999.pdf", null, 401),
                Arguments.of("officer", "POST", "/api/v1/documents/runs?date=2040-01-01", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/documents/runs?date=2040-01-01", null, 403),
                Arguments.of("teamleader", "POST", "/api/v1/documents/runs?date=2040-01-01", null, 200),
                Arguments.of("officer", "POST", "/api/v1/documents/print-runs?date=2040-01-01", null, 403),
                Arguments.of("teamleader", "POST", "/api/v1/documents/print-runs?date=2040-01-01", null, 200),
                Arguments.of("officer", "GET", "/api/v1/documents/print-batches/999999999", null, 403),
                Arguments.of("auditor", "GET", "/api/v1/documents/print-batches/999999999", null, 404),
                Arguments.of("auditor", "GET", "/api/v1/accounts/REF/documents", null, 200),
                Arguments.of("auditor", "GET", "/api/v1/documents/999999999.pdf", null, 404),
                Arguments.of("auditor", "POST", "/api/v1/documents/preview", "{}", 403),
                Arguments.of("admin", "GET", "/api/v1/accounts/REF/documents", null, 403),
                Arguments.of("admin", "GET", "/api/v1/documents/999999999.pdf", null, 403),
                Arguments.of("officer", "PUT", "/api/v1/authorities/GSS/document-templates/CT_REMINDER_1", "{}", 403),

                // admin: configuration, no personal data
                Arguments.of("admin", "GET", "/api/v1/authorities", null, 200),
                Arguments.of("admin", "GET", "/api/v1/authorities/GSS", null, 200),
                Arguments.of("admin", "GET", "/api/v1/accounts/REF", null, 403),
                Arguments.of("admin", "GET", "/api/v1/accounts/REF/transactions", null, 403),
                Arguments.of("admin", "GET", "/api/v1/accounts?q=REF", null, 403),
                Arguments.of("admin", "GET", "/api/v1/customers/CUSTOMER", null, 403),
                Arguments.of("admin", "GET", "/api/v1/properties/PROPERTY", null, 403),
                Arguments.of("admin", "POST", "/api/v1/accounts", OPEN_ACCOUNT, 403),
                Arguments.of("admin", "POST", "/api/v1/accounts/REF/adjustments", ADJUSTMENT, 403),
                Arguments.of("admin", "GET", "/api/v1/audit", null, 403),
                Arguments.of("admin", "GET", "/api/v1/accounts/REF/entitlement-prompts", null, 403),
                Arguments.of("admin", "GET", "/api/v1/accounts/REF/referrals", null, 403),
                Arguments.of("admin", "GET", "/api/v1/customers/CUSTOMER/circumstance-facts", null, 403),
                Arguments.of("admin", "POST", "/api/v1/authorities/GSS/advice-partners", PARTNER, 201),
                Arguments.of("admin", "PUT", "/api/v1/authorities/GSS/support-settings", SUPPORT_SETTINGS, 200),
                Arguments.of("admin", "GET", "/api/v1/accounts/REF/contacts", null, 403),
                Arguments.of("admin", "GET", "/api/v1/worklists?authority=GSS", null, 403),
                Arguments.of("admin", "GET", "/api/v1/worklists/TASKS?authority=GSS", null, 403),
                Arguments.of("admin", "POST", "/api/v1/worklists/tasks", NEW_TASK, 403),
                Arguments.of("admin", "GET", "/api/v1/whatever", null, 403),
                Arguments.of("admin", "POST", "/api/v1/whatever", "{}", 403),
                Arguments.of("admin", "GET", "/api/v2/accounts/REF", null, 403),

                // GOV.UK Notify: an administrator sets templates; a team leader sends; officers preview and read; the
                // callbacks need Notify's bearer token, not a user (NotifyIT)
                Arguments.of("officer", "GET", "/api/v1/notify/templates/GSS", null, 200),
                Arguments.of("officer", "PUT", "/api/v1/notify/templates/GSS/AUTH_CHECK/SMS", "{}", 403),
                Arguments.of("teamleader", "PUT", "/api/v1/notify/templates/GSS/AUTH_CHECK/SMS", "{}", 403),
                Arguments.of("admin", "PUT", "/api/v1/notify/templates/GSS/AUTH_CHECK/SMS", "{}", 200),
                Arguments.of("officer", "POST", "/api/v1/notify/outbox/send", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/notify/outbox/send", null, 403),
                Arguments.of("officer", "POST", "/api/v1/notify/campaigns", "{}", 403),
                Arguments.of("officer", "POST", "/api/v1/notify/event-messages?authority=E09999999&date=2026-11-23", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/notify/event-messages?authority=E09999999&date=2026-11-23", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/notify/campaigns/preview", "{}", 403),
                Arguments.of("teamleader", "POST", "/api/v1/notify/campaigns/preview", "{}", 400),
                Arguments.of("auditor", "GET", "/api/v1/notify/campaigns/999999999?authority=GSS", null, 404),
                Arguments.of("admin", "GET", "/api/v1/notify/campaigns/999999999?authority=GSS", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/notify/returned-letters", "{}", 403),
                Arguments.of("officer", "POST", "/api/v1/customers/CUSTOMER/channel-preferences", "{\"channel\": \"EMAIL\", \"optedOut\": false}", 200),
                Arguments.of("auditor", "POST", "/api/v1/customers/CUSTOMER/channel-preferences", "{\"channel\": \"EMAIL\", \"optedOut\": true}", 403),
                // posting the day's letters through GOV.UK Notify is a team leader's step of the letters run (NotifyLettersIT)
                Arguments.of("officer", "POST", "/api/v1/notify/letters?date=2040-01-01", null, 403),
                Arguments.of("auditor", "POST", "/api/v1/notify/letters?date=2040-01-01", null, 403),
                Arguments.of("admin", "POST", "/api/v1/notify/letters?date=2040-01-01", null, 403),
                Arguments.of("teamleader", "POST", "/api/v1/notify/letters?date=2040-01-01", null, 200));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @MethodSource("matrix")
    void theRoleMatrix(String user, String method, String path, String body, int expected) throws Exception {
        MvcResult result = call(user, method, path, body);

        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(result.getResponse().getContentAsString()).contains("\"status\":" + expected);
        }
        if (expected == 401) {
            assertThat(result.getResponse().getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Reclaim\"");
        }
    }

    @Test
    void aRefusedChangeChangesNothing() throws Exception {
        long entries = entriesOn(account);
        long accounts = accountsOf(council);

        for (String user : new String[] {"auditor", "admin", ANONYMOUS}) {
            assertThat(call(user, "POST", "/api/v1/accounts/REF/adjustments", ADJUSTMENT).getResponse().getStatus()).isIn(401, 403);
            assertThat(call(user, "POST", "/api/v1/accounts", OPEN_ACCOUNT).getResponse().getStatus()).isIn(401, 403);
        }

        assertThat(entriesOn(account)).isEqualTo(entries);
        assertThat(accountsOf(council)).isEqualTo(accounts);
    }

    @Test
    void aWrongPasswordOrUnknownUserIsUnauthorised() throws Exception {
        for (String[] credentials : new String[][] {{"officer", "wrong-password"}, {"auditor", ""}, {"nobody", PASSWORD},
                {"OFFICER", PASSWORD}}) {
            mvc.perform(MockMvcRequestBuilders.get(fill("/api/v1/accounts/REF")).with(httpBasic(credentials[0], credentials[1])))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(header().string("WWW-Authenticate", "Basic realm=\"Reclaim\""))
                    .andExpect(jsonPath("$.status").value(401))
                    .andExpect(jsonPath("$.title").value("Unauthorized"));
        }
    }

    @Test
    void theApiStartsNoSession() throws Exception {
        MvcResult result = call("officer", "GET", "/api/v1/accounts/REF", null);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    private long entriesOn(Account a) {
        return jdbc.sql("select count(*) from ledger_entry where authority_id = ? and account_id = ?")
                .params(a.authorityId(), a.id()).query(Long.class).single();
    }

    private long accountsOf(BillingAuthority authority) {
        return jdbc.sql("select count(*) from account where authority_id = ?").param(authority.id()).query(Long.class).single();
    }
}
