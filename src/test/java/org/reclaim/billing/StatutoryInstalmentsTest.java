package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reclaim.billing.StatutoryInstalments.Scheme;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class StatutoryInstalmentsTest {

    private static final FinancialYear Y2026 = FinancialYear.of(2026);

    private static List<Long> pence(List<Instalment> plan) {
        return plan.stream().map(i -> i.amount().pence()).toList();
    }

    @Test
    void theWorkedExampleOfParagraph2_6() {
        // £1,234.56 over 10: nine of £123 (123.456 to the nearest pound) and a first of £127.56
        List<Instalment> plan = StatutoryInstalments.councilTax(Money.ofPence(123456), Y2026, LocalDate.of(2026, 3, 1), Scheme.TEN_MONTHLY, 1);
        assertThat(pence(plan)).containsExactly(12756L, 12300L, 12300L, 12300L, 12300L, 12300L, 12300L, 12300L, 12300L, 12300L);
        assertThat(plan.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(plan.get(9).dueOn()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aTotalThatDividesIntoWholePoundsIsEqualInstalments() {
        assertThat(pence(StatutoryInstalments.councilTax(Money.ofPence(150000), Y2026, LocalDate.of(2026, 3, 1), Scheme.TEN_MONTHLY, 15)))
                .containsOnly(15000L).hasSize(10);
    }

    @Test
    void twelveOnRequestWhenBilledByFifteenthApril() {
        List<Instalment> plan = StatutoryInstalments.councilTax(Money.ofPence(233002), Y2026, LocalDate.of(2026, 3, 10), Scheme.TWELVE_MONTHLY, 1);
        assertThat(plan).hasSize(12);
        assertThat(plan.get(11).dueOn()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(pence(plan).get(1)).isEqualTo(19400L);   // 2330.02 / 12 = 194.17 -> £194
        assertThat(pence(plan).get(0)).isEqualTo(233002L - 11 * 19400L);
    }

    @ParameterizedTest(name = "a notice issued on {0} gives {1} instalments (10-instalment scheme)")
    @CsvSource({"2026-03-01,10", "2026-04-30,10", "2026-05-01,9", "2026-05-31,9", "2026-06-15,8", "2026-07-01,7",
            "2026-08-20,6", "2026-09-01,5", "2026-10-01,4", "2026-11-30,3", "2026-12-31,2", "2027-01-01,1", "2027-03-31,1"})
    void theMonthTableOfParagraph2_3(LocalDate issued, int count) {
        assertThat(StatutoryInstalments.councilTaxCount(Y2026, issued, Scheme.TEN_MONTHLY)).isEqualTo(count);
    }

    @Test
    void aLiabilityThatStartsMidYear() {
        // someone moves in on 10 August 2026 and is billed on 20 August for the rest of the year:
        // whole months left after issue: September to March = 7, less one = 6 instalments, from 1 October (14 days' notice)
        Money partYear = Money.ofPence(233002).times(234, 365, java.math.RoundingMode.HALF_UP);   // 10 Aug 2026 - 31 Mar 2027
        List<Instalment> plan = StatutoryInstalments.councilTax(partYear, Y2026, LocalDate.of(2026, 8, 20), Scheme.TEN_MONTHLY, 1);
        assertThat(plan).hasSize(6);
        assertThat(plan).extracting(Instalment::dueOn).containsExactly(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 1));
        assertThat(plan.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(partYear);
    }

    @Test
    void smallInstalmentsAreFoldedSoNoneIsUnderFivePounds() {
        // £54 over 12 would be 4.50 each: A = £5 (half up) and B = -£1; folding and then paragraph 3 give 10 instalments
        List<Instalment> plan = StatutoryInstalments.councilTax(Money.ofPounds(54), Y2026, LocalDate.of(2026, 3, 1), Scheme.TWELVE_MONTHLY, 1);
        assertThat(pence(plan)).allMatch(p -> p >= 500).hasSize(10);
        assertThat(pence(plan).stream().mapToLong(Long::longValue).sum()).isEqualTo(5400);
        // under £10 in all: one instalment
        assertThat(pence(StatutoryInstalments.councilTax(Money.ofPence(950), Y2026, LocalDate.of(2026, 3, 1), Scheme.TEN_MONTHLY, 1)))
                .containsExactly(950L);
    }

    @Test
    void businessRatesUseTheFiftyPoundFloorAndNoThirtyAprilSplit() {
        assertThat(StatutoryInstalments.businessRatesCount(Y2026, LocalDate.of(2026, 4, 20))).isEqualTo(10);   // May-March = 11, less one
        assertThat(StatutoryInstalments.businessRatesCount(Y2026, LocalDate.of(2026, 5, 20))).isEqualTo(9);
        List<Instalment> plan = StatutoryInstalments.businessRates(Money.ofPounds(300), Y2026, LocalDate.of(2026, 3, 1), 1);
        assertThat(pence(plan)).allMatch(p -> p >= 5000);
        assertThat(pence(plan).stream().mapToLong(Long::longValue).sum()).isEqualTo(30000);
    }

    @Test
    void refusesWhatCannotBePlanned() {
        assertThatThrownBy(() -> StatutoryInstalments.councilTax(Money.ofPence(-1), Y2026, LocalDate.of(2026, 3, 1), Scheme.TEN_MONTHLY, 1))
                .hasMessageContaining("zero or more");
        assertThatThrownBy(() -> StatutoryInstalments.councilTax(Money.ofPence(100), Y2026, LocalDate.of(2026, 3, 1), Scheme.TEN_MONTHLY, 31))
                .hasMessageContaining("1 to 28");
    }

    @Property(tries = 2000)
    void instalmentsAddUpExactlyAreNeverNegativeAndFollowTheFirstInstalmentRule(
            @ForAll @LongRange(min = 0, max = 2_000_000_00L) long totalPence,
            @ForAll @IntRange(min = -60, max = 364) int issuedDaysAfterYearStart,
            @ForAll boolean twelve, @ForAll boolean businessRates,
            @ForAll @IntRange(min = 1, max = 28) int paymentDay) {
        Money total = Money.ofPence(totalPence);
        LocalDate issued = Y2026.start().plusDays(issuedDaysAfterYearStart);
        List<Instalment> plan = businessRates
                ? StatutoryInstalments.businessRates(total, Y2026, issued, paymentDay)
                : StatutoryInstalments.councilTax(total, Y2026, issued, twelve ? Scheme.TWELVE_MONTHLY : Scheme.TEN_MONTHLY, paymentDay);
        Money floor = businessRates ? StatutoryInstalments.BUSINESS_RATES_FLOOR : StatutoryInstalments.COUNCIL_TAX_FLOOR;

        assertThat(plan).isNotEmpty();
        assertThat(plan.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(total);
        assertThat(plan).allMatch(i -> !i.amount().isNegative());
        if (plan.size() > 1) {
            // every instalment but the first is the same whole number of pounds, and none is under the floor
            assertThat(plan.subList(1, plan.size())).extracting(Instalment::amount).containsOnly(plan.get(1).amount());
            assertThat(plan.get(1).amount().pence() % 100).isZero();
            assertThat(plan).allMatch(i -> i.amount().compareTo(floor) >= 0);
        }
        // consecutive months, at least 14 days after issue, within the year when billed in time
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).dueOn()).isEqualTo(plan.get(0).dueOn().plusMonths(i));
        }
        assertThat(plan.get(0).dueOn()).isAfterOrEqualTo(issued.plusDays(StatutoryInstalments.NOTICE_DAYS));
        assertThat(plan.get(plan.size() - 1).dueOn()).isBeforeOrEqualTo(plan.size() > 1 ? Y2026.end() : LocalDate.MAX);
    }
}
