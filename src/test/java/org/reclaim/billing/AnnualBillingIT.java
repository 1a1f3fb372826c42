package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class AnnualBillingIT {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final FinancialYear Y2026 = FinancialYear.of(2026);
    private static final LocalDate ISSUED = LocalDate.of(2026, 3, 6);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Accounts accounts;
    @Autowired Authorities authorities;
    @Autowired org.reclaim.properties.Properties properties;
    @Autowired CouncilTaxBilling councilTaxBilling;
    @Autowired Bills bills;
    @Autowired BillingRuns runs;
    @Autowired AnnualBilling annualBilling;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    TestData data;
    BillingAuthority council;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        council = data.authority().name("Annual Billing Council").create();
        // Band D 2026/27: £1,800.00 + £300.01, each body rounded per band
        for (FinancialYear year : List.of(Y2025, Y2026)) {
            authorities.replacePrecepts(council.id(), year, List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL,
                            Money.ofPence(year == Y2025 ? 170000 : 180000), "test"),
                    new Authorities.PreceptSetting("Annual Billing Council", PreceptorKind.BILLING_AUTHORITY,
                            Money.ofPence(year == Y2025 ? 28000 : 30001), "test")));
        }
    }

    private Account dwelling(CouncilTaxBand band, LocalDate from) {
        return data.account(council).property(data.dwelling(council).band(band).create()).from(from).open();
    }

    private ResultActions start(String user, String body) throws Exception {
        return mvc.perform(post("/api/v1/billing-runs").with(httpBasic(user, "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** Starts a run through the API and follows it, as an officer's screen would, until it stops. */
    private JsonNode runToTheEnd() throws Exception {
        String location = start("teamleader", "{\"authority\": \"" + council.gssCode() + "\", \"financialYear\": \"2026/27\", "
                + "\"issuedOn\": \"" + ISSUED + "\"}")
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getHeader("Location");
        for (int i = 0; i < 600; i++) {
            JsonNode run = json.readTree(mvc.perform(get(location).with(httpBasic("officer", "reclaim-demo")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            if (!run.get("status").asString().equals("RUNNING")) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the billing run did not finish in 30 s");
    }

    private List<LedgerEntry> charges(Account account) {
        return ledger.entries(account).stream().filter(e -> e.financialYear().equals(Y2026)).toList();
    }

    @Test
    void billsEveryLiableAccountOnceCarryingItsDiscountAndPlanIntoTheNewYear() throws Exception {
        Account wholeYear = dwelling(CouncilTaxBand.D, LocalDate.of(2019, 5, 1));
        Account single = dwelling(CouncilTaxBand.B, LocalDate.of(2021, 1, 1));
        // last year: single person discount, twelve instalments on the 15th — both carry into the annual bill
        councilTaxBilling.bill(single.reference(), Y2025, LocalDate.of(2025, 3, 6), "Annual bill",
                CouncilTaxCircumstances.NONE.withDiscount(CouncilTaxCircumstances.Discount.SINGLE_PERSON),
                new Bills.PlanChoice("TWELVE_MONTHLY", 15));
        Account movedOut = data.account(council).property(data.dwelling(council).band(CouncilTaxBand.C).create())
                .from(LocalDate.of(2020, 1, 1)).to(LocalDate.of(2026, 3, 31)).open();
        Account movingIn = dwelling(CouncilTaxBand.D, LocalDate.of(2026, 10, 1));
        Account noBand = data.account(council).property(data.dwelling(council).band(null).create()).from(LocalDate.of(2022, 4, 1)).open();

        JsonNode run = runToTheEnd();

        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("accountsToBill").asInt()).isEqualTo(4);
        assertThat(run.get("accountsBilled").asInt()).isEqualTo(3);
        assertThat(run.get("accountsRefused").asInt()).isEqualTo(1);
        assertThat(run.get("percentDone").asInt()).isEqualTo(100);
        assertThat(run.get("startedBy").asString()).isEqualTo("teamleader");

        // Band D: £1,800.00 + £300.01 = £2,100.01 in ten instalments from April, the first taking the odd pence
        Bill d = bills.current(wholeYear, Y2026).orElseThrow();
        assertThat(d.total()).isEqualTo(Money.ofPence(210001));
        assertThat(d.reason()).isEqualTo("Annual bill for 2026/27");
        assertThat(d.instalments()).hasSize(10);
        assertThat(d.instalments().get(0).amount()).isEqualTo(Money.ofPence(21001));
        assertThat(d.instalments().get(1).amount()).isEqualTo(Money.ofPence(21000));
        assertThat(d.instalments().get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(charges(wholeYear)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EntryType.CHARGE);
            assertThat(e.amount()).isEqualTo(d.total());
            assertThat(e.postedBy()).isEqualTo("teamleader");
        });

        // Band B: 7/9 of each body's Band D (140000.00 + 23334.11 → 140000 + 23334) less 25%, paid in twelve on the 15th
        Bill b = bills.current(single, Y2026).orElseThrow();
        assertThat(b.lines()).extracting(BillLine::kind).containsExactly(BillLine.Kind.CHARGE, BillLine.Kind.DISCOUNT);
        assertThat(b.lines().get(0).amount()).isEqualTo(Money.ofPence(163334));
        assertThat(b.lines().get(1).amount()).isEqualTo(Money.ofPence(-40834));   // 25% of 163334 = 40833.5, half up
        assertThat(b.total()).isEqualTo(Money.ofPence(122500));
        assertThat(b.scheme()).isEqualTo("TWELVE_MONTHLY");
        assertThat(b.instalments()).hasSize(12).allSatisfy(i -> assertThat(i.dueOn().getDayOfMonth()).isEqualTo(15));
        assertThat(b.instalments().stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(b.total());

        // liable from 1 October: 182 of 365 days
        Bill part = bills.current(movingIn, Y2026).orElseThrow();
        assertThat(part.total()).isEqualTo(Money.ofPence(Math.round(210001 * 182 / 365.0)));

        assertThat(bills.current(movedOut, Y2026)).isEmpty();
        assertThat(bills.current(noBand, Y2026)).isEmpty();
        mvc.perform(get("/api/v1/billing-runs/{id}/refusals", run.get("id").asLong()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.refusals.length()").value(1))
                .andExpect(jsonPath("$.refusals[0].accountReference").value(noBand.reference().value()))
                .andExpect(jsonPath("$.refusals[0].reason").value("the property has no Council Tax band"));

        // the arrears follow the plan: by 1 May two instalments of the whole-year account have fallen due
        assertThat(ledger.arrears(wholeYear, LocalDate.of(2026, 5, 1))).isEqualTo(Money.ofPence(21001 + 21000));

        // and the audit says who billed each account
        assertThat(jdbc.sql("select username from access_audit where subject_type = 'ACCOUNT' and subject_id = ? and action = 'CHANGE' "
                        + "and detail like 'Annual bill for 2026/27%'")
                .param(wholeYear.reference().value()).query(String.class).list()).containsExactly("teamleader");
    }

    @Test
    void aDwellingInAParishAreaPaysItsParishPreceptToo() throws Exception {
        authorities.replacePrecepts(council.id(), Y2026, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(180000), "test"),
                new Authorities.PreceptSetting("Annual Billing Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(30001), "test"),
                new Authorities.PreceptSetting("Upton Parish Council", PreceptorKind.PARISH, Money.ofPence(2886), "test", "Upton")));
        Account outside = dwelling(CouncilTaxBand.D, LocalDate.of(2019, 5, 1));
        Account inParish = dwelling(CouncilTaxBand.D, LocalDate.of(2019, 5, 1));
        properties.moveToParish(inParish.propertyId(), "Upton");

        runToTheEnd();

        assertThat(bills.current(outside, Y2026).orElseThrow().total()).isEqualTo(Money.ofPence(210001));
        assertThat(bills.current(inParish, Y2026).orElseThrow().total()).isEqualTo(Money.ofPence(210001 + 2886));
    }

    @Test
    void runningAgainBillsOnlyWhatIsStillUnbilled() throws Exception {
        Account first = dwelling(CouncilTaxBand.A, LocalDate.of(2018, 4, 1));
        JsonNode run = runToTheEnd();
        assertThat(run.get("accountsBilled").asInt()).isEqualTo(1);
        Account openedSince = dwelling(CouncilTaxBand.E, LocalDate.of(2026, 2, 1));

        JsonNode again = runToTheEnd();

        assertThat(again.get("accountsToBill").asInt()).isEqualTo(1);
        assertThat(again.get("accountsBilled").asInt()).isEqualTo(1);
        assertThat(charges(first)).hasSize(1);
        assertThat(charges(openedSince)).hasSize(1);
        assertThat(runToTheEnd().get("accountsToBill").asInt()).isZero();
        assertThat(charges(first)).hasSize(1);
    }

    @Test
    void aRunCutOffAfterItsFirstChunkIsFinishedByTheNextWithoutChargingTwice() {
        List<Account> dwellings = List.of(dwelling(CouncilTaxBand.C, LocalDate.of(2020, 4, 1)),
                dwelling(CouncilTaxBand.C, LocalDate.of(2020, 4, 1)), dwelling(CouncilTaxBand.C, LocalDate.of(2020, 4, 1)));
        long crashed = jdbc.sql("""
                insert into billing_run (authority_id, financial_year, issued_on, status, accounts_to_bill, started_at, started_by)
                values (?, 2026, ?, 'RUNNING', 3, now(), 'teamleader') returning id""")
                .params(council.id(), ISSUED).query(Long.class).single();
        // the first chunk of two commits, then the process dies before the next
        AnnualBilling.Chunk chunk = annualBilling.bill(crashed, council.id(), Y2026, ISSUED, 0, dwellings.get(1).id());
        assertThat(chunk.billed()).isEqualTo(2);
        runs.markInterruptedRuns();
        assertThat(runs.get(crashed).status()).isEqualTo(BillingRuns.Status.INTERRUPTED);
        assertThat(runs.get(crashed).accountsBilled()).isEqualTo(2);

        BillingRuns.BillingRun resumed = runs.runNow(council, Y2026, ISSUED);

        assertThat(resumed.accountsToBill()).isEqualTo(1);
        assertThat(resumed.accountsBilled()).isEqualTo(1);
        assertThat(dwellings).allSatisfy(a -> assertThat(charges(a)).hasSize(1));
        // and the database itself refuses a second first bill for an account's year
        Account a = dwellings.get(0);
        assertThatThrownBy(() -> jdbc.sql("""
                insert into bill (authority_id, account_id, financial_year, issued_on, reason, total_pence, scheme, payment_day,
                                  created_at, created_by, instalment_due_on, instalment_pence)
                values (?, ?, 2026, ?, 'again', 1, 'TEN_MONTHLY', 1, now(), 'x', '{}', '{}')""")
                .params(council.id(), a.id(), ISSUED).update()).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void refusesWhatItCannotRunWithAReasonAndStartsNothing() throws Exception {
        dwelling(CouncilTaxBand.D, LocalDate.of(2020, 4, 1));
        start("teamleader", "{\"authority\": \"" + council.gssCode() + "\", \"financialYear\": \"2027/28\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("financialYear"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("no Council Tax is set")));
        start("teamleader", "{\"authority\": \"E09999999\", \"financialYear\": \"2026/27\"}")
                .andExpect(jsonPath("$.field").value("authority"));
        start("teamleader", "{\"authority\": \"" + council.gssCode() + "\", \"financialYear\": \"2026/27\", \"issuedOn\": \"2027-04-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("issuedOn"));
        start("teamleader", "{\"authority\": \"" + council.gssCode() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("financialYear"));
        // an officer may follow runs but not start one
        start("officer", "{\"authority\": \"" + council.gssCode() + "\", \"financialYear\": \"2026/27\"}")
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from billing_run where authority_id = ?").param(council.id()).query(Long.class).single()).isZero();

        // one run at a time for an authority's year
        jdbc.sql("""
                insert into billing_run (authority_id, financial_year, issued_on, status, accounts_to_bill, started_at, started_by)
                values (?, 2026, ?, 'RUNNING', 1, now(), 'teamleader')""").params(council.id(), ISSUED).update();
        start("teamleader", "{\"authority\": \"" + council.gssCode() + "\", \"financialYear\": \"2026/27\"}")
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/billing-runs/{id}", 987654321L).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isNotFound());
    }
}
