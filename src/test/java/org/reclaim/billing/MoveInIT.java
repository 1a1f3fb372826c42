package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountStatus;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.parties.Party;
import org.reclaim.properties.Property;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Moving in: the outgoing payer is rebilled to the day before, the new residents are billed from the day they arrive.
 * The worked examples call {@link MoveIn} with a business date of their own, so that their figures do not depend on
 * the day the test runs; the API tests work from today's date.
 */
@IntegrationTest
class MoveInIT {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final FinancialYear Y2026 = FinancialYear.of(2026);
    private static final Bills.PlanChoice TEN_MONTHLY = new Bills.PlanChoice("TEN_MONTHLY", 1);
    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Authorities authorities;
    @Autowired Accounts accounts;
    @Autowired Bills bills;
    @Autowired CouncilTaxBilling councilTax;
    @Autowired MoveIn moveIn;
    @Autowired Clock clock;
    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Move In Test Council").create();
            // Band D 2025/26: £1,900.00 + £310.00 = £2,210.00; 2026/27 (and any later year the test runs in): £2,000.00 + £330.02
            authorities.replacePrecepts(council.id(), Y2025, precepts(190000, 31000));
            for (FinancialYear y = Y2026; y.compareTo(FinancialYear.containing(LocalDate.now(clock))) <= 0; y = y.next()) {
                authorities.replacePrecepts(council.id(), y, precepts(200000, 33002));
            }
        }
    }

    private static List<Authorities.PreceptSetting> precepts(long county, long district) {
        return List.of(new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(county), "test"),
                new Authorities.PreceptSetting("Move In Test Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(district), "test"));
    }

    private Property bandD() {
        return data.dwelling(council).band(CouncilTaxBand.D).create();
    }

    @Test
    void theOutgoingPayerIsRebilledToTheDayBeforeAndTheNewResidentsFromTheDayTheyArrive() {
        Property home = bandD();
        Account outgoing = data.account(council).property(home).from(LocalDate.of(2019, 1, 1)).open();
        // the annual bill, 5 March: £2,330.02 in ten instalments on the 1st, April to January: 23302 then 9 x 23300
        councilTax.bill(outgoing.reference(), Y2026, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, TEN_MONTHLY);
        // April to August paid (116502); September's instalment has fallen due and is unpaid
        for (int month = 4; month <= 8; month++) {
            ledger.post(Posting.of(outgoing.reference(), Y2026, EntryType.PAYMENT, Money.ofPence(month == 4 ? -23302 : -23300),
                    LocalDate.of(2026, month, 1), "Direct Debit"));
        }
        Party newcomer = data.person(council).create();

        // the new resident moves in on Monday 14 September; the notices go out on Sunday 20 September
        MoveIn.Outcome o = moveIn.moveIn(new MoveIn.Notice(home.id(), List.of(newcomer.id()), LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 20), CouncilTaxCircumstances.NONE, TEN_MONTHLY), LocalDate.of(2026, 9, 20));

        // outgoing: liable 1 April to 13 September, 30 + 31 + 30 + 31 + 31 + 13 = 166 days;
        // 233002 x 166 / 365 = 105968.03 -> 105968, an ADJUSTMENT of 105968 - 233002 = -127034.
        // The adjustment day is 4 October (14 days after the notice): April to October (7 instalments, 163102) had fallen
        // due before it, which is more than the new total, so StatutoryReprofile cuts them back latest first by 57134:
        // October 23300 -> 0, September 23300 -> 0, August 23300 -> 12766. Nothing more falls due; the 10534 paid
        // beyond the bill (116502 - 105968) is a credit.
        assertThat(o.repeated()).isFalse();
        assertThat(o.movedOut()).hasSize(1);
        MoveIn.MovedOut out = o.movedOut().get(0);
        assertThat(out.account().reference()).isEqualTo(outgoing.reference());
        assertThat(out.account().status()).isEqualTo(AccountStatus.CLOSED);
        assertThat(out.account().liabilityEnd()).isEqualTo(LocalDate.of(2026, 9, 13));
        assertThat(out.lastDayLiable()).isEqualTo(LocalDate.of(2026, 9, 13));
        assertThat(out.rebills()).hasSize(1);
        Bill rebill = out.rebills().get(0);
        assertThat(rebill.total()).isEqualTo(Money.ofPence(105968));
        assertThat(rebill.lines().get(0).description()).isEqualTo("Council Tax band D, 1 Apr 2026 to 13 Sep 2026 (166 days)");
        assertThat(rebill.instalments()).extracting(i -> i.amount().pence()).containsExactly(23302L, 23300L, 23300L, 23300L, 12766L, 0L, 0L);
        assertThat(rebill.instalments()).extracting(Instalment::dueOn).startsWith(LocalDate.of(2026, 4, 1)).endsWith(LocalDate.of(2026, 10, 1));
        List<LedgerEntry> outEntries = ledger.entries(outgoing);
        assertThat(outEntries.get(outEntries.size() - 1).type()).isEqualTo(EntryType.ADJUSTMENT);
        assertThat(outEntries.get(outEntries.size() - 1).amount()).isEqualTo(Money.ofPence(-127034));
        assertThat(ledger.balance(outgoing)).isEqualTo(Money.ofPence(105968 - 116502));
        assertThat(ledger.arrears(outgoing, LocalDate.of(2027, 3, 31))).isEqualTo(Money.ZERO);

        // incoming: liable 14 September to 31 March, 365 - 166 = 199 days; 233002 x 199 / 365 = 127033.97 -> 127034.
        // Notice of 20 September: whole months left after it are October to March (6), less one = 5 instalments
        // (SI 1992/613 Sch. 1 para 2(3)); the first no sooner than 14 days after it, so 1 November.
        // 127034 / 5 = £254.068 -> £254 for the last four, the first 127034 - 4 x 25400 = 25434.
        Account incoming = o.account();
        assertThat(incoming.liablePartyIds()).containsExactly(newcomer.id());
        assertThat(incoming.propertyId()).isEqualTo(home.id());
        assertThat(incoming.liabilityStart()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(o.bills()).hasSize(1);
        Bill first = o.bills().get(0);
        assertThat(first.year()).isEqualTo(Y2026);
        assertThat(first.total()).isEqualTo(Money.ofPence(127034));
        assertThat(first.lines().get(0).description()).isEqualTo("Council Tax band D, 14 Sep 2026 to 31 Mar 2027 (199 days)");
        assertThat(first.instalments()).extracting(i -> i.amount().pence()).containsExactly(25434L, 25400L, 25400L, 25400L, 25400L);
        assertThat(first.instalments()).extracting(Instalment::dueOn).containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1),
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1));
        assertThat(ledger.entries(incoming)).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE);
        assertThat(ledger.balance(incoming)).isEqualTo(Money.ofPence(127034));

        // the two apportionments round 0.03 down and 0.97 up: together exactly the year's charge
        assertThat(rebill.total().plus(first.total())).isEqualTo(Money.ofPence(233002));
    }

    @Test
    void aMoveInBeforeThisYearIsBilledForEachYearUpToIt() {
        Property empty = bandD();
        Party newcomer = data.person(council).create();
        MoveIn.Outcome o = moveIn.moveIn(new MoveIn.Notice(empty.id(), List.of(newcomer.id()), LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 5, 10), CouncilTaxCircumstances.NONE, TEN_MONTHLY), LocalDate.of(2026, 5, 10));
        assertThat(o.movedOut()).isEmpty();
        assertThat(o.bills()).extracting(Bill::year).containsExactly(Y2025, Y2026);
        // 2025/26: 16 February to 31 March, 13 + 31 = 44 days of £2,210.00: 221000 x 44 / 365 = 26641.10 -> 26641, issued
        // after the year ended, so one instalment 14 days after the notice
        Bill past = o.bills().get(0);
        assertThat(past.total()).isEqualTo(Money.ofPence(26641));
        assertThat(past.instalments()).extracting(Instalment::dueOn).containsExactly(LocalDate.of(2026, 5, 24));
        // 2026/27: the whole year, 233002; issued 10 May, June to March left (10) less one = 9 instalments from 1 June:
        // £258.89 -> £259, the first 233002 - 8 x 25900 = 25802
        Bill current = o.bills().get(1);
        assertThat(current.total()).isEqualTo(Money.ofPence(233002));
        assertThat(current.instalments()).hasSize(9);
        assertThat(current.instalments().get(0).dueOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(current.instalments().get(0).amount()).isEqualTo(Money.ofPence(25802));
        assertThat(current.instalments().get(8).amount()).isEqualTo(Money.ofPence(25900));
        assertThat(ledger.balance(o.account())).isEqualTo(Money.ofPence(26641 + 233002));
    }

    private ResultActions moveIn(Property property, String json) throws Exception {
        return mvc.perform(post("/api/v1/properties/{id}/move-in", property.id()).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    @Test
    void aDwellingWithNoPreviousAccountIsBilledFromTheMoveAndARepeatedRequestChangesNothing() throws Exception {
        Property empty = bandD();
        Party a = data.person(council).create();
        Party b = data.person(council).create();
        FinancialYear thisYear = FinancialYear.containing(LocalDate.now(clock));
        String json = "{\"liableParties\": [" + a.id() + ", " + b.id() + "], \"from\": \"" + thisYear.start()
                + "\", \"discount\": \"NONE\", \"scheme\": \"TWELVE_MONTHLY\", \"paymentDay\": 15}";
        String reference = com.jayway.jsonpath.JsonPath.read(moveIn(empty, json)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/accounts/")))
                .andExpect(jsonPath("$.repeated").value(false))
                .andExpect(jsonPath("$.liableFrom").value(thisYear.start().toString()))
                .andExpect(jsonPath("$.movedOut.length()").value(0))
                .andExpect(jsonPath("$.bills.length()").value(1))
                .andExpect(jsonPath("$.bills[0].financialYear").value(thisYear.toString()))
                .andExpect(jsonPath("$.bills[0].totalPence").value(233002))   // liable all year: the Band D charge
                .andExpect(jsonPath("$.bills[0].scheme").value("TWELVE_MONTHLY"))
                .andExpect(jsonPath("$.bills[0].paymentDay").value(15))
                .andReturn().getResponse().getContentAsString(), "$.reference");

        // sent again (the same residents, in either order, from the same day): the account already opened, nothing billed twice
        moveIn(empty, "{\"liableParties\": [" + b.id() + ", " + a.id() + "], \"from\": \"" + thisYear.start() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(reference))
                .andExpect(jsonPath("$.repeated").value(true))
                .andExpect(jsonPath("$.bills.length()").value(1))
                .andExpect(jsonPath("$.bills[0].totalPence").value(233002));
        List<Account> there = accounts.atProperty(council.id(), empty.id(), RevenueStream.COUNCIL_TAX);
        assertThat(there).extracting(x -> x.reference().value()).containsExactly(reference);
        assertThat(ledger.entries(there.get(0))).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE);

        // someone else from the same day would be liable alongside them: refused
        moveIn(empty, "{\"liableParties\": [" + data.person(council).create().id() + "], \"from\": \"" + thisYear.start() + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
        // an auditor reads but does not record moves
        mvc.perform(post("/api/v1/properties/{id}/move-in", empty.id()).with(httpBasic("auditor", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isForbidden());
        assertThat(accounts.atProperty(council.id(), empty.id(), RevenueStream.COUNCIL_TAX)).hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        Party newcomer = data.person(council).create();
        String who = "\"liableParties\": [" + newcomer.id() + "]";
        LocalDate today = LocalDate.now(clock);

        moveIn(data.nonDomestic(council).create(), "{" + who + ", \"from\": \"2026-09-14\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("propertyId"));
        moveIn(data.dwelling(council).band(null).create(), "{" + who + ", \"from\": \"2026-09-14\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("councilTaxBand"));

        // a dwelling with a payer billed for 2026/27 from 1 June 2026
        Property home = bandD();
        Account outgoing = data.account(council).property(home).from(LocalDate.of(2026, 6, 1)).open();
        councilTax.bill(outgoing.reference(), Y2026, LocalDate.of(2026, 6, 5), "New payer", CouncilTaxCircumstances.NONE, TEN_MONTHLY);
        List<LedgerEntry> before = ledger.entries(outgoing);

        moveIn(home, "{\"liableParties\": [], \"from\": \"2026-09-14\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("liableParties"));
        moveIn(home, "{\"liableParties\": [" + newcomer.id() + ", 999999999], \"from\": \"2026-09-14\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("liableParties[1]"));
        moveIn(home, "{" + who + "}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
        // before the outgoing payer's liability started
        moveIn(home, "{" + who + ", \"from\": \"2026-05-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
        // more than a month ahead
        moveIn(home, "{" + who + ", \"from\": \"" + today.plusMonths(2) + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
        // a notice dated before the new residents are liable
        moveIn(home, "{" + who + ", \"from\": \"2026-09-14\", \"issuedOn\": \"2026-09-10\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("issuedOn"));
        moveIn(home, "{" + who + ", \"from\": \"2026-09-14\", \"paymentDay\": 31}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("paymentDay"));

        assertThat(accounts.atProperty(council.id(), home.id(), RevenueStream.COUNCIL_TAX)).extracting(Account::reference)
                .containsExactly(outgoing.reference());
        assertThat(accounts.get(outgoing.reference()).status()).isEqualTo(AccountStatus.OPEN);
        assertThat(accounts.get(outgoing.reference()).liabilityEnd()).isNull();
        assertThat(ledger.entries(outgoing)).isEqualTo(before);
    }

    @Test
    void aYearWithNoCouncilTaxSetUndoesTheMoveOutToo() throws Exception {
        // the outgoing payer is moved out and rebilled for 2026/27 before the new account's first year, 2019/20, turns
        // out to have no Council Tax set: the whole move-in is undone
        Property home = bandD();
        Account outgoing = data.account(council).property(home).from(LocalDate.of(2015, 1, 1)).open();
        councilTax.bill(outgoing.reference(), Y2026, LocalDate.of(2026, 3, 5), "Annual bill", CouncilTaxCircumstances.NONE, TEN_MONTHLY);
        moveIn(home, "{\"liableParties\": [" + data.person(council).create().id() + "], \"from\": \"2019-06-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("financialYear"));
        Account after = accounts.get(outgoing.reference());
        assertThat(after.status()).isEqualTo(AccountStatus.OPEN);
        assertThat(after.liabilityEnd()).isNull();
        assertThat(ledger.entries(outgoing)).extracting(LedgerEntry::type).containsExactly(EntryType.CHARGE);
        assertThat(bills.all(outgoing)).hasSize(1);
        assertThat(accounts.atProperty(council.id(), home.id(), RevenueStream.COUNCIL_TAX)).hasSize(1);
    }
}
