package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CreditsIT {

    private static final FinancialYear Y2024 = FinancialYear.of(2024);
    private static final FinancialYear Y2025 = FinancialYear.of(2025);

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired Payments payments;
    TestData data;
    BillingAuthority council;
    Party payer;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        council = data.authority().name("Credits Council").create();
        payer = data.person(council).create();
    }

    private Account account(RevenueStream stream) {
        var property = stream == RevenueStream.COUNCIL_TAX ? data.dwelling(council).create() : data.nonDomestic(council).create();
        return data.account(council).stream(stream).liable(payer).property(property).from(LocalDate.of(2020, 4, 1)).open();
    }

    /** Owed £100 for 2025/26, paid £130: £30 in credit. */
    private Account inCredit() {
        Account account = account(RevenueStream.COUNCIL_TAX);
        ledger.post(Posting.of(account.reference(), Y2025, EntryType.CHARGE, Money.ofPence(10000), Y2025.start(), "charge"));
        payments.receive(new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(13000), PaymentMethod.BANK_TRANSFER,
                LocalDate.of(2025, 5, 1), null, "test", "credits-" + account.reference().value(), null));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-3000));
        return account;
    }

    private ResultActions refund(Account account, long pence, String user) throws Exception {
        return mvc.perform(post("/api/v1/accounts/{ref}/refunds", account.reference().value()).with(httpBasic(user, "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountPence\": " + pence + ", \"reason\": \"overpaid\", \"payeeName\": \"Mrs A Payer\"}"));
    }

    @Test
    void aRefundWithinTheLimitIsPaidAtOnceAndOneAboveItWaitsForAnotherTeamLeader() throws Exception {
        mvc.perform(put("/api/v1/authorities/{code}/refund-approval", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"approvalAbovePence\": 1000}")).andExpect(status().isOk());
        Account account = inCredit();

        refund(account, 1000, "officer").andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("PAID"));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-2000));
        // a retried request with its Idempotency-Key pays nothing more
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/accounts/{ref}/refunds", account.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                            .header("Idempotency-Key", "refund-call-7").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"amountPence\": 500, \"reason\": \"overpaid\", \"payeeName\": \"Mrs A Payer\"}"))
                    .andExpect(jsonPath("$.status").value("PAID"));
        }
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-1500));

        String waiting = refund(account, 1200, "officer").andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_APPROVAL")).andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(waiting.replaceAll(".*\"id\":(\\d+).*", "$1"));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-1500));
        // the credit a waiting refund holds cannot be asked for twice
        refund(account, 301, "officer").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountPence"));
        mvc.perform(get("/api/v1/refunds").param("authority", council.gssCode()).with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(post("/api/v1/refunds/{id}/approve", id).with(httpBasic("officer", "reclaim-demo"))).andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/refunds/{id}/approve", id).with(httpBasic("teamleader", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"checked the bank statement\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.decidedBy").value("teamleader"));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-300));
        assertThat(ledger.entries(account)).filteredOn(e -> e.type() == EntryType.REFUND).extracting(e -> e.amount().pence())
                .containsExactly(1000L, 500L, 1200L);
        mvc.perform(post("/api/v1/refunds/{id}/approve", id).with(httpBasic("teamleader", "reclaim-demo"))).andExpect(status().isConflict());
    }

    @Test
    void aTeamLeaderCannotApproveTheirOwnRefund() throws Exception {
        Account account = inCredit();   // no limit set: every refund needs approval
        String waiting = refund(account, 3000, "teamleader").andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(waiting.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/v1/refunds/{id}/approve", id).with(httpBasic("teamleader", "reclaim-demo"))).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/refunds/{id}/reject", id).with(httpBasic("teamleader", "reclaim-demo"))).andExpect(status().isConflict());
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-3000));
    }

    @Test
    void aCreditMovesToAnotherAccountOfTheSamePayerAndPaysItsOldestDebt() throws Exception {
        Account councilTax = inCredit();
        Account rates = account(RevenueStream.BUSINESS_RATES);
        ledger.post(Posting.of(rates.reference(), Y2024, EntryType.CHARGE, Money.ofPence(2000), Y2024.start(), "rates"));
        ledger.post(Posting.of(rates.reference(), Y2025, EntryType.CHARGE, Money.ofPence(5000), Y2025.start(), "rates"));

        String move = "{\"toAccountReference\": \"" + rates.reference().value() + "\", \"amountPence\": 3000, \"reason\": \"payer asked\"}";
        // sent twice with the same Idempotency-Key (a retry after a timeout): one transfer, the same answer
        String first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            String answer = mvc.perform(post("/api/v1/accounts/{ref}/credit-transfers", councilTax.reference().value())
                            .with(httpBasic("officer", "reclaim-demo")).header("Idempotency-Key", "transfer-" + councilTax.reference().value())
                            .contentType(MediaType.APPLICATION_JSON).content(move))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.allocations[0].financialYear").value("2024/25"))
                    .andExpect(jsonPath("$.allocations[0].amountPence").value(2000))
                    .andExpect(jsonPath("$.allocations[1].financialYear").value("2025/26"))
                    .andExpect(jsonPath("$.allocations[1].amountPence").value(1000))
                    .andReturn().getResponse().getContentAsString();
            assertThat(first == null ? answer : first).isEqualTo(answer);
            first = answer;
        }
        assertThat(ledger.balance(councilTax)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(rates)).isEqualTo(Money.ofPence(4000));
        // the key used again for another amount is not a repeat
        mvc.perform(post("/api/v1/accounts/{ref}/credit-transfers", councilTax.reference().value())
                        .with(httpBasic("officer", "reclaim-demo")).header("Idempotency-Key", "transfer-" + councilTax.reference().value())
                        .contentType(MediaType.APPLICATION_JSON).content(move.replace("3000", "2999")))
                .andExpect(status().isConflict());

        Account strangers = data.account(council).liable(data.person(council).create()).property(data.dwelling(council).create()).open();
        mvc.perform(post("/api/v1/accounts/{ref}/credit-transfers", rates.reference().value()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"toAccountReference\": \"" + strangers.reference().value() + "\", \"amountPence\": 1, \"reason\": \"x\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("toAccountReference"));
    }

    @Test
    void anOfficerReallocatesAPaymentToTheYearThePayerMeant() throws Exception {
        Account account = account(RevenueStream.COUNCIL_TAX);
        ledger.post(Posting.of(account.reference(), Y2024, EntryType.CHARGE, Money.ofPence(5000), Y2024.start(), "charge"));
        ledger.post(Posting.of(account.reference(), Y2025, EntryType.CHARGE, Money.ofPence(8000), Y2025.start(), "charge"));
        PaymentOutcome paid = payments.receive(new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(6000),
                PaymentMethod.CHEQUE, LocalDate.of(2025, 6, 2), null, "test", "realloc-" + account.reference().value(), null));
        assertThat(paid.allocations()).hasSize(2);   // 5000 to 2024/25, 1000 to 2025/26

        String body = "{\"allocations\": [{\"financialYear\": \"2025/26\", \"part\": \"CHARGES\", \"amountPence\": 6000}], "
                + "\"reason\": \"payer wrote: for this year's bill\"}";
        mvc.perform(post("/api/v1/payments/{id}/reallocate", paid.paymentId()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allocations.length()").value(1))
                .andExpect(jsonPath("$.allocations[0].financialYear").value("2025/26"))
                .andExpect(jsonPath("$.allocations[0].amountPence").value(6000));
        assertThat(ledger.balancesByYear(account)).extracting(b -> b.balance().pence()).containsExactly(5000L, 2000L);
        assertThat(ledger.entries(account)).filteredOn(e -> e.type() == EntryType.TRANSFER)
                .allSatisfy(e -> assertThat(e.effectiveOn()).isEqualTo(LocalDate.of(2025, 6, 2)));
        // asking again changes nothing
        mvc.perform(post("/api/v1/payments/{id}/reallocate", paid.paymentId()).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        assertThat(ledger.entries(account)).filteredOn(e -> e.type() == EntryType.TRANSFER).hasSize(2);
        // it must still add up to the payment
        mvc.perform(post("/api/v1/payments/{id}/reallocate", paid.paymentId()).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body.replace("6000", "5999")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("allocations"));
    }
}
