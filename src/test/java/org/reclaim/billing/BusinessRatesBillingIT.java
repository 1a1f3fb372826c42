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
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Business Rates bills through the API: reliefs line by line, the statutory plan, idempotent re-posts and rebills. */
@IntegrationTest
class BusinessRatesBillingIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Rates Billing Test Council").create();
        }
    }

    private Account ratesAccount(long rateableValuePence) {
        return data.account(council).stream(RevenueStream.BUSINESS_RATES)
                .property(data.nonDomestic(council).rateableValuePence(rateableValuePence).create())
                .from(LocalDate.of(2020, 4, 1)).open();
    }

    private ResultActions bill(Account account, String json) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/business-rates-bills", account.reference().value())
                .with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private String bills(Account account) throws Exception {
        return mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static long sumOfInstalments(String billJson) {
        List<Number> amounts = JsonPath.read(billJson, "$.instalments[*].amountPence");
        return amounts.stream().mapToLong(Number::longValue).sum();
    }

    @Test
    void eachReliefIsItsOwnLineAndThePlanAddsUpToTheBill() throws Exception {
        // 2025/26, rateable value £13,500: 13,500 x 49.9p = £6,736.50; small business rate relief tapers to half
        // ((15,000 - 13,500) / 3,000) = £3,368.25; retail, hospitality and leisure relief 40% of the rest = £1,347.30
        Account account = ratesAccount(1_350_000);
        String json = bill(account, """
                {"financialYear": "2025/26", "issuedOn": "2025-03-05", "retailHospitalityLeisure": true}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scheme").value("BUSINESS_RATES"))
                .andExpect(jsonPath("$.lines.length()").value(3))
                .andExpect(jsonPath("$.lines[0].kind").value("CHARGE"))
                .andExpect(jsonPath("$.lines[0].amountPence").value(673_650))
                .andExpect(jsonPath("$.lines[1].kind").value("RELIEF"))
                .andExpect(jsonPath("$.lines[1].description").value("Small business rate relief"))
                .andExpect(jsonPath("$.lines[1].amountPence").value(-336_825))
                .andExpect(jsonPath("$.lines[2].description").value("Retail, hospitality and leisure relief (40%)"))
                .andExpect(jsonPath("$.lines[2].amountPence").value(-134_730))
                .andExpect(jsonPath("$.totalPence").value(202_095))
                // ten instalments from April (SI 1989/1058 Sch. 1 para 1): nine of £202 and the first takes the rest
                .andExpect(jsonPath("$.instalments.length()").value(10))
                .andExpect(jsonPath("$.instalments[0].dueOn").value("2025-04-01"))
                .andExpect(jsonPath("$.instalments[0].amountPence").value(20_295))
                .andExpect(jsonPath("$.instalments[9].amountPence").value(20_200))
                .andReturn().getResponse().getContentAsString();
        assertThat(sumOfInstalments(json)).isEqualTo(202_095);
        assertThat(ledger.entries(account)).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(202_095));

        // a charity: mandatory relief of 80% on its own line (2026/27: 20,000 x 43.2p = £8,640, less £6,912)
        Account charity = ratesAccount(2_000_000);
        bill(charity, """
                {"financialYear": "2026/27", "issuedOn": "2026-03-05", "charity": true, "paymentDay": 15}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.lines[1].description").value("Mandatory charity relief (80%)"))
                .andExpect(jsonPath("$.lines[1].amountPence").value(-691_200))
                .andExpect(jsonPath("$.totalPence").value(172_800))
                .andExpect(jsonPath("$.instalments[0].dueOn").value("2026-04-15"));
    }

    @Test
    void theSameRequestAgainReturnsTheSameBillAndAChangedCircumstanceRebills() throws Exception {
        // 2026/27, rateable value £20,000: 20,000 x 43.2p = £8,640 in ten equal instalments of £864
        Account account = ratesAccount(2_000_000);
        String first = bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.totalPence").value(864_000))
                .andReturn().getResponse().getContentAsString();
        String again = bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((Integer) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        assertThat(ledger.entries(account)).hasSize(1);

        // on 20 July the ratepayer says the property has been empty since 1 July: occupied 91 days (864000 x 91/365 =
        // 215408.2 -> 215408), empty 274 days (648591.8 -> 648592) with the first three months free (92 days, 217775)
        String rebill = bill(account, """
                {"financialYear": "2026/27", "issuedOn": "2026-07-20", "emptySince": "2026-07-01", "reason": "Vacated"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.supersedesBillId").value((Integer) JsonPath.read(first, "$.id")))
                .andExpect(jsonPath("$.lines.length()").value(3))
                .andExpect(jsonPath("$.lines[0].amountPence").value(215_408))
                .andExpect(jsonPath("$.lines[1].amountPence").value(648_592))
                .andExpect(jsonPath("$.lines[2].kind").value("RELIEF"))
                .andExpect(jsonPath("$.lines[2].description").value("Empty property relief"))
                .andExpect(jsonPath("$.lines[2].amountPence").value(-217_775))
                .andExpect(jsonPath("$.totalPence").value(646_225))
                // April to August had fallen due by the adjustment day (3 August): they stay as billed
                .andExpect(jsonPath("$.instalments[0].amountPence").value(86_400))
                .andExpect(jsonPath("$.instalments[4].dueOn").value("2026-08-01"))
                .andExpect(jsonPath("$.instalments[4].amountPence").value(86_400))
                .andReturn().getResponse().getContentAsString();
        assertThat(sumOfInstalments(rebill)).isEqualTo(646_225);
        List<LedgerEntry> entries = ledger.entries(account);
        assertThat(entries).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE, EntryType.ADJUSTMENT);
        assertThat(entries.get(1).amount()).isEqualTo(Money.ofPence(-217_775));

        // resending the rebill re-issues nothing; the circumstances are kept with the bill for the next rebill
        String before = bills(account);
        bill(account, """
                {"financialYear": "2026/27", "issuedOn": "2026-07-20", "emptySince": "2026-07-01", "reason": "Vacated"}""")
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(content().json(before)).andExpect(jsonPath("$.length()").value(2));
        assertThat(ledger.entries(account)).hasSize(2);
        Bills billsService = context.getBean(Bills.class);
        assertThat(billsService.current(account, org.reclaim.shared.FinancialYear.of(2026)).orElseThrow().ratesCircumstances())
                .isEqualTo(BusinessRatesCharge.Circumstances.OCCUPIED.emptyFrom(LocalDate.of(2026, 7, 1), false));
    }

    @Test
    void aBillThatCannotBeWorkedOutIsRefusedNamingTheFieldAndNothingIsPosted() throws Exception {
        Account councilTax = data.account(council).from(LocalDate.of(2020, 4, 1)).open();
        bill(councilTax, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("reference"));
        Account noValue = data.account(council).stream(RevenueStream.BUSINESS_RATES)
                .property(data.nonDomestic(council).rateableValuePence(null).create()).from(LocalDate.of(2020, 4, 1)).open();
        bill(noValue, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rateableValue"));
        Account account = ratesAccount(2_000_000);
        // no national multipliers are held for 2024/25
        bill(account, "{\"financialYear\": \"2024/25\", \"issuedOn\": \"2024-03-05\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("financialYear"));
        bill(account, "{\"financialYear\": \"2026/27\", \"scheme\": \"TEN_MONTHLY\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scheme"));
        bill(account, "{\"financialYear\": \"2026/27\", \"paymentDay\": 31}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("paymentDay"));
        bill(account, "{\"financialYear\": \"2026/27\", \"rhlReliefAlreadyGivenPence\": -1}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("rhlReliefAlreadyGivenPence"));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2206-04-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("issuedOn"));
        bill(account, "{\"issuedOn\": \"2026-03-05\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("financialYear"));
        // an auditor reads bills but does not issue them
        mvc.perform(post("/api/v1/accounts/{ref}/business-rates-bills", account.reference().value())
                        .with(httpBasic("auditor", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"financialYear\": \"2026/27\"}"))
                .andExpect(status().isForbidden());
        for (Account a : List.of(councilTax, noValue, account)) {
            assertThat(ledger.entries(a)).isEmpty();
        }
        mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(0));
    }
}
