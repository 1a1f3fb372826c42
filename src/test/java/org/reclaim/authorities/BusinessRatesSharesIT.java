package org.reclaim.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Retained Business Rates shares: set by an administrator, read by anyone signed in, and used by the collection fund. */
@IntegrationTest
class BusinessRatesSharesIT {

    private static final String TWO_TIER = """
            {"shares": [{"name": "Central government", "percent": "50"}, {"name": "Shares Test District", "percent": "40"},
                        {"name": "Shares Test County Council", "percent": "9", "source": "SI 2013/452 reg. 5(3)"},
                        {"name": "Shares Test Fire Authority", "percent": "1"}]}""";

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        if (council == null) {
            council = TestData.from(context).authority().name("Shares Test Council").create();
        }
    }

    private ResultActions putShares(String year, String json, String user) throws Exception {
        return mvc.perform(put("/api/v1/authorities/{code}/business-rates-shares/{year}", council.gssCode(), year)
                .with(httpBasic(user, "reclaim-demo")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions getShares(String year) throws Exception {
        return mvc.perform(get("/api/v1/authorities/{code}/business-rates-shares/{year}", council.gssCode(), year)
                .with(httpBasic("officer", "reclaim-demo")));
    }

    @Test
    void anAdministratorSetsTheSharesAndAnyoneSignedInReadsThem() throws Exception {
        putShares("2026", TWO_TIER, "admin").andExpect(status().isOk())
                .andExpect(jsonPath("$.financialYear").value("2026/27"))
                .andExpect(jsonPath("$.shares.length()").value(4));
        getShares("2026").andExpect(status().isOk())
                .andExpect(jsonPath("$.authority").value(council.gssCode()))
                .andExpect(jsonPath("$.shares[0].name").value("Central government"))
                .andExpect(jsonPath("$.shares[0].percent").value("50"))
                .andExpect(jsonPath("$.shares[2].percent").value("9"))
                .andExpect(jsonPath("$.shares[2].source").value("SI 2013/452 reg. 5(3)"))
                .andExpect(jsonPath("$.shares[3].source").value("set by admin"));
        // a second PUT replaces the year's shares; fractions are kept exactly
        putShares("2027", """
                {"shares": [{"name": "Shares Test District", "percent": "99.5"}, {"name": "Fire", "percent": "0.5"}]}""", "admin")
                .andExpect(status().isOk()).andExpect(jsonPath("$.shares[0].percent").value("99.5"));
        putShares("2026", TWO_TIER, "officer").andExpect(status().isForbidden());
        getShares("2030").andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/authorities/{code}/business-rates-shares/2026", council.gssCode())).andExpect(status().isUnauthorized());
    }

    @Test
    void sharesThatDoNotAddUpToExactlyAHundredAreRefusedAndTheOldOnesStay() throws Exception {
        putShares("2025", TWO_TIER, "admin").andExpect(status().isOk());
        String before = getShares("2025").andReturn().getResponse().getContentAsString();
        putShares("2025", """
                {"shares": [{"name": "Central government", "percent": "50"}, {"name": "District", "percent": "40"},
                            {"name": "County", "percent": "9"}]}""", "admin")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("shares"));
        putShares("2025", """
                {"shares": [{"name": "Central government", "percent": "50.00001"}, {"name": "District", "percent": "49.99999"}]}""", "admin")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("shares[0].percent"));
        putShares("2025", """
                {"shares": [{"name": "Central government", "percent": "fifty"}, {"name": "District", "percent": "50"}]}""", "admin")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("shares[0].percent"));
        putShares("2025", """
                {"shares": [{"name": "District", "percent": "50"}, {"name": "district", "percent": "50"}]}""", "admin")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("shares[1].name"));
        putShares("2025", """
                {"shares": [{"name": "District", "percent": "110"}, {"name": "Refund", "percent": "-10"}]}""", "admin")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("shares[0].percent"));
        putShares("2025", "{\"shares\": []}", "admin").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("shares"));
        getShares("2025").andExpect(content().json(before, true));
    }

    @Test
    void theCollectionFundSplitsBusinessRatesByYearAndShareToThePenny() throws Exception {
        // a council of this test alone, so its totals are only what this test posts
        TestData data = TestData.from(context);
        BillingAuthority own = data.authority().name("Rates Collection Fund Test Council").create();
        mvc.perform(put("/api/v1/authorities/{code}/business-rates-shares/2026", own.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(TWO_TIER)).andExpect(status().isOk());
        Account account = data.account(own).stream(RevenueStream.BUSINESS_RATES).from(LocalDate.of(2020, 4, 1)).open();
        ledger.post(Posting.of(account.reference(), FinancialYear.of(2026), EntryType.PAYMENT, Money.ofPence(-99_999),
                LocalDate.of(2026, 5, 1), "payment"));
        ledger.post(Posting.of(account.reference(), FinancialYear.of(2025), EntryType.PAYMENT, Money.ofPence(-333),
                LocalDate.of(2026, 5, 2), "arrears of 2025/26, whose shares are not set"));
        ledger.post(Posting.of(account.reference(), FinancialYear.of(2026), EntryType.PAYMENT, Money.ofPence(-500),
                LocalDate.of(2026, 7, 1), "after the period"));
        // 99,999 x 50% = 49,999.5, x 40% = 39,999.6, x 9% = 8,999.91, x 1% = 999.99: 99,996 in whole pence, and the
        // three pennies left go to the largest remainders (fire .99, county .91, district .6)
        mvc.perform(get("/api/v1/reports/collection-fund").param("authority", own.gssCode()).param("from", "2026-04-01")
                        .param("to", "2026-06-30").with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.councilTaxCollectedPence").value(0))
                .andExpect(jsonPath("$.councilTax.length()").value(0))
                .andExpect(jsonPath("$.businessRatesCollectedPence").value(100_332))
                .andExpect(jsonPath("$.businessRates.length()").value(2))
                .andExpect(jsonPath("$.businessRates[0].financialYear").value("2025/26"))
                .andExpect(jsonPath("$.businessRates[0].collectedPence").value(333))
                .andExpect(jsonPath("$.businessRates[0].shares.length()").value(0))
                .andExpect(jsonPath("$.businessRates[1].financialYear").value("2026/27"))
                .andExpect(jsonPath("$.businessRates[1].collectedPence").value(99_999))
                .andExpect(jsonPath("$.businessRates[1].shares[0].name").value("Central government"))
                .andExpect(jsonPath("$.businessRates[1].shares[0].sharePence").value(49_999))
                .andExpect(jsonPath("$.businessRates[1].shares[1].sharePence").value(40_000))
                .andExpect(jsonPath("$.businessRates[1].shares[2].sharePence").value(9_000))
                .andExpect(jsonPath("$.businessRates[1].shares[3].sharePence").value(1_000));
    }

    @Test
    void theDemoAuthoritiesSharesAreShippedForBothYearsAndAddUpToAHundred() {
        List<String> rows = jdbc.sql("""
                select gss_code || ' ' || financial_year || ' ' || sum(percent) from business_rates_share_published
                group by gss_code, financial_year order by gss_code, financial_year""").query(String.class).list();
        assertThat(rows).containsExactly("E07000135 2025 100.0000", "E07000135 2026 100.0000",
                "E08000010 2025 100.0000", "E08000010 2026 100.0000");
        assertThat(jdbc.sql("select count(*) from business_rates_share_published where source not like '%http%' and name <> 'Oadby and Wigston Borough Council'")
                .query(Long.class).single()).isZero();
    }
}
