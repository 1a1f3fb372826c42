package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.Ledger;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class HousingBenefitOverpaymentsIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Ledger ledger;

    private ResultActions raise(String json) throws Exception {
        return mvc.perform(post("/api/v1/hb-overpayments").with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aRecoverableOverpaymentIsChargedOnceTheAppealMonthHasPassedAndAnOfficialErrorOneIsOnlyRecorded() throws Exception {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Overpayment Test Council").create();
        }
        Party claimant = data.person(council).create();
        String body = raise("""
                {"authorityCode": "%s", "claimantId": %d, "periodFrom": "2026-01-05", "periodTo": "2026-03-29",
                 "amountPence": 84210, "classification": "CLAIMANT_ERROR", "raisedOn": "2026-05-11"}""".formatted(council.gssCode(), claimant.id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dueOn").value("2026-06-11"))
                .andExpect(jsonPath("$.recoverable").value(true))
                .andReturn().getResponse().getContentAsString();
        AccountReference account = AccountReference.parse(JsonMapper.builder().build().readTree(body).get("accountReference").asString());
        assertThat(ledger.balance(accounts.get(account))).isEqualTo(Money.ofPence(84210));
        assertThat(ledger.arrears(accounts.get(account), LocalDate.of(2026, 6, 10))).isEqualTo(Money.ZERO);
        assertThat(ledger.arrears(accounts.get(account), LocalDate.of(2026, 6, 11))).isEqualTo(Money.ofPence(84210));

        // an official-error overpayment the claimant could not have realised is recorded on the same account, not charged
        raise("""
                {"authorityCode": "%s", "claimantId": %d, "accountReference": "%s", "periodFrom": "2026-04-06", "periodTo": "2026-04-26",
                 "amountPence": 15000, "classification": "LA_ERROR", "recoverable": false, "raisedOn": "2026-05-11"}"""
                .formatted(council.gssCode(), claimant.id(), account.value()))
                .andExpect(status().isCreated());
        assertThat(ledger.balance(accounts.get(account))).isEqualTo(Money.ofPence(84210));
        mvc.perform(get("/api/v1/accounts/{ref}/hb-overpayments", account.value()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].classification").value("LA_ERROR"));

        // only an official error can be unrecoverable; a period must not end before it starts
        raise("""
                {"authorityCode": "%s", "claimantId": %d, "periodFrom": "2026-01-05", "periodTo": "2026-03-29",
                 "amountPence": 100, "classification": "FRAUD", "recoverable": false}""".formatted(council.gssCode(), claimant.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("recoverable"));
        raise("""
                {"authorityCode": "%s", "claimantId": %d, "periodFrom": "2026-03-05", "periodTo": "2026-01-29",
                 "amountPence": 100, "classification": "OTHER"}""".formatted(council.gssCode(), claimant.id()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("periodTo"));
        assertThat(accounts.ofParty(claimant)).hasSize(1);
    }
}
