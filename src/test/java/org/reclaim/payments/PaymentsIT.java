package org.reclaim.payments;

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
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class PaymentsIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Accounts accounts;
    @Autowired Payments payments;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;
    TestData data;
    BillingAuthority council;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        council = data.authority().name("Payments Council").create();
    }

    /** An account owing £50 for 2024/25 (£10 of it summons costs) and £120 for 2025/26. */
    private Account owing() {
        Account account = data.account(council).property(data.dwelling(council).create()).from(LocalDate.of(2020, 4, 1)).open();
        charge(account, FinancialYear.of(2024), EntryType.CHARGE, 4000);
        charge(account, FinancialYear.of(2024), EntryType.COSTS, 1000);
        charge(account, FinancialYear.of(2025), EntryType.CHARGE, 12000);
        return account;
    }

    private void charge(Account account, FinancialYear year, EntryType type, long pence) {
        ledger.post(Posting.of(account.reference(), year, type, Money.ofPence(pence), year.start(), "test " + type));
    }

    private ResultActions pay(String idempotencyKey, String json) throws Exception {
        var request = post("/api/v1/payments").with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON).content(json);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request);
    }

    @Test
    void aPaymentIsPostedOnceOldestDebtFirstAndARetryReturnsTheFirstResult() throws Exception {
        Account account = owing();
        String body = "{\"accountReference\": \"" + account.reference().value() + "\", \"amountPence\": 7000, \"method\": \"CARD\", "
                + "\"receivedOn\": \"2025-06-10\"}";
        pay("phone-call-81", body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.allocations.length()").value(3))
                .andExpect(jsonPath("$.allocations[0].financialYear").value("2024/25"))
                .andExpect(jsonPath("$.allocations[0].part").value("COSTS"))
                .andExpect(jsonPath("$.allocations[0].amountPence").value(1000))
                .andExpect(jsonPath("$.allocations[1].part").value("CHARGES"))
                .andExpect(jsonPath("$.allocations[1].amountPence").value(4000))
                .andExpect(jsonPath("$.allocations[2].financialYear").value("2025/26"))
                .andExpect(jsonPath("$.allocations[2].amountPence").value(2000));
        pay("phone-call-81", body).andExpect(status().isOk()).andExpect(jsonPath("$.allocations.length()").value(3));

        List<LedgerEntry> payments = ledger.entries(account).stream().filter(e -> e.type() == EntryType.PAYMENT).toList();
        assertThat(payments).extracting(e -> e.amount().pence()).containsExactly(-1000L, -4000L, -2000L);
        assertThat(payments).allSatisfy(e -> assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2025, 6, 10)));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(10000));

        // the same key with another amount is not a repeat
        pay("phone-call-81", body.replace("7000", "7001")).andExpect(status().isConflict());
    }

    @Test
    void theAuthoritysRuleDecidesWhereAnUndirectedPaymentGoes() throws Exception {
        jdbc.sql("insert into allocation_rule (authority_id, stream, rule) values (?, 'COUNCIL_TAX', 'CURRENT_YEAR_FIRST')")
                .param(council.id()).update();
        Account account = owing();
        PaymentOutcome outcome = payments.receive(new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(5000),
                PaymentMethod.BANK_TRANSFER, LocalDate.of(2025, 6, 10), null, "test", "rule-1", null));
        assertThat(outcome.allocations()).containsExactly(new Allocation(FinancialYear.of(2025), Allocation.Part.CHARGES, Money.ofPence(5000)));
    }

    @Test
    void moreThanIsOwedBecomesACredit() throws Exception {
        Account account = owing();
        PaymentOutcome outcome = payments.receive(new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(20000),
                PaymentMethod.CHEQUE, LocalDate.of(2025, 6, 10), null, "test", "credit-1", null));
        assertThat(outcome.allocations()).last().isEqualTo(new Allocation(FinancialYear.of(2025), Allocation.Part.CREDIT, Money.ofPence(3000)));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-3000));
        // the next payment finds nothing owed: all of it is credit
        assertThat(payments.receive(new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(100), PaymentMethod.CASH,
                LocalDate.of(2025, 6, 11), null, "test", "credit-2", null)).allocations())
                .containsExactly(new Allocation(FinancialYear.of(2025), Allocation.Part.CREDIT, Money.ofPence(100)));
    }

    @Test
    void moneyForNoAccountWaitsInSuspenseUntilAnOfficerMatchesIt() throws Exception {
        Account account = owing();
        String unknown = org.reclaim.accounts.AccountReference.of(council.referencePrefix(),
                org.reclaim.accounts.RevenueStream.COUNCIL_TAX, 99_999_998L).value();
        pay(null, "{\"accountReference\": \"" + unknown + "\", \"amountPence\": 2500, \"method\": \"BANK_TRANSFER\", "
                + "\"receivedOn\": \"2025-07-01\", \"payerName\": \"J Smith\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUSPENSE"))
                .andExpect(jsonPath("$.suspenseReason").value("no account " + unknown));
        PaymentOutcome garbled = payments.receive(new PaymentReceipt(council.id(), "CT ref 12345", Money.ofPence(1200), PaymentMethod.BANK_TRANSFER,
                LocalDate.of(2025, 7, 2), null, "test", "garbled-1", null));
        assertThat(garbled.suspenseReason()).isEqualTo("'CT ref 12345' is not an account reference");

        mvc.perform(get("/api/v1/suspense").param("authority", council.gssCode()).with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].amountPence").value(2500))
                .andExpect(jsonPath("$[0].payerName").value("J Smith"));
        long suspended = garbled.paymentId();
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(17000));

        mvc.perform(post("/api/v1/suspense/{id}/match", suspended).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountReference\": \"" + account.reference().value() + "\", \"note\": \"payer phoned\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("POSTED"))
                .andExpect(jsonPath("$.accountReference").value(account.reference().value()));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(17000 - 1200));
        // matched once only
        mvc.perform(post("/api/v1/suspense/{id}/match", suspended).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountReference\": \"" + account.reference().value() + "\", \"note\": \"again\"}"))
                .andExpect(status().isConflict());
        assertThat(payments.suspense(council.id(), 10)).hasSize(1);
        // the database keeps it so: what was received never changes, and a match is never moved or undone
        org.reclaim.AppendOnlyTables.assertRefused(transactions, jdbc, "update payment set amount_pence = 1 where id = " + suspended);
        org.reclaim.AppendOnlyTables.assertRefused(transactions, jdbc, "update payment set account_id = null, matched_how = null, "
                + "matched_at = null, matched_by = null where id = " + suspended);
        org.reclaim.AppendOnlyTables.assertRefused(transactions, jdbc, "delete from payment where id = " + suspended);
    }

    @Test
    void aClosedAccountWithNothingOwedSendsMoneyToSuspenseButOneStillOwingTakesIt() {
        Account settled = data.account(council).property(data.dwelling(council).create()).from(LocalDate.of(2020, 4, 1)).open();
        accounts.close(settled.reference(), LocalDate.of(2024, 5, 1), "moved out");
        Account owingClosed = owing();
        accounts.close(owingClosed.reference(), LocalDate.of(2025, 5, 1), "moved out");

        assertThat(payments.receive(new PaymentReceipt(council.id(), settled.reference().value(), Money.ofPence(500), PaymentMethod.CASH,
                LocalDate.of(2025, 6, 1), null, "test", "closed-1", null)).suspenseReason())
                .isEqualTo("account " + settled.reference() + " is closed with nothing owed");
        assertThat(payments.receive(new PaymentReceipt(council.id(), owingClosed.reference().value(), Money.ofPence(500), PaymentMethod.CASH,
                LocalDate.of(2025, 6, 1), null, "test", "closed-2", null)).status()).isEqualTo(PaymentOutcome.Status.POSTED);
    }

    @Test
    void refusesWhatIsNotAPaymentAndPostsNothing() throws Exception {
        Account account = owing();
        String ref = account.reference().value();
        pay(null, "{\"accountReference\": \"" + ref + "\", \"amountPence\": 0, \"method\": \"CASH\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amountPence"));
        pay(null, "{\"accountReference\": \"" + ref + "\", \"amountPence\": -5, \"method\": \"CASH\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("amountPence"));
        pay(null, "{\"accountReference\": \"" + ref + "\", \"amountPence\": 500, \"method\": \"BITCOIN\"}")
                .andExpect(status().isBadRequest());
        pay(null, "{\"accountReference\": \"" + ref + "\", \"amountPence\": 500, \"method\": \"CASH\", \"receivedOn\": \"2099-01-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("receivedOn"));
        pay(null, "{\"accountReference\": \"nonsense\", \"amountPence\": 500, \"method\": \"CASH\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("accountReference"));
        mvc.perform(post("/api/v1/payments").with(httpBasic("auditor", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountReference\": \"" + ref + "\", \"amountPence\": 500, \"method\": \"CASH\"}"))
                .andExpect(status().isForbidden());
        assertThat(ledger.entries(account)).noneMatch(e -> e.type() == EntryType.PAYMENT);
    }

    @Test
    void aPaymentTheBankTookBackIsReversedOnceAndCanNeitherBeReallocatedNorMatched() throws Exception {
        Account account = owing();
        PaymentOutcome paid = payments.receive(new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(5000),
                PaymentMethod.DIRECT_DEBIT, LocalDate.of(2025, 6, 1), null, "test", "bounced-1", null));
        PaymentReversal reversal = context.getBean(PaymentReversal.class);

        assertThat(reversal.reverse(council.id(), paid.paymentId(), LocalDate.of(2025, 6, 4), "ARUDD 0").amount()).isEqualTo(Money.ofPence(5000));
        assertThat(reversal.reverse(council.id(), paid.paymentId(), LocalDate.of(2025, 6, 4), "ARUDD 0").amount()).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(17000));
        mvc.perform(post("/api/v1/payments/{id}/reallocate", paid.paymentId()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"allocations\": [{\"financialYear\": \"2025/26\", \"part\": \"CHARGES\", \"amountPence\": 5000}], \"reason\": \"x\"}"))
                .andExpect(status().isConflict());
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(17000));

        // money in suspense that the bank takes back leaves the queue and is never matched
        PaymentOutcome unknown = payments.receive(new PaymentReceipt(council.id(), "no reference", Money.ofPence(700), PaymentMethod.DIRECT_DEBIT,
                LocalDate.of(2025, 6, 1), null, "test", "bounced-2", null));
        reversal.reverse(council.id(), unknown.paymentId(), LocalDate.of(2025, 6, 4), "ARUDD 5");
        assertThat(payments.suspense(council.id(), 10)).noneMatch(i -> i.paymentId() == unknown.paymentId());
        mvc.perform(post("/api/v1/suspense/{id}/match", unknown.paymentId()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountReference\": \"" + account.reference().value() + "\", \"note\": \"x\"}"))
                .andExpect(status().isConflict());
    }
}
