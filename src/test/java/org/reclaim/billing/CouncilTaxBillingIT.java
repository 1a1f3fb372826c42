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
import org.reclaim.accounts.Posting;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CouncilTaxBillingIT {

    private static final FinancialYear Y2026 = FinancialYear.of(2026);
    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Authorities authorities;
    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Billing Test Council").create();
            // two bodies, so each band is rounded per body: Band D £2,000.00 + £330.02
            authorities.replacePrecepts(council.id(), Y2026, List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                    new Authorities.PreceptSetting("Billing Test Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        }
    }

    private Account bandDAccount(LocalDate from) {
        return data.account(council).property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(from).open();
    }

    private ResultActions bill(Account account, String json) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/council-tax-bills", account.reference().value())
                .with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void anAnnualBillIsTenInstalmentsFromAprilAndArrearsFollowThem() throws Exception {
        Account account = bandDAccount(LocalDate.of(2020, 6, 1));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.totalPence").value(233002))
                .andExpect(jsonPath("$.lines[0].kind").value("CHARGE"))
                .andExpect(jsonPath("$.instalments.length()").value(10))
                .andExpect(jsonPath("$.instalments[0].amountPence").value(23302))   // 233002 - 9 x 23300
                .andExpect(jsonPath("$.instalments[1].amountPence").value(23300))
                .andExpect(jsonPath("$.paymentMethods[0]").value("DIRECT_DEBIT"));
        mvc.perform(get("/api/v1/accounts/{ref}/instalments", account.reference().value()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[0].dueOn").value("2026-04-01"))
                .andExpect(jsonPath("$[9].dueOn").value("2027-01-01"))
                .andExpect(jsonPath("$[0].financialYear").value("2026/27"));

        // the whole year is charged, but only what has fallen due is in arrears
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(233002));
        assertThat(ledger.arrears(account, LocalDate.of(2026, 3, 31))).isEqualTo(Money.ZERO);
        assertThat(ledger.arrears(account, LocalDate.of(2026, 6, 15))).isEqualTo(Money.ofPence(23302 + 2 * 23300));
        ledger.post(Posting.of(account.reference(), Y2026, EntryType.PAYMENT, Money.ofPence(-23302), LocalDate.of(2026, 4, 1), "payment"));
        assertThat(ledger.arrears(account, LocalDate.of(2026, 6, 15))).isEqualTo(Money.ofPence(2 * 23300));
    }

    @Test
    void aLiabilityThatStartsMidYearIsBilledByDayOverTheMonthsLeft() throws Exception {
        Account account = bandDAccount(LocalDate.of(2026, 8, 10));
        // 234 of 365 days: 2000.00 * 234/365 = 1282.19 and 330.02 * 234/365 = 211.58 -> the bill works on the band total
        Money expected = Money.ofPence(233002).times(234, 365, java.math.RoundingMode.HALF_UP);
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-08-20\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.totalPence").value(expected.pence()))
                .andExpect(jsonPath("$.instalments.length()").value(6))
                .andExpect(jsonPath("$.instalments[0].dueOn").value("2026-10-01"));
    }

    @Test
    void aRebillKeepsWhatHasFallenDueAndReprofilesTheRest() throws Exception {
        Account account = bandDAccount(LocalDate.of(2019, 1, 1));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}").andExpect(status().isCreated());
        // on 20 July a single person discount is granted for the year: the adjustment day is 3 August, so April to
        // August stay as billed and September to January carry the new total
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-07-20\", \"discount\": \"SINGLE_PERSON\", \"reason\": \"Single person discount granted\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.totalPence").value(174751))        // 25% of 233002 = 58250.5 -> 58251 off (half up)
                .andExpect(jsonPath("$.lines[1].amountPence").value(-58251))
                .andExpect(jsonPath("$.instalments[0].amountPence").value(23302))
                .andExpect(jsonPath("$.instalments[4].amountPence").value(23300))
                .andExpect(jsonPath("$.instalments[4].dueOn").value("2026-08-01"))
                .andExpect(jsonPath("$.instalments[5].dueOn").value("2026-09-01"));
        // 174751 - (23302 + 4 x 23300) = 58249 over 5: £116.498 rounds to £116, the first takes 58249 - 4 x 11600 = 11849
        List<LedgerEntry> entries = ledger.entries(account);
        assertThat(entries).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE, EntryType.ADJUSTMENT);
        assertThat(entries.get(1).amount()).isEqualTo(Money.ofPence(174751 - 233002));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(174751));
        mvc.perform(get("/api/v1/accounts/{ref}/instalments", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[5].amountPence").value(11849))
                .andExpect(jsonPath("$[6].amountPence").value(11600));
        mvc.perform(get("/api/v1/accounts/{ref}/bills", account.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].supersedesBillId").value(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void aBillThatCannotBeComputedIsRefusedAndNothingIsPosted() throws Exception {
        Account noBand = data.account(council).property(data.dwelling(council).band(null).create()).open();
        bill(noBand, "{\"financialYear\": \"2026/27\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("councilTaxBand"));
        Account noPrecepts = bandDAccount(LocalDate.of(2020, 1, 1));
        bill(noPrecepts, "{\"financialYear\": \"2027/28\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("financialYear"));
        Account ended = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.B).create())
                .from(LocalDate.of(2020, 1, 1)).to(LocalDate.of(2025, 12, 31)).open();
        bill(ended, "{\"financialYear\": \"2026/27\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("liabilityStart"));
        Account rates = data.account(council).stream(RevenueStream.BUSINESS_RATES).property(data.nonDomestic(council).create()).open();
        bill(rates, "{\"financialYear\": \"2026/27\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reference"));
        bill(noPrecepts, "{\"financialYear\": \"2026/27\", \"paymentDay\": 31}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("paymentDay"));
        for (Account a : List.of(noBand, noPrecepts, ended, rates)) {
            assertThat(ledger.entries(a)).isEmpty();
        }
    }

    @Test
    void theCollectionFundSharesWhatWasCollectedByThePrecepts() throws Exception {
        // a council of this test alone, so its totals are only what this test posts
        BillingAuthority own = data.authority().name("Collection Fund Test Council").create();
        authorities.replacePrecepts(own.id(), Y2026, List.of(
                new Authorities.PreceptSetting("County", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test"),
                new Authorities.PreceptSetting("District", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test")));
        Account account = data.account(own).property(data.dwelling(own).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 1, 1)).open();
        ledger.post(Posting.of(account.reference(), Y2026, EntryType.PAYMENT, Money.ofPence(-100_005), LocalDate.of(2026, 5, 1), "payment"));
        ledger.post(Posting.of(account.reference(), Y2026, EntryType.PAYMENT, Money.ofPence(-999), LocalDate.of(2026, 7, 1), "later payment"));
        // 100005 x 200000/233002 = 85840.46, x 33002/233002 = 14164.54: the spare penny goes to the larger remainder
        mvc.perform(get("/api/v1/reports/collection-fund").param("authority", own.gssCode()).param("from", "2026-04-01").param("to", "2026-06-30")
                        .with(httpBasic("admin", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.councilTaxCollectedPence").value(100005))
                .andExpect(jsonPath("$.councilTax[0].financialYear").value("2026/27"))
                .andExpect(jsonPath("$.councilTax[0].precepts[0].name").value("County"))
                .andExpect(jsonPath("$.councilTax[0].precepts[0].sharePence").value(85840))
                .andExpect(jsonPath("$.councilTax[0].precepts[1].sharePence").value(14165))
                .andExpect(jsonPath("$.businessRatesCollectedPence").value(0));
        mvc.perform(get("/api/v1/reports/collection-fund").param("authority", own.gssCode()).param("from", "2026-06-30").param("to", "2026-04-01")
                        .with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/api/v1/reports/collection-fund").param("authority", own.gssCode()).param("from", "2026-04-01").param("to", "2026-06-30"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void refusesWhatWouldMisbillAndSpreadsARebillOverTheMonthsLeft() throws Exception {
        // a blank or unknown exemption class, or a Business Rates scheme, is refused rather than billed
        Account account = bandDAccount(LocalDate.of(2020, 1, 1));
        bill(account, "{\"financialYear\": \"2026/27\", \"exemptionClass\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("exemptionClass"));
        bill(account, "{\"financialYear\": \"2026/27\", \"scheme\": \"BUSINESS_RATES\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("scheme"));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2206-04-01\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("issuedOn"));
        assertThat(ledger.entries(account)).isEmpty();

        // a year already charged outside billing is not charged again
        Account migrated = bandDAccount(LocalDate.of(2020, 1, 1));
        ledger.post(Posting.of(migrated.reference(), Y2026, EntryType.CHARGE, Money.ofPence(233002), LocalDate.of(2026, 4, 1), "opening charge"));
        bill(migrated, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}").andExpect(status().isConflict());
        assertThat(ledger.balance(migrated)).isEqualTo(Money.ofPence(233002));

        // an exempt year rebilled when the exemption ends is spread over the months left, not demanded at once
        Account exempt = bandDAccount(LocalDate.of(2020, 1, 1));
        bill(exempt, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\", \"exemptionClass\": \"N\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.totalPence").value(0));
        bill(exempt, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-06-01\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.instalments[1].dueOn").value("2026-07-01"))   // after the one £0 instalment of the exempt plan
                .andExpect(jsonPath("$.instalments[7].dueOn").value("2027-01-01"));
        // sending the same bill again re-issues nothing
        String first = mvc.perform(get("/api/v1/accounts/{ref}/bills", exempt.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andReturn().getResponse().getContentAsString();
        bill(exempt, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-06-01\"}").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/accounts/{ref}/bills", exempt.reference().value()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().json(first));
    }

    @Test
    void aBackdatedBandChangeRebillsBandByBandFromTheChangeDate() throws Exception {
        var home = data.dwelling(council).band(CouncilTaxBand.D).create();
        Account account = data.account(council).property(home).from(LocalDate.of(2019, 1, 1)).open();
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}").andExpect(status().isCreated());

        // on 20 July the VOA moves the dwelling to band C from 15 May: 44 days of D (233002 x 44/365 = 28087.91 -> 28088)
        // and 321 days of C (177778 + 29335 = 207113; x 321/365 = 182145.95 -> 182146): 210234 in all
        mvc.perform(post("/api/v1/properties/{id}/band-changes", home.id()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"band\": \"C\", \"effectiveFrom\": \"2026-05-15\", \"issuedOn\": \"2026-07-20\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].totalPence").value(210234))
                .andExpect(jsonPath("$[0].lines[0].amountPence").value(28088))
                .andExpect(jsonPath("$[0].lines[0].description").value("Council Tax band D, 1 Apr 2026 to 14 May 2026 (44 days)"))
                .andExpect(jsonPath("$[0].lines[1].amountPence").value(182146))
                // April to August stay as billed (116502); 93732 over September to January: £187.46 -> £187, first 18932
                .andExpect(jsonPath("$[0].instalments[4].amountPence").value(23300))
                .andExpect(jsonPath("$[0].instalments[5].amountPence").value(18932))
                .andExpect(jsonPath("$[0].instalments[6].amountPence").value(18700));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(210234));
        assertThat(ledger.entries(account).get(1).amount()).isEqualTo(Money.ofPence(210234 - 233002));
    }

    @Test
    void movingOutEndsTheLiabilityAndRebillsTheDaysLiable() throws Exception {
        Account account = bandDAccount(LocalDate.of(2019, 1, 1));
        bill(account, "{\"financialYear\": \"2026/27\", \"issuedOn\": \"2026-03-05\"}").andExpect(status().isCreated());
        // liable 1 April to 31 July 2026: 122 days, 233002 x 122/365 = 77879.8 -> 77880; April to August (116502) had been billed
        mvc.perform(post("/api/v1/accounts/{ref}/move-out", account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lastDayLiable\": \"2026-07-31\", \"issuedOn\": \"2026-08-03\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].totalPence").value(77880))
                .andExpect(jsonPath("$[0].lines[0].description").value("Council Tax band D, 1 Apr 2026 to 31 Jul 2026 (122 days)"));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(77880));
        // nothing more falls due than the bill: the instalments already due are cut back to it
        assertThat(ledger.arrears(account, LocalDate.of(2027, 3, 31))).isEqualTo(Money.ofPence(77880));
        mvc.perform(post("/api/v1/accounts/{ref}/move-out", account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"lastDayLiable\": \"2026-07-31\"}"))
                .andExpect(status().isConflict());
    }
}
