package org.reclaim.recovery.calculators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reclaim.shared.Money;

/** Council Tax (Administration and Enforcement) Regulations 1992, Sch. 4 Tables A, B and C at every band edge. */
class DeductionTableTest {

    private static long deduction(PayPeriod period, long netPence) {
        return ScheduleFourTables.of(period).deductionFrom(Money.ofPence(netPence)).amount().pence();
    }

    @ParameterizedTest(name = "{0} net {1}p -> {2}p at {3}%")
    @CsvSource({
            // Table A (weekly): each band's upper edge, then the first penny of the next band
            "WEEKLY, 1, 0, 0", "WEEKLY, 7500, 0, 0",
            "WEEKLY, 7501, 225, 3", "WEEKLY, 13500, 405, 3",
            "WEEKLY, 13501, 675, 5", "WEEKLY, 18500, 925, 5",
            "WEEKLY, 18501, 1295, 7", "WEEKLY, 22500, 1575, 7",
            "WEEKLY, 22501, 2700, 12", "WEEKLY, 35500, 4260, 12",
            "WEEKLY, 35501, 6035, 17", "WEEKLY, 50500, 8585, 17",
            "WEEKLY, 50501, 8585, 17",
            // Table B (monthly)
            "MONTHLY, 1, 0, 0", "MONTHLY, 30000, 0, 0",
            "MONTHLY, 30001, 900, 3", "MONTHLY, 55000, 1650, 3",
            "MONTHLY, 55001, 2750, 5", "MONTHLY, 74000, 3700, 5",
            "MONTHLY, 74001, 5180, 7", "MONTHLY, 90000, 6300, 7",
            "MONTHLY, 90001, 10800, 12", "MONTHLY, 142000, 17040, 12",
            "MONTHLY, 142001, 24140, 17", "MONTHLY, 202000, 34340, 17",
            "MONTHLY, 202001, 34340, 17",
            // Table C (daily)
            "DAILY, 1, 0, 0", "DAILY, 1100, 0, 0",
            "DAILY, 1101, 33, 3", "DAILY, 2000, 60, 3",
            "DAILY, 2001, 100, 5", "DAILY, 2700, 135, 5",
            "DAILY, 2701, 189, 7", "DAILY, 3300, 231, 7",
            "DAILY, 3301, 396, 12", "DAILY, 5200, 624, 12",
            "DAILY, 5201, 884, 17", "DAILY, 7200, 1224, 17",
            "DAILY, 7201, 1224, 17",
    })
    void deductsTheBandsPercentageAtEachEdge(PayPeriod period, long netPence, long expectedPence, int percent) {
        Deduction d = ScheduleFourTables.of(period).deductionFrom(Money.ofPence(netPence));
        assertThat(d.amount().pence()).isEqualTo(expectedPence);
        assertThat(d.band().percent()).isEqualByComparingTo(BigDecimal.valueOf(percent));
        assertThat(d.band().contains(Money.ofPence(netPence))).isTrue();
    }

    @Test
    void theTopBandTakes17PercentOfTheFirstPartAnd50PercentOfTheRestNot50PercentOfEverything() {
        // weekly £600: 17% of £505 (£85.85) + 50% of £95 (£47.50)
        assertThat(deduction(PayPeriod.WEEKLY, 60000)).isEqualTo(8585 + 4750);
        // monthly £3,000: 17% of £2,020 (£343.40) + 50% of £980 (£490.00)
        assertThat(deduction(PayPeriod.MONTHLY, 300000)).isEqualTo(34340 + 49000);
        // daily £100: 17% of £72 (£12.24) + 50% of £28 (£14.00)
        assertThat(deduction(PayPeriod.DAILY, 10000)).isEqualTo(1224 + 1400);
        Deduction top = ScheduleFourTables.WEEKLY.deductionFrom(Money.ofPence(60000));
        assertThat(top.band().upTo()).isNull();
        assertThat(top.band().percentOfExcess()).isEqualByComparingTo("50");
    }

    @Test
    @DisplayName("CONFLICT £355 vs £335: weekly £340 is in the 12% band as shipped (most councils, Welsh SI 2007/582), not 17% as SI 2006/3395 reg 5(2)(a)(v) reads")
    void weeklyTwelvePercentBandEndsAt355NotAt335_CONFLICT() {
        assertThat(deduction(PayPeriod.WEEKLY, 34000)).isEqualTo(4080);   // 12%; with £335 it would be 17%, £57.80
        assertThat(deduction(PayPeriod.WEEKLY, 33501)).isEqualTo(4020);   // 12% of £335.01 = £40.2012
    }

    @Test
    void roundsDownToThePennySoNoMoreThanThePercentageIsTaken() {
        // the regulations are silent on fractions of a penny: 3% of £75.33 is £2.2599, deducted as £2.25
        assertThat(deduction(PayPeriod.WEEKLY, 7533)).isEqualTo(225);
        // top band: 17% of £505 + 50% of 3p = £85.85 + 1.5p, deducted as £85.86
        assertThat(deduction(PayPeriod.WEEKLY, 50503)).isEqualTo(8586);
    }

    @Test
    void refusesNegativeEarningsAndTablesWithGaps() {
        assertThatThrownBy(() -> ScheduleFourTables.WEEKLY.deductionFrom(Money.ofPence(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        DeductionBand first = new DeductionBand(PayPeriod.WEEKLY, ScheduleFourTables.FROM_2007, Money.ZERO, Money.ofPounds(75),
                BigDecimal.ZERO, null, "test");
        DeductionBand gap = new DeductionBand(PayPeriod.WEEKLY, ScheduleFourTables.FROM_2007, Money.ofPounds(80), null,
                BigDecimal.valueOf(17), BigDecimal.valueOf(50), "test");
        assertThatThrownBy(() -> new DeductionTable(PayPeriod.WEEKLY, ScheduleFourTables.FROM_2007, List.of(first, gap)))
                .hasMessageContaining("gap or overlap");
        assertThatThrownBy(() -> new DeductionBand(PayPeriod.WEEKLY, ScheduleFourTables.FROM_2007, Money.ZERO, null,
                BigDecimal.valueOf(17), null, "test")).hasMessageContaining("top band");
    }

    @Property
    void neverNegativeAndNeverMoreThanTheNetEarnings(@ForAll PayPeriod period, @ForAll @LongRange(min = 0, max = 100_000_000_000L) long net) {
        long d = deduction(period, net);
        assertThat(d).isBetween(0L, net);
    }

    @Property
    void aBiggerPayPacketNeverMeansASmallerDeduction(@ForAll PayPeriod period, @ForAll @LongRange(min = 0, max = 1_000_000) long net,
                                                    @ForAll @LongRange(min = 0, max = 1_000_000) long more) {
        assertThat(deduction(period, net + more)).isGreaterThanOrEqualTo(deduction(period, net));
    }

    @Property
    void isMonotonicPennyByPennyAcrossEveryBandEdge(@ForAll PayPeriod period, @ForAll @IntRange(min = 0, max = 5) int edge,
                                                   @ForAll @IntRange(min = -3, max = 3) int offset) {
        DeductionBand band = ScheduleFourTables.of(period).bands().get(edge);
        long at = band.upTo().pence() + offset;
        assertThat(deduction(period, at + 1)).isGreaterThanOrEqualTo(deduction(period, at));
    }
}
