package org.reclaim.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyFlag;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The run passes over an account whose every liable party is dead or insolvent, and goes on against a joint payer who is not. */
@IntegrationTest
class RecoveryPartyFlagsIT {

    private static final FinancialYear Y = FinancialYear.of(2026);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling billing;
    @Autowired Parties parties;
    @Autowired JdbcClient jdbc;

    @Test
    void nobodyLeftToPursueHoldsTheAccountAndAJointPayerStaysLiable() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Flags Council").create();
        authorities.replacePrecepts(council.id(), Y, List.of(
                new Authorities.PreceptSetting("Flags Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        Party late = data.person(council).create();
        Party widow = data.person(council).create();
        Party bankrupt = data.person(council).create();
        parties.addFlag(late.id(), PartyFlag.DECEASED, LocalDate.of(2026, 3, 20), null, "death notified by executor", null);
        parties.addFlag(bankrupt.id(), PartyFlag.INSOLVENT, LocalDate.of(2026, 3, 1), null, "bankruptcy order", null);
        Account sole = billed(data, council, late);
        Account joint = billed(data, council, late, widow);
        Account insolvent = billed(data, council, bankrupt);

        String body = mvc.perform(post("/api/v1/recovery/runs").param("authority", council.gssCode()).param("date", "2026-04-02")
                        .with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long run = ((Number) JsonPath.read(body, "$.id")).longValue();

        assertThat(actions(sole)).isEmpty();
        assertThat(actions(insolvent)).isEmpty();
        assertThat(actions(joint)).containsExactly("REMINDER_1");
        mvc.perform(get("/api/v1/recovery/runs/{id}/lines", run).param("state", "PASSED_OVER").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.account == '" + sole.reference().value() + "')].holdType").value("DECEASED"))
                .andExpect(jsonPath("$[?(@.account == '" + insolvent.reference().value() + "')].holdType").value("INSOLVENCY"))
                .andExpect(jsonPath("$[?(@.account == '" + sole.reference().value() + "')].note")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("every liable party is flagged deceased from 20 March 2026"))));
    }

    private Account billed(TestData data, BillingAuthority council, Party... liable) {
        Account a = data.account(council).liable(liable).property(data.dwelling(council).band(CouncilTaxBand.D).create())
                .from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private List<String> actions(Account a) {
        return jdbc.sql("select code from recovery_action where authority_id = ? and account_id = ? order by id")
                .params(a.authorityId(), a.id()).query(String.class).list();
    }
}
