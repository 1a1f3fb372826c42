package org.reclaim.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.arrangements.ArrangementDesk;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bill;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.billing.Instalment;
import org.reclaim.parties.Party;
import org.reclaim.shared.BusinessCalendar;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The letters that other modules' events call for, each made by the letters run from its real flow (an arrangement
 * agreed through the arrangements facade, a Direct Debit set up and its schedule changed by a rebill, an attachment of
 * earnings order confirmed, a refund paid), with its statutory content in the PDF's text, and made once however often
 * the run is repeated. Dates follow the real clock, so each expectation is worked out from today.
 */
@IntegrationTest
class ProducedLettersIT {

    private static final String PASSWORD = "reclaim-demo";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Ledger ledger;
    @Autowired BusinessCalendar calendar;

    private TestData data;
    private BillingAuthority council;
    private LocalDate today;

    @BeforeEach
    void council() {
        data = TestData.from(context);
        council = data.authority().name(TestData.uniqueWord("Produced Letters") + " Council").create();
        today = LocalDate.now(clock);
        for (FinancialYear year : List.of(FinancialYear.containing(today), FinancialYear.containing(today).next())) {
            context.getBean(Authorities.class).replacePrecepts(council.id(), year, List.of(
                    new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test", null),
                    new Authorities.PreceptSetting(council.name(), PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test", null)));
        }
    }

    @Test
    @WithMockUser(username = "officer", roles = "OFFICER")
    void anArrangementAgreedIsConfirmedWithItsScheduleAndTheDirectDebitOfferUnlessPaidThatWay() throws Exception {
        ArrangementDesk desk = context.getBean(ArrangementDesk.class);
        Party byCard = customer("Ada", "Card");
        Account cardAccount = billed(byCard, FinancialYear.containing(today), today.minusDays(1));
        Party byDebit = customer("Bob", "Debit");
        Account debitAccount = billed(byDebit, FinancialYear.containing(today), today.minusDays(1));
        LocalDate first = today.plusDays(7);
        ArrangementDesk.Agreed card = desk.agree(new ArrangementDesk.Terms(byCard.id(), List.of(cardAccount.reference().value()), 120_000L, "MONTHLY",
                first, "CARD", true, null, "the customer's offer", null), "produced-letters-card-" + council.id());
        desk.agree(new ArrangementDesk.Terms(byDebit.id(), List.of(debitAccount.reference().value()), 120_000L, "MONTHLY",
                first, "DIRECT_DEBIT", true, null, "the customer's offer", null), "produced-letters-dd-" + council.id());

        runTwice(today);

        String confirmation = only(cardAccount, "ARRANGEMENT_CONFIRMATION");
        assertThat(confirmation).contains("Your arrangement to pay", "Ada Card", cardAccount.reference().value(), date(today),
                "Each payment £1,200.00", "How often monthly", "First payment " + date(first), "Last payment " + date(card.lastPaymentOn()),
                "How you will pay Card", "Pay by Direct Debit", "protected by the Direct Debit Guarantee");
        assertThat(only(debitAccount, "ARRANGEMENT_CONFIRMATION")).contains("Bob Debit", "How you will pay Direct Debit")
                .doesNotContain("Pay by Direct Debit");
        assertOnce(cardAccount, "ARRANGEMENT_CONFIRMATION");
    }

    @Test
    void aDirectDebitSetUpAndItsScheduleChangedEachGiveAdvanceNoticeOfTheAmountsAndDates() throws Exception {
        FinancialYear next = FinancialYear.containing(today).next();
        Account account = billed(customer("Zoe", "Debit"), next, today.minusDays(1));
        mvc.perform(post("/api/v1/accounts/{ref}/direct-debit", account.reference().value()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payerName\": \"Zoe Debit\", \"sortCode\": \"40-05-15\", \"accountNumber\": \"87654321\", \"guaranteeShown\": true}"))
                .andExpect(status().isCreated());

        runTwice(today);

        // the Guarantee's 10 working days: a collection sooner than that from the notice is not in it (REFERENCE.md 8.4)
        LocalDate earliest = calendar.plusWorkingDays(today, 10);
        List<Instalment> plan = bill(account, next).instalments().stream().filter(i -> !i.dueOn().isBefore(earliest)).toList();
        String notice = only(account, "DD_ADVANCE_NOTICE");
        assertThat(notice).contains("Your Direct Debit payments", "Zoe Debit", date(today),
                "collected on or just after " + date(plan.get(0).dueOn()),
                "notify you 10 working days in advance of your account being debited or as otherwise agreed", "full and immediate refund");
        plan.forEach(i -> assertThat(notice).contains(date(i.dueOn()) + " " + i.amount()));

        // a rebill the next day changes the schedule: the new bill is the advance notice of the new amounts (it lists the
        // collections and carries the Guarantee), so no second DD_ADVANCE_NOTICE is sent (REFERENCE.md 8.4)
        LocalDate rebilled = today.plusDays(1);
        context.getBean(CouncilTaxBilling.class).bill(account.reference(), next, rebilled, "Single person discount",
                CouncilTaxCircumstances.NONE.withDiscount(CouncilTaxCircumstances.Discount.SINGLE_PERSON), new Bills.PlanChoice("TWELVE_MONTHLY", 1));
        runTwice(rebilled);

        assertThat(letters(account, "DD_ADVANCE_NOTICE")).as("the bill is the notice").hasSize(1);
        List<Instalment> changed = bill(account, next).instalments();
        String newBill = only(account, "ANNUAL_BILL");
        assertThat(newBill).contains("Council Tax bill", "Date: " + date(rebilled), "You pay by Direct Debit",
                "This bill is your advance notice of the amounts and dates", "full and immediate refund").doesNotContain("Pay by Direct Debit");
        changed.forEach(i -> assertThat(newBill).contains(date(i.dueOn()) + " " + i.amount()));
        assertThat(changed.get(changed.size() - 1).amount()).isNotEqualTo(plan.get(plan.size() - 1).amount());
        runTwice(today);
        assertThat(letters(account, "DD_ADVANCE_NOTICE")).hasSize(1);
    }

    @Test
    void anAttachmentOfEarningsOrderMadeIsServedOnTheEmployerWithTheDebtorsCopyAndTheEmployersSchedule() throws Exception {
        Party debtor = customer("Sam", "Earner");
        Account account = data.account(council).liable(debtor).property(data.dwelling(council).create()).from(LocalDate.of(2020, 4, 1)).open();
        ledger.post(Posting.of(account.reference(), FinancialYear.of(2025), EntryType.CHARGE, Money.ofPence(106_500), LocalDate.of(2025, 4, 1), "charge"));
        jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                values (?, ?, 2025, 'LIABILITY_ORDER', ?, 'test: granted at the hearing', 106500, 'test', ?)""")
                .params(account.authorityId(), account.id(), LocalDate.of(2025, 7, 1), OffsetDateTime.now(clock)).update();
        mvc.perform(post("/api/v1/accounts/{r}/remedy-facts", account.reference().value()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"kind": "EMPLOYER", "employerName": "Acme Widgets Ltd", "employerAddress": "Unit 4, Mill Lane, Wigston",
                                 "payrollReference": "P-77", "payPeriod": "MONTHLY", "netEarningsPence": 100000}"""))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/accounts/{r}/remedies", account.reference().value()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"financialYear\": 2025, \"remedy\": \"ATTACHMENT_OF_EARNINGS\"}"))
                .andExpect(status().isCreated());

        runTwice(today);

        List<String> orders = letters(account, "AEO_ORDER");
        assertThat(orders).hasSize(2);
        // Sch. 4 Table B: net monthly earnings of £1,000 are in the £900-£1,420 band, 12%: £120 a month (V50)
        assertThat(orders).allSatisfy(t -> assertThat(t).contains("Council Tax attachment of earnings order", "To the employer: Acme Widgets Ltd",
                "regulation 37", "Employee Sam Earner", "Payroll or works number P-77", "Amount to be recovered £1,065.00", "Order made on " + date(today),
                "Paid monthly", "Deduction each pay-day on those earnings £120.00", "You may also deduct £1.00",
                "Deductions from monthly net earnings (Schedule 4)", "£0.00 £300.00 0%", "£900.00 £1,420.00 12%", "£1,420.00 £2,020.00 17%",
                "17% of the first £2,020.00 and 50% of the"));
        assertThat(orders).anySatisfy(t -> assertThat(t).contains("Unit 4", "Mill Lane", "This copy is for the employer."));
        assertThat(orders).anySatisfy(t -> assertThat(t).contains("1 High Street", "This copy is for the employee named in the order."));
        assertThat(only(account, "AEO_EMPLOYER_SCHEDULE")).contains("employer schedule", "Acme Widgets Ltd", date(today),
                "Sam Earner " + account.reference().value() + " £1,065.00 £0.00");
        assertThat(jdbc.sql("select count(*) from document where authority_id = ? and account_id = ?").params(council.id(), account.id())
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aRefundIsWrittenToWhenItIsPaidNotWhenItIsAskedFor() throws Exception {
        Account account = data.account(council).liable(customer("Ann", "Credit")).property(data.dwelling(council).create())
                .from(LocalDate.of(2020, 4, 1)).open();
        ledger.post(Posting.of(account.reference(), FinancialYear.containing(today), EntryType.PAYMENT, Money.ofPence(-5_000), today, "payment"));
        String body = mvc.perform(post("/api/v1/accounts/{ref}/refunds", account.reference().value()).with(httpBasic("officer", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountPence\": 4210, \"reason\": \"overpaid\", \"payeeName\": \"Mrs A Credit\"}"))
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL")).andReturn().getResponse().getContentAsString();
        long id = JSON.readTree(body).path("id").asLong();
        runTwice(today);
        assertThat(letters(account, "REFUND_LETTER")).as("a refund waiting for approval is not paid yet").isEmpty();

        mvc.perform(post("/api/v1/refunds/{id}/approve", id).with(httpBasic("teamleader", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"checked\"}")).andExpect(status().isOk());
        runTwice(today);

        assertThat(only(account, "REFUND_LETTER")).contains("Refund of your overpayment", "Ann Credit", "Refund £42.10",
                "Paid by payment to Mrs A Credit", "On or about " + date(today), account.reference().value());
    }

    // --- fixtures and reading the letters back ---

    private Party customer(String forenames, String surname) {
        return data.person(council).forenames(forenames).surname(surname).postal("1 High Street", "Wigston", "LE18 2DR").create();
    }

    /** A Band D dwelling's account billed for the year (Band D £2,330.02) on the day, twelve monthly instalments from the 1st. */
    private Account billed(Party customer, FinancialYear year, LocalDate issuedOn) {
        Account a = data.account(council).liable(customer).property(data.dwelling(council).band(CouncilTaxBand.D).create())
                .from(LocalDate.of(2020, 6, 1)).open();
        context.getBean(CouncilTaxBilling.class).bill(a.reference(), year, issuedOn, "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TWELVE_MONTHLY", 1));
        return a;
    }

    private Bill bill(Account account, FinancialYear year) {
        return context.getBean(Bills.class).current(account, year).orElseThrow();
    }

    /**
     * The letters run for the day, twice: the second finds every letter made. (The run covers every council's letters of
     * the day, other tests' too, so what it made is checked on this test's accounts.)
     */
    private void runTwice(LocalDate day) throws Exception {
        for (int run = 0; run < 2; run++) {
            mvc.perform(post("/api/v1/documents/runs").param("date", day.toString()).with(httpBasic("teamleader", PASSWORD)))
                    .andExpect(status().isOk());
        }
    }

    /** The text of the account's letters of a code, as an officer downloads them. */
    private List<String> letters(Account account, String code) throws Exception {
        JsonNode list = JSON.readTree(mvc.perform(get("/api/v1/accounts/{ref}/documents", account.reference().value()).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> texts = new ArrayList<>();
        for (JsonNode d : list) {
            if (d.path("documentCode").asString().equals(code)) {
                texts.add(DocumentsIT.text(mvc.perform(get(d.path("pdf").asString()).with(httpBasic("officer", PASSWORD))).andExpect(status().isOk())
                        .andReturn().getResponse().getContentAsByteArray()));
            }
        }
        return texts;
    }

    private String only(Account account, String code) throws Exception {
        List<String> texts = letters(account, code);
        assertThat(texts).as(code + " letters of " + account.reference()).hasSize(1);
        return texts.get(0);
    }

    private void assertOnce(Account account, String code) {
        assertThat(jdbc.sql("select count(*) from document where authority_id = ? and account_id = ? and document_code = ?")
                .params(account.authorityId(), account.id(), code).query(Integer.class).single()).isEqualTo(1);
    }

    private static String date(LocalDate d) {
        return PendingRequests.LETTER_DATE.format(d);
    }
}
