package org.reclaim.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.AppendOnlyTables;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LedgerIT {

    private static final FinancialYear FY2024 = FinancialYear.of(2024);
    private static final FinancialYear FY2025 = FinancialYear.of(2025);

    /** One authority for the class: reference prefixes are few (90 per installation). */
    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired Ledger ledger;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    TestData data;
    Account account;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Ledger Test Council").create();
        }
        account = data.account(council).open();
    }

    private LedgerEntry post(EntryType type, long pence, LocalDate on) {
        return ledger.post(Posting.of(account.reference(), FinancialYear.containing(on), type, Money.ofPence(pence), on, type + " for a test"));
    }

    private long entryCount(Account a) {
        return jdbc.sql("select count(*) from ledger_entry where authority_id = ? and account_id = ?")
                .params(a.authorityId(), a.id()).query(Long.class).single();
    }

    @Test
    void balanceIsTheSumOfTheEntries() {
        assertThat(ledger.balance(account)).isEqualTo(Money.ZERO);

        post(EntryType.CHARGE, 152_345, LocalDate.of(2024, 4, 1));
        post(EntryType.PAYMENT, -15_000, LocalDate.of(2024, 4, 20));
        post(EntryType.COSTS, 7_050, LocalDate.of(2024, 6, 3));
        post(EntryType.ADJUSTMENT, -1_234, LocalDate.of(2024, 7, 1));
        post(EntryType.ADJUSTMENT, 99, LocalDate.of(2024, 7, 2));
        post(EntryType.PAYMENT, -20_000, LocalDate.of(2025, 5, 1));

        long expected = 152_345 - 15_000 + 7_050 - 1_234 + 99 - 20_000;
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(expected));
        assertThat(ledger.entries(account)).extracting(e -> e.amount().pence())
                .containsExactly(152_345L, -15_000L, 7_050L, -1_234L, 99L, -20_000L);
        assertThat(ledger.entries(account)).extracting(LedgerEntry::postedBy).containsOnly("system");
        // the published view agrees
        assertThat(jdbc.sql("select balance_pence from account_balance where authority_id = ? and account_id = ?")
                .params(account.authorityId(), account.id()).query(Long.class).single()).isEqualTo(expected);
    }

    @Test
    void aDebitFallsDueOnItsEffectiveDateUnlessToldOtherwiseAndACreditNever() {
        LedgerEntry charge = post(EntryType.CHARGE, 1_000, LocalDate.of(2024, 4, 1));
        LedgerEntry later = ledger.post(Posting.of(account.reference(), FY2024, EntryType.CHARGE, Money.ofPence(500),
                LocalDate.of(2024, 4, 1), "instalment").dueOn(LocalDate.of(2024, 5, 1)));
        LedgerEntry payment = post(EntryType.PAYMENT, -300, LocalDate.of(2024, 4, 10));

        assertThat(charge.dueOn()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(later.dueOn()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(payment.dueOn()).isNull();
    }

    @Test
    void aPostingOfTheWrongSignIsRefusedAndPostsNothing() {
        post(EntryType.CHARGE, 10_000, LocalDate.of(2024, 4, 1));

        record Wrong(EntryType type, long pence) {
        }
        for (Wrong wrong : List.of(new Wrong(EntryType.PAYMENT, 500), new Wrong(EntryType.CHARGE, -500),
                new Wrong(EntryType.COSTS, -100), new Wrong(EntryType.WRITE_OFF, 100), new Wrong(EntryType.REFUND, -1),
                new Wrong(EntryType.PAYMENT_REVERSAL, -1), new Wrong(EntryType.ADJUSTMENT, 0))) {
            Throwable thrown = catchThrowable(() -> post(wrong.type(), wrong.pence(), LocalDate.of(2024, 5, 1)));
            assertThat(thrown).as(wrong.toString()).isInstanceOf(InvalidInput.class);
            assertThat(((InvalidInput) thrown).errors()).extracting(InvalidInput.FieldError::field).containsExactly("amountPence");
        }

        assertThat(entryCount(account)).isEqualTo(1);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(10_000));
    }

    @Test
    void aPostingWithoutADescriptionIsRefused() {
        assertThatThrownBy(() -> ledger.post(Posting.of(account.reference(), FY2024, EntryType.CHARGE, Money.ofPence(100),
                LocalDate.of(2024, 4, 1), "  ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("description"));
        assertThat(entryCount(account)).isZero();
    }

    @Test
    void theTableItselfRefusesAWrongSignWhateverTheApplicationDoes() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into ledger_entry (authority_id, account_id, financial_year, entry_type, amount_pence, effective_on,
                                          posted_at, posted_by, description)
                values (?, ?, 2024, 'PAYMENT', 500, date '2024-04-01', now(), 'test', 'wrong sign')""")
                .params(account.authorityId(), account.id()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(entryCount(account)).isZero();
    }

    @Test
    void theIdempotencyKeyMakesARepeatReturnTheFirstEntryAndPostNothing() {
        String key = TestData.uniqueWord("payment-file-line-");
        Posting payment = Posting.of(account.reference(), FY2024, EntryType.PAYMENT, Money.ofPence(-2_500), LocalDate.of(2024, 5, 1),
                "payment from the bank file").withIdempotencyKey(key);

        LedgerEntry first = ledger.post(payment);
        LedgerEntry again = ledger.post(payment);
        assertThatThrownBy(() -> ledger.post(Posting.of(account.reference(), FY2024, EntryType.PAYMENT,
                Money.ofPence(-9_999), LocalDate.of(2024, 5, 2), "re-run of the bank file").withIdempotencyKey(key)))
                .as("the same key with a different amount is not a retry: it is refused")
                .isInstanceOf(org.reclaim.shared.Conflict.class);

        assertThat(first.idempotencyKey()).isEqualTo(key);
        assertThat(again).isEqualTo(first);
        assertThat(entryCount(account)).isEqualTo(1);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-2_500));
    }

    @Test
    void concurrentRepeatsOfOneIdempotentPostingPostItOnce() throws Exception {
        String key = TestData.uniqueWord("retry-");
        Posting payment = Posting.of(account.reference(), FY2024, EntryType.PAYMENT, Money.ofPence(-700), LocalDate.of(2024, 5, 1),
                "retried request").withIdempotencyKey(key);
        List<LedgerEntry> results = inParallel(8, thread -> List.of(ledger.post(payment)));

        assertThat(results).hasSize(8).extracting(LedgerEntry::id).containsOnly(results.get(0).id());
        assertThat(entryCount(account)).isEqualTo(1);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-700));
    }

    /**
     * An idempotency key used on one account must not make a posting to another account silently "succeed" by
     * returning the first account's entry: the key names one payment, so reusing it elsewhere is refused.
     */
    @Test
    void anIdempotencyKeyAlreadyUsedOnAnotherAccountIsAConflictNotTheOtherAccountsEntry() {
        Account other = data.account(council).open();
        String key = TestData.uniqueWord("bank-ref-");
        ledger.post(Posting.of(account.reference(), FY2024, EntryType.PAYMENT, Money.ofPence(-1_000),
                LocalDate.of(2024, 5, 1), "payment").withIdempotencyKey(key));

        assertThatThrownBy(() -> ledger.post(Posting.of(other.reference(), FY2024, EntryType.PAYMENT, Money.ofPence(-1_000),
                LocalDate.of(2024, 5, 1), "payment").withIdempotencyKey(key)))
                .isInstanceOf(org.reclaim.shared.Conflict.class)
                .hasMessageContaining("another account");
        assertThat(ledger.entries(other)).isEmpty();
    }

    @Test
    void noUpdateDeleteOrTruncatePath() {
        LedgerEntry charge = post(EntryType.CHARGE, 12_345, LocalDate.of(2024, 4, 1));
        post(EntryType.PAYMENT, -345, LocalDate.of(2024, 4, 2));

        assertRefusedAsAppendOnly("update ledger_entry set amount_pence = 1 where authority_id = " + account.authorityId()
                + " and id = " + charge.id());
        assertRefusedAsAppendOnly("update ledger_entry set description = 'changed' where authority_id = " + account.authorityId()
                + " and account_id = " + account.id());
        assertRefusedAsAppendOnly("delete from ledger_entry where authority_id = " + account.authorityId()
                + " and account_id = " + account.id());
        assertRefusedAsAppendOnly("truncate ledger_entry");

        assertThat(ledger.entries(account)).extracting(e -> e.amount().pence()).containsExactly(12_345L, -345L);
        assertThat(ledger.entries(account).get(0)).isEqualTo(charge);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(12_000));
    }

    private void assertRefusedAsAppendOnly(String sql) {
        AppendOnlyTables.assertRefused(transactions, jdbc, sql);
    }

    @Test
    void concurrentPostingsToOneAccountLoseNoMoney() throws Exception {
        int threads = 8;
        int perThread = 50;
        List<LedgerEntry> posted = inParallel(threads, t -> {
            List<LedgerEntry> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                long pence = i % 5 == 4 ? -(t * 100L + i + 1) : t * 1_000L + i + 1;
                mine.add(ledger.post(Posting.of(account.reference(), FY2024, pence > 0 ? EntryType.CHARGE : EntryType.PAYMENT,
                        Money.ofPence(pence), LocalDate.of(2024, 4, 1).plusDays(i), "thread " + t + " posting " + i)));
            }
            return mine;
        });

        long expected = 0;
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                expected += i % 5 == 4 ? -(t * 100L + i + 1) : t * 1_000L + i + 1;
            }
        }
        assertThat(posted).hasSize(threads * perThread);
        assertThat(posted).extracting(LedgerEntry::id).doesNotHaveDuplicates();
        assertThat(entryCount(account)).isEqualTo(threads * perThread);
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(expected));
        assertThat(ledger.entries(account).stream().mapToLong(e -> e.amount().pence()).sum()).isEqualTo(expected);
    }

    @Test
    void arrearsCountOnlyDebitsDueByTheDateAndNeverGoBelowZero() {
        post(EntryType.CHARGE, 1_000, LocalDate.of(2024, 5, 1));
        ledger.post(Posting.of(account.reference(), FY2024, EntryType.CHARGE, Money.ofPence(500), LocalDate.of(2024, 4, 1),
                "second instalment").dueOn(LocalDate.of(2024, 6, 1)));
        post(EntryType.COSTS, 7_000, LocalDate.of(2024, 7, 15));
        post(EntryType.PAYMENT, -300, LocalDate.of(2024, 4, 20));

        assertThat(ledger.arrears(account, LocalDate.of(2024, 4, 30))).as("nothing due yet; the credit does not make it negative")
                .isEqualTo(Money.ZERO);
        assertThat(ledger.arrears(account, LocalDate.of(2024, 5, 1))).as("due on the day").isEqualTo(Money.ofPence(700));
        assertThat(ledger.arrears(account, LocalDate.of(2024, 5, 31))).isEqualTo(Money.ofPence(700));
        assertThat(ledger.arrears(account, LocalDate.of(2024, 6, 1))).isEqualTo(Money.ofPence(1_200));
        assertThat(ledger.arrears(account, LocalDate.of(2024, 7, 15))).isEqualTo(Money.ofPence(8_200));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(8_200));

        post(EntryType.PAYMENT, -10_000, LocalDate.of(2024, 8, 1));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(-1_800));
        assertThat(ledger.arrears(account, LocalDate.of(2024, 8, 1))).as("in credit: no arrears, not negative ones").isEqualTo(Money.ZERO);
        assertThat(ledger.arrears(account, LocalDate.of(2030, 1, 1))).isEqualTo(Money.ZERO);
    }

    @Test
    void balancesByYearSplitTheBalanceByFinancialYear() {
        post(EntryType.CHARGE, 120_000, LocalDate.of(2024, 4, 1));
        post(EntryType.PAYMENT, -100_000, LocalDate.of(2025, 3, 31));   // still 2024/25
        post(EntryType.CHARGE, 130_000, LocalDate.of(2025, 4, 1));      // 2025/26
        post(EntryType.PAYMENT, -10_000, LocalDate.of(2025, 4, 2));
        ledger.post(Posting.of(account.reference(), FY2024, EntryType.ADJUSTMENT, Money.ofPence(-5_000), LocalDate.of(2025, 6, 1),
                "late correction to 2024/25"));

        assertThat(ledger.balancesByYear(account)).containsExactly(
                new Ledger.YearBalance(FY2024, Money.ofPence(15_000)),
                new Ledger.YearBalance(FY2025, Money.ofPence(120_000)));
        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(135_000));
        assertThat(ledger.balancesByYear(data.account(council).open())).isEmpty();
    }

    @Test
    void aCorrectionMustNameAnEntryOfTheSameAccount() {
        Account other = data.account(council).open();
        LedgerEntry elsewhere = ledger.post(Posting.of(other.reference(), FY2024, EntryType.CHARGE, Money.ofPence(100),
                LocalDate.of(2024, 4, 1), "charge"));
        LedgerEntry charge = post(EntryType.CHARGE, 100, LocalDate.of(2024, 4, 1));

        assertThatThrownBy(() -> ledger.post(new Posting(account.reference(), FY2024, EntryType.ADJUSTMENT, Money.ofPence(-100),
                LocalDate.of(2024, 4, 2), null, "wrong entry", null, elsewhere.id())))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("correctsEntryId"));
        LedgerEntry correction = ledger.post(new Posting(account.reference(), FY2024, EntryType.ADJUSTMENT, Money.ofPence(-100),
                LocalDate.of(2024, 4, 2), null, "charged in error", null, charge.id()));

        assertThat(correction.correctsEntryId()).isEqualTo(charge.id());
        assertThat(ledger.balance(account)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(other)).isEqualTo(Money.ofPence(100));
    }

    private interface Work {
        List<LedgerEntry> run(int thread) throws Exception;
    }

    /** Starts the threads together and gathers what they posted; any failure fails the test. */
    private static List<LedgerEntry> inParallel(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<LedgerEntry>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<LedgerEntry>> task = () -> {
                    start.await();
                    return work.run(thread);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<LedgerEntry> all = new ArrayList<>();
            for (Future<List<LedgerEntry>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void arrearsOnADateIgnoreCreditsMadeAfterIt() {
        post(EntryType.CHARGE, 10_000, LocalDate.of(2024, 4, 1));
        post(EntryType.PAYMENT, -10_000, LocalDate.of(2024, 6, 20));
        // replaying 1 June: the payment of 20 June had not been made, so the charge was in arrears
        assertThat(ledger.arrears(account, LocalDate.of(2024, 6, 1))).isEqualTo(Money.ofPence(10_000));
        assertThat(ledger.arrears(account, LocalDate.of(2024, 6, 20))).isEqualTo(Money.ZERO);
    }

    @Test
    void anAmountBeyondAnyRealMovementIsRefusedSoSumsCannotOverflow() {
        assertThatThrownBy(() -> post(EntryType.ADJUSTMENT, Long.MAX_VALUE, LocalDate.of(2024, 4, 1)))
                .isInstanceOf(org.reclaim.shared.InvalidInput.class).hasMessageContaining("must not exceed");
        assertThatThrownBy(() -> post(EntryType.PAYMENT, -100_000_000_001L, LocalDate.of(2024, 4, 1)))
                .isInstanceOf(org.reclaim.shared.InvalidInput.class);
        post(EntryType.CHARGE, 100_000_000_000L, LocalDate.of(2024, 4, 1));   // the limit itself is allowed
        assertThat(entryCount(account)).isEqualTo(1);
    }
}
