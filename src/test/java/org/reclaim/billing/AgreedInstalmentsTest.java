package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.reclaim.authorities.InstalmentOptions;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

class AgreedInstalmentsTest {

    private static final FinancialYear Y2026 = FinancialYear.of(2026);

    private static List<Long> pence(List<Instalment> plan) {
        return plan.stream().map(i -> i.amount().pence()).toList();
    }

    private static Money sum(List<Instalment> plan) {
        return plan.stream().map(Instalment::amount).reduce(Money.ZERO, Money::plus);
    }

    @Test
    void weeklyOnFridaysForABillIssuedOnSixthMarch() {
        // 6 March 2026 + 14 days = 20 March, before the year: the first Friday of the year is 3 April 2026; the last
        // Friday on or before 31 March 2027 is 26 March 2027: 52 instalments. £2,330.02 / 52 = £44.81 -> £45, and the
        // first takes 2330.02 - 51 x 45 = £35.02
        List<Instalment> plan = AgreedInstalments.councilTax(Money.ofPence(233002), Y2026, LocalDate.of(2026, 3, 6), DayOfWeek.FRIDAY, 1);
        assertThat(plan).hasSize(52);
        assertThat(plan.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(plan.get(51).dueOn()).isEqualTo(LocalDate.of(2027, 3, 26));
        assertThat(pence(plan).get(0)).isEqualTo(3502L);
        assertThat(pence(plan).subList(1, 52)).containsOnly(4500L);
    }

    @Test
    void fortnightlyOnFridaysForTheSameBill() {
        // every other Friday from 3 April 2026; 2 April 2027 would be past the year, so the last is 19 March 2027: 26
        // instalments of £90, the first 2330.02 - 25 x 90 = £80.02
        List<Instalment> plan = AgreedInstalments.councilTax(Money.ofPence(233002), Y2026, LocalDate.of(2026, 3, 6), DayOfWeek.FRIDAY, 2);
        assertThat(plan).hasSize(26);
        assertThat(plan.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 4, 3));
        assertThat(plan.get(1).dueOn()).isEqualTo(LocalDate.of(2026, 4, 17));
        assertThat(plan.get(25).dueOn()).isEqualTo(LocalDate.of(2027, 3, 19));
        assertThat(pence(plan).get(0)).isEqualTo(8002L);
        assertThat(pence(plan).get(1)).isEqualTo(9000L);
    }

    @Test
    void aBillIssuedMidYearStartsFourteenDaysOnAtTheEarliest() {
        // issued Wednesday 19 August 2026: 14 days on is Wednesday 2 September, the first Monday on or after it 7 September
        List<Instalment> plan = AgreedInstalments.councilTax(Money.ofPounds(1000), Y2026, LocalDate.of(2026, 8, 19), DayOfWeek.MONDAY, 1);
        assertThat(plan.get(0).dueOn()).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(plan.get(plan.size() - 1).dueOn()).isEqualTo(LocalDate.of(2027, 3, 29));
        assertThat(plan).hasSize(30);
        // the chosen day itself counts when it is exactly 14 days on: issued Monday 24 August, first Monday 7 September
        assertThat(AgreedInstalments.firstDueDate(Y2026, LocalDate.of(2026, 8, 24), DayOfWeek.MONDAY)).isEqualTo(LocalDate.of(2026, 9, 7));
    }

    @Test
    void smallInstalmentsAreFoldedAsInTheMonthlyScheme() {
        // £60 over 52 weeks would be £1.15 a week: no instalment under £5, so twelve of £5 in the first twelve weeks
        List<Instalment> plan = AgreedInstalments.councilTax(Money.ofPounds(60), Y2026, LocalDate.of(2026, 3, 6), DayOfWeek.FRIDAY, 1);
        assertThat(pence(plan)).containsOnly(500L).hasSize(12);
        assertThat(plan.get(11).dueOn()).isEqualTo(LocalDate.of(2026, 6, 19));
        // a bill issued on 25 March is too late for any Friday of the year: one instalment, on the first Friday after notice
        assertThat(AgreedInstalments.councilTax(Money.ofPounds(60), Y2026, LocalDate.of(2027, 3, 25), DayOfWeek.FRIDAY, 1))
                .singleElement().satisfies(i -> assertThat(i.dueOn()).isEqualTo(LocalDate.of(2027, 4, 9)));
    }

    @Test
    void aWeeklyPlanNamesItsDayOfTheWeek() {
        assertThat(new Bills.PlanChoice("WEEKLY", 7).paymentDay()).isEqualTo(7);
        assertThatThrownBy(() -> new Bills.PlanChoice("WEEKLY", 8)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("must be 1 (Monday) to 7 (Sunday) for a weekly plan");
        assertThatThrownBy(() -> new Bills.PlanChoice("FORTNIGHTLY", 0)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("for a fortnightly plan");
        assertThatThrownBy(() -> new Bills.PlanChoice("DAILY", 1)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theAnnualRunCarriesAnAgreedPlanOnlyWhileTheAuthorityOffersIt() {
        InstalmentOptions weeklyOnly = new InstalmentOptions(true, false);
        assertThat(AnnualBilling.carriedPlan("WEEKLY", 5, weeklyOnly)).isEqualTo(new Bills.PlanChoice("WEEKLY", 5));
        assertThat(AnnualBilling.carriedPlan("FORTNIGHTLY", 5, weeklyOnly)).isEqualTo(new Bills.PlanChoice("TEN_MONTHLY", 1));
        assertThat(AnnualBilling.carriedPlan("TWELVE_MONTHLY", 15, InstalmentOptions.MONTHLY_ONLY)).isEqualTo(new Bills.PlanChoice("TWELVE_MONTHLY", 15));
        assertThat(AnnualBilling.carriedPlan(null, 1, InstalmentOptions.MONTHLY_ONLY)).isEqualTo(new Bills.PlanChoice("TEN_MONTHLY", 1));
    }

    @Test
    void aRebillKeepsWhatFellDueAndSpreadsTheRestOverTheSameFridays() {
        List<Instalment> weekly = AgreedInstalments.councilTax(Money.ofPence(233002), Y2026, LocalDate.of(2026, 3, 6), DayOfWeek.FRIDAY, 1);
        // revised notice on 20 July: the adjustment day is 3 August, so the 18 Fridays to 31 July stay as they were and the
        // rest, 174751 - (3502 + 17 x 4500) = 94749, goes over the 34 Fridays from 7 August: £28, the first £23.49
        List<Instalment> plan = StatutoryReprofile.reprofile(weekly, Money.ofPence(174751), LocalDate.of(2026, 7, 20),
                AgreedInstalments.dates(weekly.get(0).dueOn(), 1, Y2026.end()), StatutoryInstalments.COUNCIL_TAX_FLOOR);
        assertThat(plan.subList(0, 18)).isEqualTo(weekly.subList(0, 18));
        assertThat(plan).extracting(Instalment::dueOn).isEqualTo(weekly.stream().map(Instalment::dueOn).toList());
        assertThat(pence(plan).get(18)).isEqualTo(2349L);
        assertThat(pence(plan).subList(19, 52)).containsOnly(2800L);
        assertThat(sum(plan)).isEqualTo(Money.ofPence(174751));
    }

    @Property(tries = 2000)
    void agreedPlansAddUpExactlyAreNeverNegativeAndFallOnTheChosenDay(
            @ForAll @LongRange(min = 0, max = 2_000_000_00L) long totalPence,
            @ForAll @IntRange(min = -60, max = 364) int issuedDaysAfterYearStart,
            @ForAll @IntRange(min = 1, max = 2) int weeksApart,
            @ForAll @IntRange(min = 1, max = 7) int paymentDay) {
        Money total = Money.ofPence(totalPence);
        LocalDate issued = Y2026.start().plusDays(issuedDaysAfterYearStart);
        DayOfWeek day = DayOfWeek.of(paymentDay);
        List<Instalment> plan = AgreedInstalments.councilTax(total, Y2026, issued, day, weeksApart);

        assertThat(plan).isNotEmpty();
        assertThat(sum(plan)).isEqualTo(total);
        assertThat(plan).allMatch(i -> !i.amount().isNegative());
        assertThat(plan).allMatch(i -> i.dueOn().getDayOfWeek() == day);
        if (plan.size() > 1) {
            // the first-instalment rule of Sch. 1 para 2(6), and no instalment under £5
            assertThat(plan.subList(1, plan.size())).extracting(Instalment::amount).containsOnly(plan.get(1).amount());
            assertThat(plan.get(1).amount().pence() % 100).isZero();
            assertThat(plan).allMatch(i -> i.amount().compareTo(StatutoryInstalments.COUNCIL_TAX_FLOOR) >= 0);
        }
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).dueOn()).isEqualTo(plan.get(0).dueOn().plusWeeks((long) i * weeksApart));
        }
        assertThat(plan.get(0).dueOn()).isAfterOrEqualTo(issued.plusDays(StatutoryInstalments.NOTICE_DAYS)).isAfterOrEqualTo(Y2026.start());
        // none after the year ends, unless the bill came too late for any day of it (one instalment, 14 days on)
        LocalDate lateBill = issued.plusDays(StatutoryInstalments.NOTICE_DAYS + 6);
        assertThat(plan.get(plan.size() - 1).dueOn()).isBeforeOrEqualTo(plan.size() > 1 || lateBill.isBefore(Y2026.end()) ? Y2026.end() : lateBill);
    }

    @Property(tries = 1000)
    void aRebillOfAnAgreedPlanNeverRewritesWhatFellDueAndStillAddsUp(
            @ForAll @LongRange(min = 0, max = 1_000_000_00L) long firstPence,
            @ForAll @LongRange(min = 0, max = 1_000_000_00L) long revisedPence,
            @ForAll @IntRange(min = 0, max = 340) int revisedDaysAfterYearStart,
            @ForAll @IntRange(min = 1, max = 2) int weeksApart,
            @ForAll @IntRange(min = 1, max = 7) int paymentDay) {
        List<Instalment> first = AgreedInstalments.councilTax(Money.ofPence(firstPence), Y2026, LocalDate.of(2026, 3, 6),
                DayOfWeek.of(paymentDay), weeksApart);
        LocalDate revisedOn = Y2026.start().plusDays(revisedDaysAfterYearStart);
        LocalDate adjustmentDay = revisedOn.plusDays(StatutoryInstalments.NOTICE_DAYS);
        List<Instalment> plan = StatutoryReprofile.reprofile(first, Money.ofPence(revisedPence), revisedOn,
                AgreedInstalments.dates(first.get(0).dueOn(), weeksApart, Y2026.end()), StatutoryInstalments.COUNCIL_TAX_FLOOR);

        assertThat(sum(plan)).isEqualTo(Money.ofPence(revisedPence));
        assertThat(plan).allMatch(i -> !i.amount().isNegative());
        List<Instalment> fallenDue = first.stream().filter(i -> i.dueOn().isBefore(adjustmentDay)).toList();
        if (revisedPence >= sum(fallenDue).pence()) {
            assertThat(plan.subList(0, fallenDue.size())).isEqualTo(fallenDue);
        }
        // what is re-profiled falls on the plan's own days, or on the adjustment day when none of the year is left
        assertThat(plan.subList(fallenDue.size(), plan.size())).allMatch(i -> i.dueOn().equals(adjustmentDay)
                || i.dueOn().getDayOfWeek() == DayOfWeek.of(paymentDay) && !i.dueOn().isBefore(adjustmentDay) && !i.dueOn().isAfter(Y2026.end()));
    }
}
