package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CircumstanceChangesIT {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final FinancialYear Y2026 = FinancialYear.of(2026);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling councilTax;
    @Autowired Bills bills;
    @Autowired BillingRuns runs;
    @Autowired JdbcClient jdbc;
    TestData data;
    BillingAuthority council;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        council = data.authority().name("Circumstances Council").create();
        // Band D £1,800.00 + £300.01 = £2,100.01 in both years
        for (FinancialYear year : List.of(Y2025, Y2026)) {
            authorities.replacePrecepts(council.id(), year, List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(180000), "test"),
                    new Authorities.PreceptSetting("Circumstances Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(30001), "test")));
        }
    }

    private Account billedBandD(FinancialYear year, LocalDate issuedOn, CouncilTaxCircumstances circumstances) {
        Account account = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 4, 1)).open();
        councilTax.bill(account.reference(), year, issuedOn, "Annual bill", circumstances, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return account;
    }

    private ResultActions change(Account account, String json) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/council-tax-circumstances", account.reference().value())
                .with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aSinglePersonDiscountFromTheDayAPartnerLeftIsChargedDayByDayAndOnlyTheDifferencePosted() throws Exception {
        Account account = billedBandD(Y2026, LocalDate.of(2026, 3, 6), CouncilTaxCircumstances.NONE);
        Bill annual = bills.current(account, Y2026).orElseThrow();
        assertThat(annual.total()).isEqualTo(Money.ofPence(210001));

        change(account, """
                {"effectiveFrom": "2026-09-14", "discount": "SINGLE_PERSON", "reason": "partner moved out", "issuedOn": "2026-09-20"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.change.effectiveFrom").value("2026-09-14"))
                .andExpect(jsonPath("$.change.recordedBy").value("officer"))
                .andExpect(jsonPath("$.rebills.length()").value(1));

        // 1 Apr to 13 Sep is 166 days: 210001 x 166 / 365 = 95,507.30 -> 95,507
        // 14 Sep to 31 Mar is 199 days: 210001 x 199 / 365 = 114,493.70 -> 114,494, less 25% (28,623.5 -> 28,624)
        Bill rebill = bills.current(account, Y2026).orElseThrow();
        assertThat(rebill.lines()).extracting(BillLine::kind)
                .containsExactly(BillLine.Kind.CHARGE, BillLine.Kind.CHARGE, BillLine.Kind.DISCOUNT);
        assertThat(rebill.lines()).extracting(l -> l.amount().pence()).containsExactly(95507L, 114494L, -28624L);
        assertThat(rebill.lines().get(1).description()).contains("14 Sep 2026 to 31 Mar 2027 (199 days)");
        assertThat(rebill.total()).isEqualTo(Money.ofPence(181377));
        // only the difference is posted, and the six instalments due by the notice stay as they were
        assertThat(ledger.entries(account)).filteredOn(e -> e.type() == EntryType.ADJUSTMENT).extracting(LedgerEntry::amount)
                .containsExactly(Money.ofPence(-28624));
        assertThat(rebill.instalments().subList(0, 6)).isEqualTo(annual.instalments().subList(0, 6));
        assertThat(rebill.instalments().stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(rebill.total());
        assertThat(rebill.instalments().subList(6, rebill.instalments().size()))
                .allSatisfy(i -> assertThat(i.dueOn()).isAfter(LocalDate.of(2026, 9, 20)).isBefore(LocalDate.of(2027, 3, 1)));

        // the same change sent again records nothing and rebills nothing
        change(account, """
                {"effectiveFrom": "2026-09-14", "discount": "SINGLE_PERSON", "reason": "partner moved out", "issuedOn": "2026-09-20"}""")
                .andExpect(status().isCreated());
        assertThat(bills.all(account)).hasSize(2);
        mvc.perform(get("/api/v1/accounts/{ref}/council-tax-circumstances", account.reference().value()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].discount").value("SINGLE_PERSON"))
                .andExpect(jsonPath("$[0].reason").value("partner moved out"));

        // someone moves in on 10 January: the discount ends, a third part of the year
        change(account, """
                {"effectiveFrom": "2027-01-10", "discount": "NONE", "reason": "new partner moved in", "issuedOn": "2027-01-12"}""")
                .andExpect(status().isCreated());
        // 14 Sep to 9 Jan is 118 days: 210001 x 118 / 365 = 67,890.74 -> 67,891, less 16,972.75 -> 16,973;
        // 10 Jan to 31 Mar is 81 days: 210001 x 81 / 365 = 46,602.96 -> 46,603
        assertThat(bills.current(account, Y2026).orElseThrow().lines()).extracting(l -> l.amount().pence())
                .containsExactly(95507L, 67891L, -16973L, 46603L);
    }

    @Test
    void aCouncilTaxReductionIsTakenOffOnceHoweverManyPartsTheYearHas() {
        Account account = billedBandD(Y2026, LocalDate.of(2026, 3, 6),
                new CouncilTaxCircumstances(false, CouncilTaxCircumstances.Discount.NONE, null, 0, null, Money.ofPence(50000)));
        assertThat(bills.current(account, Y2026).orElseThrow().total()).isEqualTo(Money.ofPence(210001 - 50000));

        context.getBean(CircumstanceChanges.class).record(account.reference(), LocalDate.of(2026, 10, 1),
                CouncilTaxCircumstances.NONE.withDisabledBandReduction(), "disabled band reduction awarded", LocalDate.of(2026, 10, 5));

        Bill rebill = bills.current(account, Y2026).orElseThrow();
        assertThat(rebill.lines()).filteredOn(l -> l.kind() == BillLine.Kind.COUNCIL_TAX_REDUCTION).extracting(l -> l.amount().pence())
                .containsExactly(-50000L);
        assertThat(rebill.lines()).extracting(BillLine::kind).containsExactly(BillLine.Kind.CHARGE, BillLine.Kind.CHARGE,
                BillLine.Kind.DISABLED_BAND_REDUCTION, BillLine.Kind.COUNCIL_TAX_REDUCTION);
    }

    @Test
    void theAnnualRunBillsTheNewYearWithWhatAppliesOnItsFirstDay() {
        Account account = billedBandD(Y2025, LocalDate.of(2025, 3, 6), CouncilTaxCircumstances.NONE);
        context.getBean(CircumstanceChanges.class).record(account.reference(), LocalDate.of(2025, 11, 3),
                CouncilTaxCircumstances.NONE.withDiscount(CouncilTaxCircumstances.Discount.SINGLE_PERSON), "partner moved out",
                LocalDate.of(2025, 11, 5));

        assertThat(runs.runNow(council, Y2026, LocalDate.of(2026, 3, 6)).accountsBilled()).isEqualTo(1);

        Bill annual = bills.current(account, Y2026).orElseThrow();
        assertThat(annual.lines()).extracting(l -> l.amount().pence()).containsExactly(210001L, -52500L);   // 25% of 210001, half up
    }

    @Test
    void refusesAChangeItCannotApplyAndChangesNothing() throws Exception {
        Account account = billedBandD(Y2026, LocalDate.of(2026, 3, 6), CouncilTaxCircumstances.NONE);
        change(account, "{\"effectiveFrom\": \"2019-01-01\", \"discount\": \"SINGLE_PERSON\", \"reason\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("effectiveFrom"));
        change(account, "{\"effectiveFrom\": \"2026-06-01\", \"discount\": \"SINGLE_PERSON\", \"premiumPercent\": 100, \"reason\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("discount"));
        change(account, "{\"effectiveFrom\": \"2026-06-01\", \"discount\": \"SINGLE_PERSON\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        change(account, "{\"effectiveFrom\": \"2026-06-01\", \"exemptionClass\": \"C\", \"reason\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("exemptionClass"));
        Account rates = data.account(council).stream(RevenueStream.BUSINESS_RATES).property(data.nonDomestic(council).create()).open();
        change(rates, "{\"effectiveFrom\": \"2026-06-01\", \"discount\": \"SINGLE_PERSON\", \"reason\": \"x\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reference"));
        mvc.perform(post("/api/v1/accounts/{ref}/council-tax-circumstances", account.reference().value())
                        .with(httpBasic("auditor", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"effectiveFrom\": \"2026-06-01\", \"discount\": \"SINGLE_PERSON\", \"reason\": \"x\"}"))
                .andExpect(status().isForbidden());

        assertThat(bills.all(account)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from council_tax_circumstance_change where account_id = ?").param(account.id())
                .query(Long.class).single()).isZero();
    }
}
