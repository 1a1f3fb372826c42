package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

class LiabilityPeriodTest {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);

    @Test
    void aPartYearIsTheAnnualAmountByDay() {
        // Band D in Oadby and Wigston 2025/26 (£2,330.02), liable from 10 August 2025: 234 of 365 days
        LiabilityPeriod period = LiabilityPeriod.within(Y2025, LocalDate.of(2025, 8, 10), null);
        assertThat(period.days()).isEqualTo(234);
        assertThat(period.apportion(Money.ofPence(233002))).isEqualTo(Money.ofPence(149377));   // 2330.02 * 234 / 365 = 1493.7662
        assertThat(LiabilityPeriod.within(Y2025, LocalDate.of(2001, 1, 1), null).apportion(Money.ofPence(233002)))
                .isEqualTo(Money.ofPence(233002));
    }

    @Test
    void aLeapYearHas366Days() {
        LiabilityPeriod oneDay = LiabilityPeriod.within(FinancialYear.of(2027), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 2, 29));
        assertThat(oneDay.days()).isEqualTo(1);
        assertThat(oneDay.apportion(Money.ofPence(366_00))).isEqualTo(Money.ofPence(100));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrMissesTheYearIsRefused() {
        assertThatThrownBy(() -> LiabilityPeriod.within(Y2025, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 5, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> LiabilityPeriod.within(Y2025, LocalDate.of(2026, 6, 1), null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("has no day in 2025/26");
    }

    @Property
    void splittingAPeriodNeverLosesMoreThanAPennyPerPart(@ForAll @LongRange(min = 0, max = 1_000_000_00L) long annual,
                                                          @ForAll @IntRange(min = 0, max = 363) int split) {
        LocalDate cut = Y2025.start().plusDays(split);
        Money whole = LiabilityPeriod.within(Y2025, Y2025.start(), null).apportion(Money.ofPence(annual));
        Money parts = LiabilityPeriod.within(Y2025, Y2025.start(), cut).apportion(Money.ofPence(annual))
                .plus(LiabilityPeriod.within(Y2025, cut.plusDays(1), null).apportion(Money.ofPence(annual)));
        assertThat(Math.abs(whole.minus(parts).pence())).isLessThanOrEqualTo(1);
    }
}
