package org.reclaim.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
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
class PropertiesApiIT {

    private static BillingAuthority council;
    private static BillingAuthority neighbour;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Properties API Test Council").create();
            neighbour = data.authority().name("Properties API Neighbour Council").create();
        }
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/properties").with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static String dwelling(BillingAuthority authority, long uprn, String postcode) {
        return """
                {"authorityCode": "%s", "uprn": %d, "kind": "DWELLING", "addressLine1": " 12 Station Road ", "addressLine2": "Flat 2",
                 "town": "Wigston", "postcode": "%s", "councilTaxBand": "D", "weeklyRentPence": 9550}"""
                .formatted(authority.gssCode(), uprn, postcode);
    }

    private long propertiesOf(BillingAuthority authority) {
        return jdbc.sql("select count(*) from property where authority_id = ?").param(authority.id()).query(Long.class).single();
    }

    @Test
    void createsADwellingAndReadsItBack() throws Exception {
        long uprn = TestData.uniqueUprn();
        String body = create(dwelling(council, uprn, "le182dr"))
                .andExpect(status().isCreated())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").isNumber())
                .andExpect(jsonPath("$.authorityId").value(council.id()))
                .andExpect(jsonPath("$.uprn").value(uprn))
                .andExpect(jsonPath("$.kind").value("DWELLING"))
                .andExpect(jsonPath("$.addressLine1").value("12 Station Road"))
                .andExpect(jsonPath("$.town").value("Wigston"))
                .andExpect(jsonPath("$.postcode").value("LE18 2DR"))
                .andExpect(jsonPath("$.councilTaxBand").value("D"))
                .andExpect(jsonPath("$.weeklyRentPence").value(9550))
                .andExpect(jsonPath("$.rateableValuePence").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        mvc.perform(get("/api/v1/properties/{id}", id).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.uprn").value(uprn))
                .andExpect(jsonPath("$.addressLine2").value("Flat 2"))
                .andExpect(jsonPath("$.postcode").value("LE18 2DR"));
    }

    @Test
    void createsANonDomesticProperty() throws Exception {
        create("""
                {"authorityCode": "%s", "uprn": %d, "kind": "NON_DOMESTIC", "addressLine1": "Unit 4, Trade Park", "town": "Wigston",
                 "postcode": "LE18 4XY", "rateableValuePence": 1250000, "ratesDescription": "Shop and premises"}"""
                .formatted(council.gssCode(), TestData.uniqueUprn()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("NON_DOMESTIC"))
                .andExpect(jsonPath("$.rateableValuePence").value(1_250_000))
                .andExpect(jsonPath("$.ratesDescription").value("Shop and premises"))
                .andExpect(jsonPath("$.councilTaxBand").doesNotExist());
    }

    @Test
    void aDuplicateUprnIsRefusedForTheSameAuthorityOnly() throws Exception {
        long uprn = TestData.uniqueUprn();
        create(dwelling(council, uprn, "LE18 2DR")).andExpect(status().isCreated());
        long before = propertiesOf(council);

        String body = create(dwelling(council, uprn, "LE18 9ZZ"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("uprn"))
                .andExpect(jsonPath("$.errors[0].field").value("uprn"))
                .andExpect(jsonPath("$.errors[0].message", containsString("already")))
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception", "org.reclaim");
        assertThat(propertiesOf(council)).isEqualTo(before);

        // another authority of the installation may hold the same UPRN (a property on a boundary, a shared service)
        create(dwelling(neighbour, uprn, "LE18 2DR")).andExpect(status().isCreated());
    }

    static Stream<Arguments> badProperties() {
        return Stream.of(
                Arguments.of("a bad postcode", "postcode", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "WIGSTON", "councilTaxBand": "A"}"""),
                Arguments.of("a postcode with a missing letter", "postcode", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2D", "councilTaxBand": "A"}"""),
                Arguments.of("no postcode", "postcode", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "councilTaxBand": "A"}"""),
                Arguments.of("no UPRN", "uprn", """
                        {"authorityCode": "GSS", "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "councilTaxBand": "A"}"""),
                Arguments.of("a UPRN of zero", "uprn", """
                        {"authorityCode": "GSS", "uprn": 0, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "councilTaxBand": "A"}"""),
                Arguments.of("a UPRN of 13 digits", "uprn", """
                        {"authorityCode": "GSS", "uprn": 1000000000000, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "councilTaxBand": "A"}"""),
                Arguments.of("a UPRN that is not a number", "uprn", """
                        {"authorityCode": "GSS", "uprn": "10-20", "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "councilTaxBand": "A"}"""),
                Arguments.of("a band for a shop", "councilTaxBand", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "NON_DOMESTIC", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "councilTaxBand": "A"}"""),
                Arguments.of("a rateable value for a dwelling", "rateableValuePence", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "rateableValuePence": 100000}"""),
                Arguments.of("an unknown band", "councilTaxBand", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "councilTaxBand": "Z"}"""),
                Arguments.of("a negative rent", "weeklyRentPence", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": "1 High St", "town": "Wigston",
                         "postcode": "LE18 2DR", "weeklyRentPence": -1}"""),
                Arguments.of("no first line of address", "addressLine1", """
                        {"authorityCode": "GSS", "uprn": UPRN, "kind": "DWELLING", "addressLine1": " ", "town": "Wigston",
                         "postcode": "LE18 2DR"}"""),
                Arguments.of("no kind", "kind", """
                        {"authorityCode": "GSS", "uprn": UPRN, "addressLine1": "1 High St", "town": "Wigston", "postcode": "LE18 2DR"}"""),
                Arguments.of("malformed JSON", "body", """
                        {"authorityCode": "GSS", "uprn": UPRN,"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProperties")
    void aBadPropertyIsRefusedNamingTheFieldAndNothingIsWritten(String what, String field, String template) throws Exception {
        long before = propertiesOf(council);

        String body = create(template.replace("GSS", council.gssCode()).replace("UPRN", String.valueOf(TestData.uniqueUprn())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Exception", "org.reclaim", "\tat ");
        assertThat(propertiesOf(council)).isEqualTo(before);
    }

    @Test
    void anUnknownPropertyIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/properties/{id}", 987_654_321_000L).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }
}
