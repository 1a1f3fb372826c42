package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class BusinessRatesChargeTest {

    private static final LiabilityPeriod YEAR_2025 = LiabilityPeriod.within(FinancialYear.of(2025), FinancialYear.of(2025).start(), null);
    private static final LiabilityPeriod YEAR_2026 = LiabilityPeriod.within(FinancialYear.of(2026), FinancialYear.of(2026).start(), null);

    /** The figures of migration V13 (BusinessRatesYearsIT checks that the database holds these). */
    static final BusinessRatesYear Y2025 = new BusinessRatesYear(FinancialYear.of(2025), 499, 555, 0, 0, 0,
            Money.ofPounds(51_000), Money.ZERO, Money.ofPounds(12_000), Money.ofPounds(15_000), 40, Money.ofPounds(110_000), "test");
    static final BusinessRatesYear Y2026 = new BusinessRatesYear(FinancialYear.of(2026), 432, 480, 508, 382, 430,
            Money.ofPounds(51_000), Money.ofPounds(500_000), Money.ofPounds(12_000), Money.ofPounds(15_000), 0, Money.ZERO, "test");

    private static List<Long> amounts(List<BillLine> lines) {
        return lines.stream().map(l -> l.amount().pence()).toList();
    }

    @ParameterizedTest(name = "RV £{0}: gross {1}p, small business rate relief {2}p")
    @CsvSource({
            // 2025/26, small business multiplier 49.9p below £51,000
            "10000, 499000, 499000",     // up to £12,000: 100%
            "12000, 598800, 598800",     // the edge of full relief
            "12030, 600297, 594294",     // £30 over: 99% (600297 x 0.99 = 594294.03)
            "13500, 673650, 336825",     // half way: 50%
            "14970, 747003, 7470",       // £30 under the end: 1%
            "15000, 748500, 0",          // no relief at £15,000
    })
    void smallBusinessRateReliefAcrossItsTaper(long rateableValuePounds, long gross, long relief) {
        List<BillLine> lines = BusinessRatesCharge.lines(Y2025, Money.ofPounds(rateableValuePounds), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED);
        assertThat(lines.get(0).amount()).isEqualTo(Money.ofPence(gross));
        long given = lines.size() > 1 ? -lines.get(1).amount().pence() : 0;
        assertThat(given).isEqualTo(relief);
    }

    @Test
    void charityReliefExcludesSmallBusinessRateRelief() {
        assertThat(amounts(BusinessRatesCharge.lines(Y2025, Money.ofPounds(10_000), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.asCharity()))).containsExactly(499000L, -399200L);
    }

    @Test
    void retailHospitalityLeisureReliefComesAfterTheOtherReliefsAndIsCapped() {
        // RV £40,000 x 49.9p = £19,960; 40% = £7,984
        assertThat(amounts(BusinessRatesCharge.lines(Y2025, Money.ofPounds(40_000), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.asRetailHospitalityLeisure()))).containsExactly(1996000L, -798400L);
        // a large store: RV £1,000,000 x 55.5p = £555,000; 40% would be £222,000 but the cap is £110,000
        assertThat(amounts(BusinessRatesCharge.lines(Y2025, Money.ofPounds(1_000_000), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.notSoleProperty().asRetailHospitalityLeisure())))
                .containsExactly(55500000L, -11000000L);
    }

    @Test
    void theFiveMultipliersOf2026() {
        assertThat(Y2026.multiplierFor(Money.ofPounds(50_999), true)).isEqualTo(382);
        assertThat(Y2026.multiplierFor(Money.ofPounds(51_000), true)).isEqualTo(430);
        assertThat(Y2026.multiplierFor(Money.ofPounds(50_999), false)).isEqualTo(432);
        assertThat(Y2026.multiplierFor(Money.ofPounds(499_999), false)).isEqualTo(480);
        assertThat(Y2026.multiplierFor(Money.ofPounds(500_000), true)).isEqualTo(508);
        // an empty shop pays the ordinary multiplier: RV £20,000 x 43.2p after its 3 free months
        List<BillLine> empty = BusinessRatesCharge.lines(Y2026, Money.ofPounds(20_000), YEAR_2026,
                BusinessRatesCharge.Circumstances.OCCUPIED.asRetailHospitalityLeisure().emptyFrom(LocalDate.of(2026, 4, 1), false));
        assertThat(empty.get(0).amount()).isEqualTo(Money.ofPence(864000));
        // 1 April to 30 June free: 91 of 365 days of £8,640 = 2154.08
        assertThat(empty.get(1).amount()).isEqualTo(Money.ofPence(-215408));
    }

    @Test
    void qualifyingIndustrialPropertyGetsSixMonthsEmptyRelief() {
        List<BillLine> lines = BusinessRatesCharge.lines(Y2025, Money.ofPounds(100_000), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.notSoleProperty().emptyFrom(LocalDate.of(2025, 4, 1), true));
        // 1 April to 30 September: 183 of 365 days of £55,500 = 27,826.03
        assertThat(amounts(lines)).containsExactly(5550000L, -2782603L);
    }

    @Test
    void aPeriodOccupiedThenEmptyIsBilledInTwoParts() {
        // RV £10,000 x 49.9p = £4,990 a year; occupied April to September (183 days): small business rate relief clears it;
        // empty from 1 October (182 days, £2,488.16): October to December (92 days, £1,257.75) free, January to March payable
        List<BillLine> lines = BusinessRatesCharge.lines(Y2025, Money.ofPounds(10_000), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.emptyFrom(LocalDate.of(2025, 10, 1), false));
        assertThat(amounts(lines)).containsExactly(250184L, -250184L, 248816L, -125775L);
        assertThat(lines.stream().map(BillLine::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.ofPence(123041));
    }

    @Test
    void emptyPropertyUnderTwoThousandNineHundredPoundsPaysNothingWhileEmpty() {
        List<BillLine> lines = BusinessRatesCharge.lines(Y2025, Money.ofPounds(2_500), YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.emptyFrom(LocalDate.of(2025, 1, 1), false));
        assertThat(lines.stream().map(BillLine::amount).reduce(Money.ZERO, Money::plus)).isEqualTo(Money.ZERO);
    }

    @Test
    void aYearTheValueChangesInIsChargedInPartsAndTheReliefCapSpansThem() {
        // 2025/26, standard multiplier 55.5p, retail: RV £600,000 to 30 September (183 days: 33300000 x 183/365 -> 16695616,
        // relief 40% -> 6678246), then £500,000 (182 days: 27750000 x 182/365 -> 13836986, 40% would be 5534794 but only
        // 11000000 - 6678246 = 4321754 of the £110,000 cap is left)
        List<org.reclaim.properties.Properties.RateableValuePeriod> values = List.of(
                new org.reclaim.properties.Properties.RateableValuePeriod(LocalDate.of(2025, 4, 1), Money.ofPounds(600_000), "2023 list"),
                new org.reclaim.properties.Properties.RateableValuePeriod(LocalDate.of(2025, 10, 1), Money.ofPounds(500_000), "VOA 1"));
        List<BillLine> lines = BusinessRatesCharge.lines(Y2025, values, YEAR_2025,
                BusinessRatesCharge.Circumstances.OCCUPIED.asRetailHospitalityLeisure());
        assertThat(amounts(lines)).containsExactly(16_695_616L, -6_678_246L, 13_836_986L, -4_321_754L);
        assertThat(lines.get(2).description()).isEqualTo("Rateable value £500,000.00 x 55.5p, 1 Oct 2025 to 31 Mar 2026 (182 days)");
        // one value all year: the lines of a single value, with no dates
        assertThat(BusinessRatesCharge.lines(Y2025, values.subList(0, 1), YEAR_2025, BusinessRatesCharge.Circumstances.OCCUPIED))
                .isEqualTo(BusinessRatesCharge.lines(Y2025, Money.ofPounds(600_000), YEAR_2025, BusinessRatesCharge.Circumstances.OCCUPIED));
    }
}
