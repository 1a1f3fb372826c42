package org.reclaim.authorities;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class CouncilTaxApiIT {

    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;

    private String code;

    @BeforeEach
    void anAuthority() {
        // a code and prefix of this test's own (98 is kept for it)
        code = "E09000098";
        if (authorities.findByGssCode(code).isEmpty()) {
            authorities.create(code, "Test Borough", AuthorityKind.LONDON_BOROUGH, 98);
        }
    }

    private static final String PRECEPTS = """
            {"precepts": [
              {"name": "County", "bandDPence": 10000, "kind": "COUNTY_COUNCIL", "source": "test"},
              {"name": "District", "bandDPence": 10001}
            ]}""";

    @Test
    void anAdministratorSetsAYearAndAnyoneSignedInReadsEachBandRoundedPerBody() throws Exception {
        mvc.perform(put("/api/v1/authorities/" + code + "/council-tax/2026").with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(PRECEPTS))
                .andExpect(status().isOk());
        // Band B: 100.00 * 7/9 = 77.78 and 100.01 * 7/9 = 77.79, each rounded on its own: 155.57 (not 155.56)
        mvc.perform(get("/api/v1/authorities/" + code + "/council-tax/2026/bands").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.financialYear").value("2026/27"))
                .andExpect(jsonPath("$.bands[1].band").value("B"))
                .andExpect(jsonPath("$.bands[1].amountPence").value(15557))
                .andExpect(jsonPath("$.bands[1].precepts[0].name").value("County"))
                .andExpect(jsonPath("$.bands[1].precepts[0].amountPence").value(7778))
                .andExpect(jsonPath("$.bands[1].precepts[1].amountPence").value(7779))
                .andExpect(jsonPath("$.bands[3].amountPence").value(20001))
                .andExpect(jsonPath("$.bands[7].amountPence").value(40002));
    }

    @Test
    void onlyAnAdministratorSetsIt() throws Exception {
        mvc.perform(put("/api/v1/authorities/" + code + "/council-tax/2026").with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(PRECEPTS))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/authorities/" + code + "/council-tax/2026/bands"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void badInputIsRefusedWithTheField() throws Exception {
        String[][] cases = {
                {"{\"precepts\": []}", "precepts"},
                {"{\"precepts\": [{\"name\": \"County\", \"bandDPence\": -1}]}", "precepts[0].bandDPence"},
                {"{\"precepts\": [{\"name\": \"County\", \"bandDPence\": \"lots\"}]}", "precepts[0].bandDPence"},
                {"{\"precepts\": [{\"name\": \"A\", \"bandDPence\": 1}, {\"name\": \"A\", \"bandDPence\": 2}]}", "precepts[1].name"},
        };
        for (String[] c : cases) {
            mvc.perform(put("/api/v1/authorities/" + code + "/council-tax/2027").with(httpBasic("admin", "reclaim-demo"))
                            .contentType(MediaType.APPLICATION_JSON).content(c[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(c[1]));
        }
        mvc.perform(get("/api/v1/authorities/" + code + "/council-tax/2027/bands").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/authorities/" + code + "/council-tax/1066/bands").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("year"));
    }
}
