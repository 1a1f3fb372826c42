package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.AppendOnlyTables;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.properties.Property;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AccessAuditIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired AccessAudit audit;
    @Autowired TransactionTemplate transactions;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Access Audit Test Council").create();
        }
    }

    private ResultActions as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, "reclaim-demo")));
    }

    record Row(Integer authorityId, String username, String action, String subjectType, String subjectId, String detail) {
    }

    private List<Row> rows(String subjectType, String subjectId) {
        return jdbc.sql("""
                select authority_id, username, action, subject_type, subject_id, detail from access_audit
                where subject_type = ? and subject_id = ? order by id""")
                .params(subjectType, subjectId)
                .query((rs, n) -> new Row((Integer) rs.getObject("authority_id"), rs.getString("username"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail")))
                .list();
    }

    @Test
    void readingAnAccountIsRecordedWithWhoReadIt() throws Exception {
        Account account = data.account(council).open();
        String ref = account.reference().value();
        assertThat(rows("ACCOUNT", ref)).extracting(Row::action).containsExactly("CHANGE");   // opened by "system"

        as("officer", get("/api/v1/accounts/{ref}", ref)).andExpect(status().isOk());
        as("auditor", get("/api/v1/accounts/{ref}/transactions", ref)).andExpect(status().isOk());

        assertThat(rows("ACCOUNT", ref)).containsExactly(
                new Row(council.id(), "system", "CHANGE", "ACCOUNT", ref, "opened"),
                new Row(council.id(), "officer", "READ", "ACCOUNT", ref, "GET /api/v1/accounts/" + ref),
                new Row(council.id(), "auditor", "READ", "ACCOUNT", ref, "GET /api/v1/accounts/" + ref + "/transactions"));
    }

    @Test
    void aRefusedOrFailedReadIsNotRecordedAsARead() throws Exception {
        Account account = data.account(council).open();
        String ref = account.reference().value();

        as("admin", get("/api/v1/accounts/{ref}", ref)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts/{ref}", ref)).andExpect(status().isUnauthorized());

        assertThat(rows("ACCOUNT", ref)).extracting(Row::action).containsExactly("CHANGE");
    }

    @Test
    void openingAnAccountAndCreatingACustomerOrPropertyAreRecordedAsChanges() throws Exception {
        String customerJson = as("officer", post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
                {"authorityCode": "%s", "kind": "PERSON", "forenames": "Ada", "surname": "%s"}"""
                .formatted(council.gssCode(), TestData.uniqueWord("Audited"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long customerId = ((Number) JsonPath.read(customerJson, "$.id")).longValue();

        String propertyJson = as("teamleader", post("/api/v1/properties").contentType(MediaType.APPLICATION_JSON).content("""
                {"authorityCode": "%s", "uprn": %d, "kind": "DWELLING", "addressLine1": "5 Audit Row", "town": "Testbury",
                 "postcode": "%s", "councilTaxBand": "B"}""".formatted(council.gssCode(), TestData.uniqueUprn(), TestData.uniquePostcode())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long propertyId = ((Number) JsonPath.read(propertyJson, "$.id")).longValue();

        String accountJson = as("officer", post("/api/v1/accounts").contentType(MediaType.APPLICATION_JSON).content("""
                {"authorityCode": "%s", "stream": "COUNCIL_TAX", "liablePartyIds": [%d], "propertyId": %d, "liabilityStart": "2025-04-01"}"""
                .formatted(council.gssCode(), customerId, propertyId)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String ref = JsonPath.read(accountJson, "$.reference");

        assertThat(rows("PARTY", String.valueOf(customerId)))
                .containsExactly(new Row(council.id(), "officer", "CHANGE", "PARTY", String.valueOf(customerId), "created"));
        assertThat(rows("PROPERTY", String.valueOf(propertyId)))
                .containsExactly(new Row(council.id(), "teamleader", "CHANGE", "PROPERTY", String.valueOf(propertyId), "created"));
        // the response to POST shows the account, but that is the officer's own change, not a read of someone's data
        assertThat(rows("ACCOUNT", ref)).extracting(Row::username, Row::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("officer", "CHANGE"));
    }

    @Test
    void anAdjustmentAndAFlagAreRecordedAsChangesAndReadingACustomerOrPropertyAsReads() throws Exception {
        Party party = data.person(council).create();
        Property property = data.dwelling(council).create();
        Account account = data.account(council).liable(party).property(property).open();
        String ref = account.reference().value();

        as("officer", post("/api/v1/accounts/{ref}/adjustments", ref).contentType(MediaType.APPLICATION_JSON).content("""
                {"financialYear": "2025/26", "amountPence": 1500, "reason": "audit test"}""")).andExpect(status().isCreated());
        as("teamleader", post("/api/v1/customers/{id}/flags", party.id()).contentType(MediaType.APPLICATION_JSON).content("""
                {"flag": "VULNERABLE", "startsOn": "2025-06-01", "note": "hearing loss", "consent": true}""")).andExpect(status().isCreated());
        as("auditor", get("/api/v1/customers/{id}", party.id())).andExpect(status().isOk());
        as("officer", get("/api/v1/properties/{id}", property.id())).andExpect(status().isOk());

        assertThat(rows("ACCOUNT", ref)).extracting(Row::username, Row::action, Row::detail).contains(
                org.assertj.core.groups.Tuple.tuple("officer", "CHANGE", "ADJUSTMENT £15.00 posted"));
        assertThat(rows("PARTY", String.valueOf(party.id()))).extracting(Row::username, Row::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system", "CHANGE"),
                org.assertj.core.groups.Tuple.tuple("teamleader", "CHANGE"),
                org.assertj.core.groups.Tuple.tuple("auditor", "READ"));
        assertThat(rows("PROPERTY", String.valueOf(property.id()))).extracting(Row::username, Row::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("system", "CHANGE"),
                org.assertj.core.groups.Tuple.tuple("officer", "READ"));
    }

    @Test
    void aSearchRecordsOneSearchLinePerHit() throws Exception {
        String surname = TestData.uniqueWord("Searched");
        Party first = data.person(council).forenames("Ann").surname(surname).create();
        Party second = data.person(council).forenames("Bob").surname(surname).create();
        Account a = data.account(council).liable(first).open();
        Account b = data.account(council).liable(second).open();
        Account c = data.account(council).stream(org.reclaim.accounts.RevenueStream.HB_OVERPAYMENT).liable(first).open();
        Account notFound = data.account(council).open();

        as("officer", get("/api/v1/accounts").param("q", surname)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(3)));

        for (Account hit : List.of(a, b, c)) {
            assertThat(rows("ACCOUNT", hit.reference().value())).filteredOn(r -> r.action().equals("SEARCH"))
                    .containsExactly(new Row(council.id(), "officer", "SEARCH", "ACCOUNT", hit.reference().value(), "search result"));
        }
        assertThat(rows("ACCOUNT", notFound.reference().value())).extracting(Row::action).doesNotContain("SEARCH");

        as("auditor", get("/api/v1/accounts").param("q", "Bob " + surname)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
        assertThat(rows("ACCOUNT", b.reference().value())).filteredOn(r -> r.action().equals("SEARCH"))
                .extracting(Row::username).containsExactly("officer", "auditor");
        assertThat(rows("ACCOUNT", a.reference().value())).filteredOn(r -> r.action().equals("SEARCH")).hasSize(1);
    }

    @Test
    void anAuditorReadsTheTrailOfAnAccount() throws Exception {
        Account account = data.account(council).open();
        Account other = data.account(council).open();
        String ref = account.reference().value();
        as("officer", get("/api/v1/accounts/{ref}", ref)).andExpect(status().isOk());
        as("teamleader", get("/api/v1/accounts/{ref}", ref)).andExpect(status().isOk());
        as("officer", get("/api/v1/accounts/{ref}", other.reference().value())).andExpect(status().isOk());

        as("auditor", get("/api/v1/audit").param("subjectType", "ACCOUNT").param("subjectId", ref))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[*].subjectId", everyItem(is(ref))))
                .andExpect(jsonPath("$[*].subjectType", everyItem(is("ACCOUNT"))))
                .andExpect(jsonPath("$[*].authorityId", everyItem(is(council.id()))))
                // newest first
                .andExpect(jsonPath("$[0].username").value("teamleader"))
                .andExpect(jsonPath("$[0].action").value("READ"))
                .andExpect(jsonPath("$[1].username").value("officer"))
                .andExpect(jsonPath("$[2].action").value("CHANGE"))
                .andExpect(jsonPath("$[2].detail").value("opened"))
                .andExpect(jsonPath("$[0].at").isNotEmpty());

        as("auditor", get("/api/v1/audit").param("subjectType", "ACCOUNT").param("subjectId", ref).param("username", "teamleader"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].username").value("teamleader"));
        as("auditor", get("/api/v1/audit").param("subjectType", "ACCOUNT").param("subjectId", ref).param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
        as("auditor", get("/api/v1/audit").param("username", "officer").param("limit", "1000"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].subjectId", hasItem(other.reference().value())))
                .andExpect(jsonPath("$[*].username", everyItem(is("officer"))));
    }

    @Test
    void theAuditQueryRefusesBadParameters() throws Exception {
        as("auditor", get("/api/v1/audit").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("limit"));
        as("auditor", get("/api/v1/audit").param("limit", "1001"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("limit"));
        as("auditor", get("/api/v1/audit").param("subjectType", "INVOICE"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("subjectType"));
    }

    @Test
    void theAuditTableRefusesUpdateDeleteAndTruncate() {
        Account account = data.account(council).open();
        String ref = account.reference().value();
        List<Row> before = rows("ACCOUNT", ref);
        assertThat(before).hasSize(1);

        assertRefusedAsAppendOnly("update access_audit set username = 'nobody' where subject_type = 'ACCOUNT' and subject_id = '" + ref + "'");
        assertRefusedAsAppendOnly("update access_audit set detail = 'x' where subject_type = 'ACCOUNT' and subject_id = '" + ref + "'");
        assertRefusedAsAppendOnly("delete from access_audit where subject_type = 'ACCOUNT' and subject_id = '" + ref + "'");
        assertRefusedAsAppendOnly("truncate access_audit");

        assertThat(rows("ACCOUNT", ref)).isEqualTo(before);
    }

    private void assertRefusedAsAppendOnly(String sql) {
        AppendOnlyTables.assertRefused(transactions, jdbc, sql);
    }

    @Test
    void workOutsideARequestIsRecordedAsSystem() {
        Party party = data.person(council).create();
        audit.record(council.id(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, party.id(), "batch read");
        assertThat(audit.find(AccessAudit.Subject.PARTY, String.valueOf(party.id()), null, 10))
                .extracting(AccessAudit.Entry::username, AccessAudit.Entry::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("system", AccessAudit.Action.READ),
                        org.assertj.core.groups.Tuple.tuple("system", AccessAudit.Action.CHANGE));
    }

    @Test
    void readingAnAccountRecordsThePartiesItShowed() throws Exception {
        Account account = data.account(council).open();
        as("officer", get("/api/v1/accounts/{ref}", account.reference().value())).andExpect(status().isOk());
        for (Long partyId : account.liablePartyIds()) {
            assertThat(rows("PARTY", String.valueOf(partyId))).extracting(Row::username, Row::action, Row::detail)
                    .contains(org.assertj.core.groups.Tuple.tuple("officer", "READ", "shown on account " + account.reference()));
        }
    }

    @Test
    void aBadEnumParameterSaysWhatItMayBe() throws Exception {
        as("auditor", get("/api/v1/audit").param("subjectType", "INVOICE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("must be one of PARTY, PROPERTY, ACCOUNT"));
    }
}
