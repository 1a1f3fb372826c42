package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class AllocatorTest {

    private static final FinancialYear Y2024 = FinancialYear.of(2024);
    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    private static final FinancialYear Y2026 = FinancialYear.of(2026);
    private static final LocalDate MAY_2026 = LocalDate.of(2026, 5, 3);

    private static Money p(long pence) {
        return Money.ofPence(pence);
    }

    /** 2024/25 owes £10 of costs and £50 of charges; 2025/26 £120 of charges; 2026/27 £1,000 of charges. */
    private static final List<Allocator.Owed> OWED = List.of(
            new Allocator.Owed(Y2024, p(1000), p(5000)),
            new Allocator.Owed(Y2025, p(0), p(12000)),
            new Allocator.Owed(Y2026, p(0), p(100000)));

    private static final List<Allocator.PlannedInstalment> PLAN_2026 = List.of(
            new Allocator.PlannedInstalment(Y2026, LocalDate.of(2026, 4, 1), p(10090)),
            new Allocator.PlannedInstalment(Y2026, LocalDate.of(2026, 5, 1), p(10000)));

    @Test
    void oldestFirstPaysEachYearsCostsBeforeItsChargesThenTheNextYear() {
        assertThat(Allocator.allocate(p(7000), MAY_2026, null, AllocationRule.OLDEST_FIRST, OWED, List.of())).containsExactly(
                new Allocation(Y2024, Allocation.Part.COSTS, p(1000)),
                new Allocation(Y2024, Allocation.Part.CHARGES, p(5000)),
                new Allocation(Y2025, Allocation.Part.CHARGES, p(1000)));
    }

    @Test
    void currentYearFirstKeepsThisYearsPlanUpToDateThenGoesOldestFirst() {
        assertThat(Allocator.allocate(p(100500), MAY_2026, null, AllocationRule.CURRENT_YEAR_FIRST, OWED, List.of())).containsExactly(
                new Allocation(Y2026, Allocation.Part.CHARGES, p(100000)),
                new Allocation(Y2024, Allocation.Part.COSTS, p(500)));
    }

    @Test
    void aPaymentOfExactlyAnInstalmentGoesToThatInstalmentsYearWhateverTheRule() {
        assertThat(Allocator.allocate(p(10000), MAY_2026, null, AllocationRule.OLDEST_FIRST, OWED, PLAN_2026))
                .containsExactly(new Allocation(Y2026, Allocation.Part.CHARGES, p(10000)));
    }

    @Test
    void aYearThePayerNamesTakesThePaymentFirstAndTheRestGoesByTheRule() {
        assertThat(Allocator.allocate(p(13000), MAY_2026, Y2025, AllocationRule.OLDEST_FIRST, OWED, PLAN_2026)).containsExactly(
                new Allocation(Y2025, Allocation.Part.CHARGES, p(12000)),
                new Allocation(Y2024, Allocation.Part.COSTS, p(1000)));
    }

    @Test
    void moreThanIsOwedIsACreditInTheYearItArrivedFor() {
        List<Allocator.Owed> little = List.of(new Allocator.Owed(Y2025, p(0), p(300)));
        assertThat(Allocator.allocate(p(1000), MAY_2026, null, AllocationRule.OLDEST_FIRST, little, List.of())).containsExactly(
                new Allocation(Y2025, Allocation.Part.CHARGES, p(300)),
                new Allocation(Y2026, Allocation.Part.CREDIT, p(700)));
        assertThat(Allocator.allocate(p(1000), MAY_2026, null, AllocationRule.OLDEST_FIRST, List.of(), List.of()))
                .containsExactly(new Allocation(Y2026, Allocation.Part.CREDIT, p(1000)));
    }

    @Property
    void everyPennyIsAllocatedOnceAndNoYearIsPaidMoreThanItOwes(@ForAll @LongRange(min = 1, max = 10_000_000) long amount,
                                                                  @ForAll @LongRange(min = 0, max = 500_000) long costs,
                                                                  @ForAll @LongRange(min = 0, max = 5_000_000) long charges,
                                                                  @ForAll @IntRange(min = 0, max = 3) int namedIndex,
                                                                  @ForAll boolean currentFirst) {
        List<Allocator.Owed> owed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            owed.add(new Allocator.Owed(FinancialYear.of(2024 + i), p(costs / (i + 1)), p(charges / (i + 1))));
        }
        FinancialYear named = namedIndex == 3 ? null : FinancialYear.of(2024 + namedIndex);
        List<Allocation> allocations = Allocator.allocate(p(amount), MAY_2026, named,
                currentFirst ? AllocationRule.CURRENT_YEAR_FIRST : AllocationRule.OLDEST_FIRST, owed, PLAN_2026);

        assertThat(allocations.stream().map(Allocation::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(p(amount));
        assertThat(allocations).allSatisfy(a -> assertThat(a.amount().isPositive()).isTrue());
        for (Allocator.Owed o : owed) {
            Money toCosts = allocations.stream().filter(a -> a.year().equals(o.year()) && a.part() == Allocation.Part.COSTS)
                    .map(Allocation::amount).reduce(Money.ZERO, Money::plus);
            Money toCharges = allocations.stream().filter(a -> a.year().equals(o.year()) && a.part() == Allocation.Part.CHARGES)
                    .map(Allocation::amount).reduce(Money.ZERO, Money::plus);
            assertThat(toCosts).isLessThanOrEqualTo(o.costs());
            assertThat(toCharges).isLessThanOrEqualTo(o.charges());
        }
        // a credit only once every year is paid off
        if (allocations.stream().anyMatch(a -> a.part() == Allocation.Part.CREDIT)) {
            Money owedInAll = owed.stream().map(o -> o.costs().plus(o.charges())).reduce(Money.ZERO, Money::plus);
            assertThat(p(amount)).isGreaterThan(owedInAll);
        }
    }
}
