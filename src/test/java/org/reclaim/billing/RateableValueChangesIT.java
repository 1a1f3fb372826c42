package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.AppendOnlyTables;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;

/** Backdated rateable value alterations: recorded once, each billed year rebilled day by day, only the difference posted. */
@IntegrationTest
class RateableValueChangesIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Properties properties;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Rateable Value Changes Test Council").create();
        }
    }

    private Account shopBilledFor2025(Property shop) throws Exception {
        Account account = data.account(council).stream(RevenueStream.BUSINESS_RATES).property(shop).from(LocalDate.of(2020, 4, 1)).open();
        mvc.perform(post("/api/v1/accounts/{ref}/business-rates-bills", account.reference().value())
                        .with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"financialYear\": \"2025/26\", \"issuedOn\": \"2025-03-05\"}"))
                .andExpect(status().isCreated());
        return account;
    }

    private ResultActions change(Property property, String json) throws Exception {
        return mvc.perform(post("/api/v1/properties/{id}/rateable-value-changes", property.id()).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String bills(Account account) throws Exception {
        return mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long sumOfInstalments(String json, String path) {
        List<Number> amounts = JsonPath.read(json, path);
        return amounts.stream().mapToLong(Number::longValue).sum();
    }

    @Test
    void aBackdatedReductionChargesEachPartOfTheYearWithItsOwnValueAndReliefAndPostsTheDifference() throws Exception {
        // 2025/26 (365 days), small business multiplier 49.9p (RV under £51,000; REFERENCE 2.4). Billed at RV £14,000:
        // 14,000 x 49.9p = £6,986.00; small business rate relief tapers from 100% at £12,000 to nothing at £15,000
        // (REFERENCE 2.5), so (15,000 - 14,000) / 3,000 = one third: £2,328.67 (232866.67 -> 232867); total £4,657.33.
        // Ten instalments from April: 465733 / 10 = 465.73 -> nine of £466 and the first takes the rest, £463.33.
        Property shop = data.nonDomestic(council).rateableValuePence(1_400_000L).create();
        Account account = shopBilledFor2025(shop);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(465_733));

        // On 20 October 2025 the VOA reduces the value to £11,500 from 1 October 2025. The year is charged in two parts:
        //   1 Apr - 30 Sep 2025, 183 days at £14,000: 698600 x 183/365 = 350256.99 -> 350257; relief one third of it,
        //     116752.33 -> 116752; the part comes to 233505
        //   1 Oct 2025 - 31 Mar 2026, 182 days at £11,500: 11,500 x 49.9p = £5,738.50; 573850 x 182/365 = 286138.90 -> 286139;
        //     at £12,000 or less small business rate relief is 100%: -286139; the part comes to nothing
        // New total 233505 (£2,335.05); the difference, 233505 - 465733 = -232228, is posted as an ADJUSTMENT.
        String rebills = change(shop, """
                {"rateableValuePence": 1150000, "effectiveFrom": "2025-10-01", "source": "VOA alteration 12345", "issuedOn": "2025-10-20"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].financialYear").value("2025/26"))
                .andExpect(jsonPath("$[0].reason").value("Rateable value changed to £11,500.00 from 2025-10-01 (VOA alteration 12345)"))
                .andExpect(jsonPath("$[0].lines.length()").value(4))
                .andExpect(jsonPath("$[0].lines[0].kind").value("CHARGE"))
                .andExpect(jsonPath("$[0].lines[0].description").value("Rateable value £14,000.00 x 49.9p, 1 Apr 2025 to 30 Sep 2025 (183 days)"))
                .andExpect(jsonPath("$[0].lines[0].amountPence").value(350_257))
                .andExpect(jsonPath("$[0].lines[1].description").value("Small business rate relief, 1 Apr 2025 to 30 Sep 2025 (183 days)"))
                .andExpect(jsonPath("$[0].lines[1].amountPence").value(-116_752))
                .andExpect(jsonPath("$[0].lines[2].description").value("Rateable value £11,500.00 x 49.9p, 1 Oct 2025 to 31 Mar 2026 (182 days)"))
                .andExpect(jsonPath("$[0].lines[2].amountPence").value(286_139))
                .andExpect(jsonPath("$[0].lines[3].kind").value("RELIEF"))
                .andExpect(jsonPath("$[0].lines[3].amountPence").value(-286_139))
                .andExpect(jsonPath("$[0].totalPence").value(233_505))
                // the instalments due before the adjustment day (3 November) held 372533, more than the new total: April to
                // August (46333 + 4 x 46600 = 232733) stay as billed, September is cut to the 772 left and October and
                // November to nothing, so the plan never demands more than the bill (what was paid beyond it is a credit)
                .andExpect(jsonPath("$[0].instalments[0].amountPence").value(46_333))
                .andExpect(jsonPath("$[0].instalments[4].dueOn").value("2025-08-01"))
                .andExpect(jsonPath("$[0].instalments[4].amountPence").value(46_600))
                .andExpect(jsonPath("$[0].instalments[5].amountPence").value(772))
                .andReturn().getResponse().getContentAsString();
        assertThat(sumOfInstalments(rebills, "$[0].instalments[*].amountPence")).isEqualTo(233_505);
        List<LedgerEntry> entries = ledger.entries(account);
        assertThat(entries).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE, EntryType.ADJUSTMENT);
        assertThat(entries.get(1).amount()).isEqualTo(Money.ofPence(-232_228));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(233_505));
        // the value in force today is the altered one; the history keeps the one held before with the day lists began
        assertThat(properties.get(shop.id()).rateableValuePence()).isEqualTo(1_150_000L);
        assertThat(properties.rateableValuesBetween(properties.get(shop.id()), LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31)))
                .containsExactly(new Properties.RateableValuePeriod(LocalDate.of(2025, 4, 1), Money.ofPence(1_400_000),
                                "held before the first recorded alteration"),
                        new Properties.RateableValuePeriod(LocalDate.of(2025, 10, 1), Money.ofPence(1_150_000), "VOA alteration 12345"));

        // the same alteration again records nothing and rebills nothing
        String before = bills(account);
        change(shop, """
                {"rateableValuePence": 1150000, "effectiveFrom": "2025-10-01", "source": " VOA alteration 12345 ", "issuedOn": "2025-11-02"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(content().json(before)).andExpect(jsonPath("$.length()").value(2));
        assertThat(ledger.entries(account)).hasSize(2);
        assertThat(jdbc.sql("select count(*) from rateable_value_history where authority_id = ? and property_id = ?")
                .params(council.id(), shop.id()).query(Long.class).single()).isEqualTo(2);
        AppendOnlyTables.assertRefused(transactions, jdbc, "update rateable_value_history set rateable_value_pence = 0 where property_id = " + shop.id());
        AppendOnlyTables.assertRefused(transactions, jdbc, "delete from rateable_value_history where property_id = " + shop.id());
    }

    @Test
    void aBackdatedIncreaseKeepsTheInstalmentsAlreadyDueAndSpreadsTheRestOverThoseLeft() throws Exception {
        // RV £20,000 for 2025/26 (no small business rate relief above £15,000): 20,000 x 49.9p = £9,980, ten of £998
        Property shop = data.nonDomestic(council).rateableValuePence(2_000_000L).create();
        Account account = shopBilledFor2025(shop);

        // on 20 October 2025 the VOA raises it to £24,000 from 1 October: 183 days at 998000 (182634000/365 = 500367.12 ->
        // 500367) and 182 days at 24,000 x 49.9p = 1197600 (217963200/365 = 597159.45 -> 597159): 1097526, +99526
        change(shop, """
                {"rateableValuePence": 2400000, "effectiveFrom": "2025-10-01", "source": "2023 list", "issuedOn": "2025-10-20"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].totalPence").value(1_097_526))
                .andExpect(jsonPath("$[0].lines.length()").value(2))
                .andExpect(jsonPath("$[0].lines[0].amountPence").value(500_367))
                .andExpect(jsonPath("$[0].lines[1].amountPence").value(597_159))
                // April to November fall due before the adjustment day (3 November) and stay at £998 each (798400); the
                // rest, 299126, goes over December and January: £1,495.63 -> £1,496, the first takes the odd 149526
                .andExpect(jsonPath("$[0].instalments.length()").value(10))
                .andExpect(jsonPath("$[0].instalments[0].amountPence").value(99_800))
                .andExpect(jsonPath("$[0].instalments[7].dueOn").value("2025-11-01"))
                .andExpect(jsonPath("$[0].instalments[7].amountPence").value(99_800))
                .andExpect(jsonPath("$[0].instalments[8].dueOn").value("2025-12-01"))
                .andExpect(jsonPath("$[0].instalments[8].amountPence").value(149_526))
                .andExpect(jsonPath("$[0].instalments[9].amountPence").value(149_600));
        assertThat(ledger.entries(account)).extracting(e -> e.amount().pence()).containsExactly(998_000L, 99_526L);
    }

    @Test
    void anAlterationThatCannotBeRecordedIsRefusedNamingTheFieldAndNothingChanges() throws Exception {
        Property shop = data.nonDomestic(council).rateableValuePence(1_400_000L).create();
        Account account = shopBilledFor2025(shop);
        String before = bills(account);
        Property home = data.dwelling(council).create();
        change(home, "{\"rateableValuePence\": 1000000, \"effectiveFrom\": \"2025-10-01\", \"source\": \"2023 list\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("rateableValuePence"));
        change(shop, "{\"rateableValuePence\": -1, \"effectiveFrom\": \"2025-10-01\", \"source\": \"2023 list\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("rateableValuePence"));
        change(shop, "{\"effectiveFrom\": \"2025-10-01\", \"source\": \"2023 list\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("rateableValuePence"));
        // the first local rating lists were compiled on 1 April 1990 (LGFA 1988 s. 41(2))
        change(shop, "{\"rateableValuePence\": 1000000, \"effectiveFrom\": \"1990-03-31\", \"source\": \"1990 list\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("effectiveFrom"));
        change(shop, "{\"rateableValuePence\": 1000000, \"effectiveFrom\": \"2100-04-01\", \"source\": \"2023 list\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("effectiveFrom"));
        change(shop, "{\"rateableValuePence\": 1000000, \"source\": \"2023 list\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("effectiveFrom"));
        change(shop, "{\"rateableValuePence\": 1000000, \"effectiveFrom\": \"2025-10-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("source"));
        change(shop, "{\"rateableValuePence\": 1000000, \"effectiveFrom\": \"2025-10-01\", \"source\": \"  \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("source"));
        // an auditor reads properties but does not alter them
        mvc.perform(post("/api/v1/properties/{id}/rateable-value-changes", shop.id()).with(httpBasic("auditor", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rateableValuePence\": 1000000, \"effectiveFrom\": \"2025-10-01\", \"source\": \"2023 list\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(content().json(before));
        assertThat(ledger.entries(account)).hasSize(1);
        assertThat(properties.get(shop.id()).rateableValuePence()).isEqualTo(1_400_000L);
        assertThat(jdbc.sql("select count(*) from rateable_value_history where authority_id = ? and property_id in (?, ?)")
                .params(council.id(), shop.id(), home.id()).query(Long.class).single()).isZero();
    }
}
