package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.AccountStatus;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class FormerTenantArrearsIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Accounts accounts;

    @Test
    void theClosingBalanceMovesToANewArrearsAccountForTheSameTenantsOnce() throws Exception {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Housing Test Council").create();
        }
        Account rent = data.account(council).stream(RevenueStream.HOUSING_RENT)
                .property(data.dwelling(council).weeklyRentPence(9_500L).create()).from(LocalDate.of(2022, 4, 4)).open();
        ledger.post(Posting.of(rent.reference(), FinancialYear.of(2026), EntryType.CHARGE, Money.ofPence(47_500), LocalDate.of(2026, 5, 4), "rent"));
        ledger.post(Posting.of(rent.reference(), FinancialYear.of(2026), EntryType.PAYMENT, Money.ofPence(-9_500), LocalDate.of(2026, 5, 8), "payment"));

        String body = mvc.perform(post("/api/v1/accounts/{ref}/end-tenancy", rent.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\": \"2026-06-07\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amountPence").value(38_000))
                .andReturn().getResponse().getContentAsString();
        AccountReference ftaRef = AccountReference.parse(JsonMapper.builder().build().readTree(body).get("formerTenantArrearsAccount").asString());

        Account fta = accounts.get(ftaRef);
        assertThat(fta.stream()).isEqualTo(RevenueStream.FORMER_TENANT_ARREARS);
        assertThat(fta.liablePartyIds()).isEqualTo(rent.liablePartyIds());
        assertThat(ledger.balance(fta)).isEqualTo(Money.ofPence(38_000));
        Account closed = accounts.get(rent.reference());
        assertThat(closed.status()).isEqualTo(AccountStatus.CLOSED);
        assertThat(closed.liabilityEnd()).isEqualTo(LocalDate.of(2026, 6, 7));
        assertThat(ledger.balance(closed)).isEqualTo(Money.ZERO);

        mvc.perform(post("/api/v1/accounts/{ref}/end-tenancy", rent.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\": \"2026-06-07\"}"))
                .andExpect(status().isConflict());
        assertThat(ledger.balance(fta)).isEqualTo(Money.ofPence(38_000));
    }

    @Test
    void onlyARentAccountHasATenancyToEnd() throws Exception {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Housing Test Council").create();
        }
        Account councilTax = data.account(council).open();
        mvc.perform(post("/api/v1/accounts/{ref}/end-tenancy", councilTax.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\": \"2026-06-07\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reference"));
        mvc.perform(post("/api/v1/accounts/{ref}/end-tenancy", councilTax.reference().value()).with(httpBasic("auditor", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endedOn\": \"2026-06-07\"}"))
                .andExpect(status().isForbidden());
        assertThat(accounts.get(councilTax.reference()).status()).isEqualTo(AccountStatus.OPEN);
    }
}
