package org.reclaim.authorities;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.properties.Property;
import org.reclaim.shared.CouncilTaxBand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Parish areas: a parish precept is set with the year, read with ?parish=, and billed only to dwellings in the parish. */
@IntegrationTest
class ParishApiIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    TestData data;

    // Band D £1,000.00 across the authority, £28.86 more in Haigh (a test figure; each body rounded on its own)
    private static final String YEAR = """
            {"precepts": [
              {"name": "Test Metropolitan Council", "bandDPence": 100000, "kind": "BILLING_AUTHORITY", "source": "test"},
              {"name": "Haigh Parish Council", "parish": "Haigh", "bandDPence": 2886, "source": "test"}
            ]}""";

    @BeforeEach
    void setUp() throws Exception {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Parish Test Council").kind(AuthorityKind.METROPOLITAN_DISTRICT).create();
            setYear(2026, YEAR, "admin").andExpect(status().isOk());
        }
    }

    private ResultActions setYear(int year, String json, String user) throws Exception {
        return mvc.perform(put("/api/v1/authorities/" + council.gssCode() + "/council-tax/" + year).with(httpBasic(user, "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions bands(String query) throws Exception {
        return mvc.perform(get("/api/v1/authorities/" + council.gssCode() + "/council-tax/2026/bands" + query)
                .with(httpBasic("officer", "reclaim-demo")));
    }

    private ResultActions moveToParish(Property property, String json, String user) throws Exception {
        return mvc.perform(put("/api/v1/properties/{id}/parish", property.id()).with(httpBasic(user, "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void withoutAParishTheBandsAreTheUnparishedAreasAsBefore() throws Exception {
        bands("").andExpect(status().isOk())
                .andExpect(jsonPath("$.parish").doesNotExist())
                .andExpect(jsonPath("$.bands[3].amountPence").value(100000))
                .andExpect(jsonPath("$.bands[3].precepts.length()").value(1));
    }

    @Test
    void aParishAreasBandsAddItsPreceptRoundedOnItsOwn() throws Exception {
        // Band A: 1,000.00 x 6/9 = 666.666.. -> 666.67; 28.86 x 6/9 = 19.24; 685.91
        // Band B: 777.777.. -> 777.78; 28.86 x 7/9 = 22.446.. -> 22.45; 800.23
        bands("?parish=haigh").andExpect(status().isOk())
                .andExpect(jsonPath("$.parish").value("Haigh"))
                .andExpect(jsonPath("$.bands[0].amountPence").value(68591))
                .andExpect(jsonPath("$.bands[1].amountPence").value(80023))
                .andExpect(jsonPath("$.bands[1].precepts[1].name").value("Haigh Parish Council"))
                .andExpect(jsonPath("$.bands[1].precepts[1].kind").value("PARISH"))
                .andExpect(jsonPath("$.bands[1].precepts[1].amountPence").value(2245))
                .andExpect(jsonPath("$.bands[3].amountPence").value(102886));
    }

    @Test
    void anUnknownParishIsRefusedWithTheField() throws Exception {
        bands("?parish=Nowhere").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("parish"));
        Property home = data.dwelling(council).band(CouncilTaxBand.D).create();
        moveToParish(home, "{\"parish\": \"Nowhere\"}", "teamleader").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("parish"));
        setYear(2027, "{\"precepts\": [{\"name\": \"P\", \"parish\": \"  \", \"bandDPence\": 1}]}", "admin")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("precepts[0].parish"));
    }

    @Test
    void onlyATeamLeaderOrAnAdministratorMovesADwellingIntoAParish() throws Exception {
        Property home = data.dwelling(council).band(CouncilTaxBand.D).create();
        moveToParish(home, "{\"parish\": \"Haigh\"}", "officer").andExpect(status().isForbidden());
        moveToParish(home, "{\"parish\": \"Haigh\"}", "admin").andExpect(status().isOk()).andExpect(jsonPath("$.parishId").isNumber());
        moveToParish(home, "{\"parish\": null}", "teamleader").andExpect(status().isOk()).andExpect(jsonPath("$.parishId").doesNotExist());
    }

    @Test
    void aDwellingInTheParishIsBilledItsPreceptAndOneOutsideIsNot() throws Exception {
        Property inHaigh = data.dwelling(council).band(CouncilTaxBand.B).create();
        moveToParish(inHaigh, "{\"parish\": \"Haigh\"}", "teamleader").andExpect(status().isOk());
        Account parished = data.account(council).property(inHaigh).from(LocalDate.of(2020, 1, 1)).open();
        Account unparished = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.B).create())
                .from(LocalDate.of(2020, 1, 1)).open();
        bill(parished).andExpect(status().isCreated()).andExpect(jsonPath("$.totalPence").value(80023));
        bill(unparished).andExpect(status().isCreated()).andExpect(jsonPath("$.totalPence").value(77778));
    }

    private ResultActions bill(Account account) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/council-tax-bills", account.reference().value())
                .with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}"));
    }
}
