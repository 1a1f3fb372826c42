package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Ledger;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.InstalmentOptions;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Weekly and fortnightly Council Tax plans, where the authority offers them. */
@IntegrationTest
class AgreedInstalmentPlansIT {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final FinancialYear Y2026 = FinancialYear.of(2026);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling councilTaxBilling;
    @Autowired BillingRuns runs;
    @Autowired Bills bills;
    TestData data;
    BillingAuthority council;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        council = data.authority().name("Weekly Plans Council").create();
        // Band D £2,000.00 + £330.02 in both years
        for (FinancialYear year : List.of(Y2025, Y2026)) {
            authorities.replacePrecepts(council.id(), year, List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                    new Authorities.PreceptSetting("Weekly Plans Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        }
    }

    private Account bandDAccount() {
        return data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
    }

    private ResultActions bill(Account account, String json) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/council-tax-bills", account.reference().value())
                .with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aWeeklyPlanWhereTheAuthorityOffersItAndARebillKeepsIt() throws Exception {
        authorities.setInstalmentOptions(council.id(), new InstalmentOptions(true, false));
        Account account = bandDAccount();
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-06\", \"scheme\": \"WEEKLY\", \"paymentDay\": 5}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheme").value("WEEKLY"))
                .andExpect(jsonPath("$.paymentDay").value(5))
                .andExpect(jsonPath("$.totalPence").value(233002))
                .andExpect(jsonPath("$.instalments.length()").value(52))
                .andExpect(jsonPath("$.instalments[0].dueOn").value("2026-04-03"))
                .andExpect(jsonPath("$.instalments[0].amountPence").value(3502))
                .andExpect(jsonPath("$.instalments[1].dueOn").value("2026-04-10"))
                .andExpect(jsonPath("$.instalments[1].amountPence").value(4500))
                .andExpect(jsonPath("$.instalments[51].dueOn").value("2027-03-26"));
        // only the first Friday has fallen due by 6 April
        assertThat(ledger.arrears(account, LocalDate.of(2026, 4, 6))).isEqualTo(Money.ofPence(3502));

        // a single person discount on 20 July: the Fridays to 31 July stay, the rest goes over the Fridays from 7 August
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-07-20\", \"discount\": \"SINGLE_PERSON\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheme").value("WEEKLY"))
                .andExpect(jsonPath("$.paymentDay").value(5))
                .andExpect(jsonPath("$.totalPence").value(174751))
                .andExpect(jsonPath("$.instalments.length()").value(52))
                .andExpect(jsonPath("$.instalments[17].dueOn").value("2026-07-31"))
                .andExpect(jsonPath("$.instalments[17].amountPence").value(4500))
                .andExpect(jsonPath("$.instalments[18].dueOn").value("2026-08-07"))
                .andExpect(jsonPath("$.instalments[18].amountPence").value(2349))
                .andExpect(jsonPath("$.instalments[19].amountPence").value(2800))
                .andExpect(jsonPath("$.instalments[51].dueOn").value("2027-03-26"));
        // even once the authority stops offering weekly plans, an agreed one is kept through a rebill
        authorities.setInstalmentOptions(council.id(), InstalmentOptions.MONTHLY_ONLY);
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-08-20\", \"scheme\": \"WEEKLY\", \"paymentDay\": 5, "
                + "\"disabledBandReduction\": true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheme").value("WEEKLY"))
                .andExpect(jsonPath("$.instalments[51].dueOn").value("2027-03-26"));
    }

    @Test
    void refusedWhereTheAuthorityDoesNotOfferItOrTheDayIsNoWeekday() throws Exception {
        authorities.setInstalmentOptions(council.id(), new InstalmentOptions(true, false));
        Account account = bandDAccount();
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-06\", \"scheme\": \"FORTNIGHTLY\", \"paymentDay\": 5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scheme"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/instalment-options")));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-06\", \"scheme\": \"WEEKLY\", \"paymentDay\": 9}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("paymentDay"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 (Monday) to 7 (Sunday)")));
        bill(account, "{\"financialYear\": \"2026/27\", \"scheme\": \"DAILY\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scheme"));
        assertThat(ledger.entries(account)).isEmpty();

        // offered, fortnightly on Mondays: every other Monday from 6 April 2026 to 29 March 2027
        authorities.setInstalmentOptions(council.id(), new InstalmentOptions(false, true));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-06\", \"scheme\": \"FORTNIGHTLY\", \"paymentDay\": 1}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.instalments.length()").value(26))
                .andExpect(jsonPath("$.instalments[0].dueOn").value("2026-04-06"))
                .andExpect(jsonPath("$.instalments[1].dueOn").value("2026-04-20"))
                .andExpect(jsonPath("$.instalments[25].dueOn").value("2027-03-22"));
        mvc.perform(get("/api/v1/accounts/{ref}/instalments", account.reference().value()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(26));
    }

    @Test
    void theAnnualRunCarriesAnAgreedPlanWhileTheAuthorityStillOffersIt() {
        authorities.setInstalmentOptions(council.id(), new InstalmentOptions(true, true));
        Account weekly = bandDAccount();
        Account fortnightly = bandDAccount();
        councilTaxBilling.bill(weekly.reference(), Y2025, LocalDate.of(2025, 3, 6), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("WEEKLY", 5));
        councilTaxBilling.bill(fortnightly.reference(), Y2025, LocalDate.of(2025, 3, 6), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("FORTNIGHTLY", 3));
        // the council stops offering fortnightly plans before the new year's bills go out
        authorities.setInstalmentOptions(council.id(), new InstalmentOptions(true, false));

        BillingRuns.BillingRun run = runs.runNow(council, Y2026, LocalDate.of(2026, 3, 6));

        assertThat(run.accountsBilled()).isEqualTo(2);
        Bill weeklyBill = bills.current(weekly, Y2026).orElseThrow();
        assertThat(weeklyBill.scheme()).isEqualTo("WEEKLY");
        assertThat(weeklyBill.paymentDay()).isEqualTo(5);
        assertThat(weeklyBill.instalments()).hasSize(52).allMatch(i -> i.dueOn().getDayOfWeek() == DayOfWeek.FRIDAY);
        assertThat(weeklyBill.instalments().get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(weeklyBill.instalments().stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(weeklyBill.total());
        // the withdrawn fortnightly plan becomes the statutory ten monthly instalments on the 1st
        Bill monthlyBill = bills.current(fortnightly, Y2026).orElseThrow();
        assertThat(monthlyBill.scheme()).isEqualTo("TEN_MONTHLY");
        assertThat(monthlyBill.paymentDay()).isEqualTo(1);
        assertThat(monthlyBill.instalments()).hasSize(10);
        assertThat(monthlyBill.instalments().get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
    }
}
