package org.reclaim.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class PartiesApiIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Parties parties;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Parties API Test Council").create();
        }
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/customers").with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json.replace("GSS", council.gssCode())));
    }

    private ResultActions read(long id) throws Exception {
        return mvc.perform(get("/api/v1/customers/{id}", id).with(httpBasic("officer", "reclaim-demo")));
    }

    private ResultActions flag(long id, String json) throws Exception {
        return mvc.perform(post("/api/v1/customers/{id}/flags", id).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private long partiesOf(BillingAuthority authority) {
        return jdbc.sql("select count(*) from party where authority_id = ?").param(authority.id()).query(Long.class).single();
    }

    @Test
    void createsAPersonWithContactPointsAndReadsItBack() throws Exception {
        String surname = TestData.uniqueWord("Created");
        String body = create("""
                {"authorityCode": "GSS", "kind": "PERSON", "title": "Ms", "forenames": " Jane Ann ", "surname": "%s",
                 "dateOfBirth": "1980-02-29",
                 "contactPoints": [
                   {"kind": "POSTAL", "addressLine1": "12 Station Road", "town": "Wigston", "postcode": "le18  2dr", "preferred": true},
                   {"kind": "EMAIL", "email": "jane@example.org", "preferred": false},
                   {"kind": "PHONE", "phone": "+44 116 257 2000", "preferred": false}]}""".formatted(surname))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.authorityId").value(council.id()))
                .andExpect(jsonPath("$.kind").value("PERSON"))
                .andExpect(jsonPath("$.forenames").value("Jane Ann"))
                .andExpect(jsonPath("$.surname").value(surname))
                .andExpect(jsonPath("$.dateOfBirth").value("1980-02-29"))
                .andExpect(jsonPath("$.contactPoints", hasSize(3)))
                .andExpect(jsonPath("$.contactPoints[0].kind").value("POSTAL"))
                .andExpect(jsonPath("$.contactPoints[0].postcode").value("LE18 2DR"))
                .andExpect(jsonPath("$.contactPoints[0].preferred").value(true))
                .andExpect(jsonPath("$.contactPoints[*].value", hasItem("jane@example.org")))
                .andExpect(jsonPath("$.contactPoints[*].value", hasItem("+44 116 257 2000")))
                .andExpect(jsonPath("$.flags", hasSize(0)))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        read(id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.title").value("Ms"))
                .andExpect(jsonPath("$.surname").value(surname))
                .andExpect(jsonPath("$.contactPoints", hasSize(3)))
                .andExpect(jsonPath("$.contactPoints[0].addressLine1").value("12 Station Road"));
        assertThat(parties.get(id).displayName()).isEqualTo("Ms Jane Ann " + surname);
    }

    /**
     * "preferred" is a yes/no that defaults to no: a contact point that leaves it out is an ordinary contact point,
     * not a request with a field "of the wrong type or format".
     */
    @Test
    void aContactPointMayLeaveOutPreferred() throws Exception {
        create("""
                {"authorityCode": "GSS", "kind": "PERSON", "surname": "%s",
                 "contactPoints": [{"kind": "EMAIL", "email": "someone@example.org"}]}""".formatted(TestData.uniqueWord("Unpreferred")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contactPoints[0].value").value("someone@example.org"))
                .andExpect(jsonPath("$.contactPoints[0].preferred").value(false));
    }

    @Test
    void createsAnOrganisation() throws Exception {
        String name = TestData.uniqueWord("Bakery") + " Ltd";
        create("""
                {"authorityCode": "GSS", "kind": "ORGANISATION", "organisationName": "%s"}""".formatted(name))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ORGANISATION"))
                .andExpect(jsonPath("$.organisationName").value(name))
                .andExpect(jsonPath("$.surname").doesNotExist());
    }

    static Stream<Arguments> badCustomers() {
        return Stream.of(
                Arguments.of("a person without a surname", "surname", """
                        {"authorityCode": "GSS", "kind": "PERSON", "forenames": "Jane"}"""),
                Arguments.of("a person with a blank surname", "surname", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "   "}"""),
                Arguments.of("a person with an organisation name", "organisationName", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith", "organisationName": "Smith Ltd"}"""),
                Arguments.of("an organisation without a name", "organisationName", """
                        {"authorityCode": "GSS", "kind": "ORGANISATION"}"""),
                Arguments.of("an organisation with a surname", "surname", """
                        {"authorityCode": "GSS", "kind": "ORGANISATION", "organisationName": "Acme Ltd", "surname": "Smith"}"""),
                Arguments.of("an organisation with a date of birth", "dateOfBirth", """
                        {"authorityCode": "GSS", "kind": "ORGANISATION", "organisationName": "Acme Ltd", "dateOfBirth": "1990-01-01"}"""),
                Arguments.of("no kind", "kind", """
                        {"authorityCode": "GSS", "surname": "Smith"}"""),
                Arguments.of("an unknown kind", "kind", """
                        {"authorityCode": "GSS", "kind": "ROBOT", "surname": "Smith"}"""),
                Arguments.of("a malformed authority code", "authorityCode", """
                        {"authorityCode": "e07000135", "kind": "PERSON", "surname": "Smith"}"""),
                Arguments.of("a date of birth in the future", "dateOfBirth", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith", "dateOfBirth": "2999-01-01"}"""),
                Arguments.of("a date of birth that is not a date", "dateOfBirth", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith", "dateOfBirth": "31/12/1980"}"""),
                Arguments.of("a bad email address", "contactPoints[0].email", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith",
                         "contactPoints": [{"preferred": false, "kind": "EMAIL", "email": "not-an-email"}]}"""),
                Arguments.of("an email contact without an address", "contactPoints[0].email", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith", "contactPoints": [{"preferred": false, "kind": "EMAIL"}]}"""),
                Arguments.of("a bad postcode", "contactPoints[1].postcode", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith",
                         "contactPoints": [{"preferred": false, "kind": "EMAIL", "email": "a@example.org"},
                                           {"preferred": false, "kind": "POSTAL", "addressLine1": "1 High St", "town": "Wigston", "postcode": "LE18 2D"}]}"""),
                Arguments.of("a postal address without a postcode", "contactPoints[0].postcode", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith",
                         "contactPoints": [{"preferred": false, "kind": "POSTAL", "addressLine1": "1 High St", "town": "Wigston"}]}"""),
                Arguments.of("a postal address without a first line", "contactPoints[0].addressLine1", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith",
                         "contactPoints": [{"preferred": false, "kind": "POSTAL", "town": "Wigston", "postcode": "LE18 2DR"}]}"""),
                Arguments.of("a bad phone number", "contactPoints[0].phone", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith",
                         "contactPoints": [{"preferred": false, "kind": "PHONE", "phone": "call me"}]}"""),
                Arguments.of("a contact point without a kind", "contactPoints[0].kind", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": "Smith",
                         "contactPoints": [{"preferred": false, "email": "a@example.org"}]}"""),
                Arguments.of("malformed JSON", "body", """
                        {"authorityCode": "GSS", "kind": "PERSON", "surname": """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCustomers")
    void aBadCustomerIsRefusedNamingTheFieldAndNothingIsWritten(String what, String field, String json) throws Exception {
        long before = partiesOf(council);

        String body = create(json)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Exception", "org.reclaim", "\tat ");
        assertThat(partiesOf(council)).isEqualTo(before);
    }

    @Test
    void allTheFaultsAreNamedAtOnce() throws Exception {
        create("""
                {"authorityCode": "GSS", "kind": "PERSON",
                 "contactPoints": [{"kind": "POSTAL", "addressLine1": "1 High St", "postcode": "nowhere", "preferred": false}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("surname")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("contactPoints[0].postcode")));
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        read(987_654_321_000L)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("987654321000")));
        mvc.perform(get("/api/v1/customers/{id}", "jane").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("id"));
    }

    @Test
    void flagsACustomer() throws Exception {
        Party party = data.person(council).create();

        flag(party.id(), """
                {"flag": "VULNERABLE", "startsOn": "2025-06-01", "endsOn": "2026-05-31", "note": "recent bereavement", "consent": true}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(party.id()))
                .andExpect(jsonPath("$.flags", hasSize(1)))
                .andExpect(jsonPath("$.flags[0].flag").value("VULNERABLE"))
                .andExpect(jsonPath("$.flags[0].startsOn").value("2025-06-01"))
                .andExpect(jsonPath("$.flags[0].endsOn").value("2026-05-31"))
                .andExpect(jsonPath("$.flags[0].note").value("recent bereavement"))
                .andExpect(jsonPath("$.flags[0].consent").value(true))
                .andExpect(jsonPath("$.flags[0].detailRestricted").value(false));
        // why someone is vulnerable is for a team leader and the officer who recorded it; others see only that they are
        mvc.perform(get("/api/v1/customers/{id}", party.id()).with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(jsonPath("$.flags[0].note").value("recent bereavement"));
        mvc.perform(get("/api/v1/customers/{id}", party.id()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(jsonPath("$.flags[0].flag").value("VULNERABLE"))
                .andExpect(jsonPath("$.flags[0].note").isEmpty())
                .andExpect(jsonPath("$.flags[0].detailRestricted").value(true));
        flag(party.id(), """
                {"flag": "INSOLVENT", "startsOn": "2025-09-01"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.flags", hasSize(2)));

        Party flagged = parties.get(party.id());
        assertThat(flagged.hasFlagOn(PartyFlag.VULNERABLE, LocalDate.of(2025, 12, 1))).isTrue();
        assertThat(flagged.hasFlagOn(PartyFlag.VULNERABLE, LocalDate.of(2026, 6, 1))).isFalse();
        assertThat(flagged.hasFlagOn(PartyFlag.INSOLVENT, LocalDate.of(2030, 1, 1))).isTrue();
        assertThat(jdbc.sql("select recorded_by from party_flag where party_id = ? and flag = 'VULNERABLE'")
                .param(party.id()).query(String.class).single()).isEqualTo("officer");
        read(party.id()).andExpect(jsonPath("$.flags[*].flag", hasItem("INSOLVENT")));
    }

    @Test
    void aBadFlagIsRefused() throws Exception {
        Party party = data.person(council).create();

        flag(party.id(), """
                {"flag": "VULNERABLE", "startsOn": "2025-06-01", "endsOn": "2025-05-31", "note": "illness", "consent": true}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("endsOn"));
        // a vulnerability is recorded with the customer's consent and the reason (UK GDPR art. 9)
        flag(party.id(), """
                {"flag": "VULNERABLE", "startsOn": "2025-06-01", "note": "illness", "consent": false}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("consent"));
        flag(party.id(), """
                {"flag": "VULNERABLE", "startsOn": "2025-06-01", "consent": true}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("note"));
        flag(party.id(), """
                {"startsOn": "2025-06-01"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("flag"));
        flag(party.id(), """
                {"flag": "BANKRUPT", "startsOn": "2025-06-01"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("flag"));
        flag(party.id(), """
                {"flag": "DECEASED"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("startsOn"));
        flag(987_654_321_000L, """
                {"flag": "DECEASED", "startsOn": "2025-06-01"}""")
                .andExpect(status().isNotFound());

        assertThat(parties.get(party.id()).flags()).isEmpty();
    }

    @Test
    void theSameFlagFromTheSameDayTwiceIsAConflictThatQuotesNoData() throws Exception {
        Party party = data.person(council).create();
        String json = """
                {"flag": "DECEASED", "startsOn": "2025-06-01", "note": "notified by the registrar"}""";
        flag(party.id(), json).andExpect(status().isCreated());

        String body = flag(party.id(), json)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("party_flag", "registrar", "duplicate key", "Exception");
        assertThat(parties.get(party.id()).flags()).hasSize(1);
    }
}
