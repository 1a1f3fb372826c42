package org.reclaim.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class InstalmentOptionsApiIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    BillingAuthority council;

    @BeforeEach
    void setUp() {
        council = TestData.from(context).authority().name("Instalment Options Council").create();
    }

    private MockHttpServletRequestBuilder set(String json) {
        return put("/api/v1/authorities/{code}/instalment-options", council.gssCode()).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    @Test
    void anAdministratorOffersWeeklyPlansAndAnyoneSignedInReadsIt() throws Exception {
        mvc.perform(get("/api/v1/authorities/{code}/instalment-options", council.gssCode()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authority").value(council.gssCode()))
                .andExpect(jsonPath("$.weekly").value(false))
                .andExpect(jsonPath("$.fortnightly").value(false));
        mvc.perform(set("{\"weekly\": true, \"fortnightly\": false}").with(httpBasic("admin", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weekly").value(true))
                .andExpect(jsonPath("$.fortnightly").value(false));
        mvc.perform(get("/api/v1/authorities/{code}/instalment-options", council.gssCode()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(jsonPath("$.weekly").value(true));
        assertThat(authorities.instalmentOptions(council.id())).isEqualTo(new InstalmentOptions(true, false));
    }

    @Test
    void onlyAnAdministratorSetsItAndBothFrequenciesMustBeSaid() throws Exception {
        for (String user : new String[] {"officer", "teamleader", "auditor"}) {
            mvc.perform(set("{\"weekly\": true, \"fortnightly\": true}").with(httpBasic(user, "reclaim-demo")))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(set("{\"weekly\": true, \"fortnightly\": true}")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/authorities/{code}/instalment-options", council.gssCode())).andExpect(status().isUnauthorized());
        assertThat(authorities.instalmentOptions(council.id())).isEqualTo(InstalmentOptions.MONTHLY_ONLY);

        mvc.perform(set("{\"weekly\": true}").with(httpBasic("admin", "reclaim-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("fortnightly"));
        mvc.perform(put("/api/v1/authorities/E99999999/instalment-options").with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weekly\": true, \"fortnightly\": true}"))
                .andExpect(status().isNotFound());
    }
}
