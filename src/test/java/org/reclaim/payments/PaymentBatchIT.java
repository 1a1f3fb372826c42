package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The bulk path posts exactly what {@link Payments#receive} posts, one payment at a time, and each receipt once. */
@IntegrationTest
class PaymentBatchIT {

    @Autowired ApplicationContext context;
    @Autowired Ledger ledger;
    @Autowired Payments payments;
    @Autowired PaymentBatch batch;
    @Autowired PaymentReversal reversal;
    TestData data;
    BillingAuthority council;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        council = data.authority().name("Batch Council").create();
    }

    /** Owing £50 for 2024/25 (£10 of it costs) and £120 for 2025/26. */
    private Account owing() {
        Account account = data.account(council).property(data.dwelling(council).create()).from(LocalDate.of(2020, 4, 1)).open();
        post(account, FinancialYear.of(2024), EntryType.CHARGE, 4000);
        post(account, FinancialYear.of(2024), EntryType.COSTS, 1000);
        post(account, FinancialYear.of(2025), EntryType.CHARGE, 12000);
        return account;
    }

    private void post(Account account, FinancialYear year, EntryType type, long pence) {
        ledger.post(Posting.of(account.reference(), year, type, Money.ofPence(pence), year.start(), "test " + type));
    }

    private PaymentReceipt receipt(Account account, long pence, String key) {
        return new PaymentReceipt(council.id(), account.reference().value(), Money.ofPence(pence), PaymentMethod.DIRECT_DEBIT,
                LocalDate.of(2025, 6, 10), null, "batch-test", key, null);
    }

    @Test
    void theBatchAllocatesAsOnePaymentAtATimeDoesAndPostsEachReceiptOnce() {
        Account one = owing();
        Account other = owing();
        List<Allocation> single = List.of(payments.receive(receipt(one, 3000, "s1")).allocations(),
                payments.receive(receipt(one, 9000, "s2")).allocations()).stream().flatMap(List::stream).toList();
        List<PaymentOutcome> outcomes = batch.receiveAll(council.id(), List.of(receipt(other, 3000, "b1"), receipt(other, 9000, "b2"),
                new PaymentReceipt(council.id(), "NOT-A-REF", Money.ofPence(500), PaymentMethod.DIRECT_DEBIT, LocalDate.of(2025, 6, 10), null,
                        "batch-test", "b3", null)));
        assertThat(outcomes.subList(0, 2).stream().flatMap(o -> o.allocations().stream()).toList()).isEqualTo(single);
        assertThat(outcomes.get(2).status()).isEqualTo(PaymentOutcome.Status.SUSPENSE);
        assertThat(ledger.balancesByYear(other)).isEqualTo(ledger.balancesByYear(one));
        assertThat(payments.get(outcomes.get(1).paymentId()).allocations()).isEqualTo(outcomes.get(1).allocations());

        List<PaymentOutcome> again = batch.receiveAll(council.id(), List.of(receipt(other, 3000, "b1")));
        assertThat(again.get(0).repeated()).isTrue();
        assertThat(again.get(0).paymentId()).isEqualTo(outcomes.get(0).paymentId());
        assertThat(ledger.balance(other)).isEqualTo(ledger.balance(one));

        // a reversal puts the year back as it was, once
        Money before = ledger.balance(other);
        assertThat(reversal.reverse(council.id(), outcomes.get(0).paymentId(), LocalDate.of(2025, 7, 1), "test").amount()).isEqualTo(Money.ofPence(3000));
        assertThat(reversal.reverse(council.id(), outcomes.get(0).paymentId(), LocalDate.of(2025, 7, 1), "test").amount()).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(other)).isEqualTo(before.plus(Money.ofPence(3000)));
        assertThat(payments.get(outcomes.get(0).paymentId()).allocations()).isEmpty();
    }
}
