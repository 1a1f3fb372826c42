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
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.authorities.PreceptingBody;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

class CouncilTaxChargeTest {

    private static final FinancialYear Y2025 = FinancialYear.of(2025);
    /** One body with Oadby and Wigston's published 2025/26 Band D total, £2,330.02, to keep the arithmetic visible. */
    private static final CouncilTaxYear BAND_D_233002 = new CouncilTaxYear(1, Y2025, List.of(new CouncilTaxYear.Precept(
            new PreceptingBody(1, "All bodies", PreceptorKind.OTHER), Money.ofPence(233002), "oadby-wigston.gov.uk")));
    private static final LiabilityPeriod WHOLE_YEAR = LiabilityPeriod.within(Y2025, Y2025.start(), null);

    private static List<Long> amounts(List<BillLine> lines) {
        return lines.stream().map(l -> l.amount().pence()).toList();
    }

    @Test
    void partYearWithASinglePersonDiscount() {
        // liable from 10 August 2025: 234 of 365 days; 2330.02 * 234/365 = 1493.766 -> 1493.77; 25% = 373.4425 -> 373.44
        List<BillLine> lines = CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.D,
                LiabilityPeriod.within(Y2025, LocalDate.of(2025, 8, 10), null),
                CouncilTaxCircumstances.NONE.withDiscount(CouncilTaxCircumstances.Discount.SINGLE_PERSON));
        assertThat(amounts(lines)).containsExactly(149377L, -37344L);
        assertThat(lines.get(0).description()).isEqualTo("Council Tax band D, 10 Aug 2025 to 31 Mar 2026 (234 days)");
        assertThat(lines.get(1).kind()).isEqualTo(BillLine.Kind.DISCOUNT);
        assertThat(CouncilTaxCharge.total(lines)).isEqualTo(Money.ofPence(112033));
    }

    @Test
    void disabledBandReductionIsTheBandBelowAndForBandAFiveNinthsOfBandD() {
        // C (207113) charged as B (181224)
        assertThat(amounts(CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.C, WHOLE_YEAR,
                CouncilTaxCircumstances.NONE.withDisabledBandReduction()))).containsExactly(207113L, -25889L);
        // A (155335) charged as 5/9 of D (129446)
        assertThat(amounts(CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.A, WHOLE_YEAR,
                CouncilTaxCircumstances.NONE.withDisabledBandReduction()))).containsExactly(155335L, -25889L);
        // then the discount is worked on the reduced amount: 181224 * 25% = 45306
        assertThat(amounts(CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.C, WHOLE_YEAR,
                CouncilTaxCircumstances.NONE.withDisabledBandReduction().withDiscount(CouncilTaxCircumstances.Discount.SINGLE_PERSON))))
                .containsExactly(207113L, -25889L, -45306L);
    }

    @Test
    void anExemptionLeavesNothingToPay() {
        List<BillLine> lines = CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.E, WHOLE_YEAR, CouncilTaxCircumstances.NONE.exempt("N"));
        assertThat(CouncilTaxCharge.total(lines)).isEqualTo(Money.ZERO);
        assertThat(lines.get(1).description()).isEqualTo("Exempt, class N");
    }

    @Test
    void aLongTermEmptyPremiumAndCouncilTaxReductionAreLinesOfTheirOwn() {
        assertThat(amounts(CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.D, WHOLE_YEAR,
                CouncilTaxCircumstances.NONE.withPremium(100, "Long-term empty premium")))).containsExactly(233002L, 233002L);
        // a reduction is never more than what is left to pay
        assertThat(amounts(CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.D, WHOLE_YEAR,
                CouncilTaxCircumstances.NONE.withCouncilTaxReduction(Money.ofPence(999_999))))).containsExactly(233002L, -233002L);
    }

    @Test
    void refusesCircumstancesTheLawDoesNotAllow() {
        assertThatThrownBy(() -> CouncilTaxCircumstances.NONE.withPremium(400, "Long-term empty premium"))
                .hasMessageContaining("0% to 300%");
        assertThatThrownBy(() -> CouncilTaxCircumstances.NONE.withPremium(100, "Second homes premium")
                .withDiscount(CouncilTaxCircumstances.Discount.SINGLE_PERSON)).hasMessageContaining("no resident");
        assertThatThrownBy(() -> CouncilTaxCharge.lines(BAND_D_233002, CouncilTaxBand.D,
                LiabilityPeriod.within(FinancialYear.of(2026), FinancialYear.of(2026).start(), null), CouncilTaxCircumstances.NONE))
                .hasMessageContaining("2026/27");
    }

    @Property
    void withoutAPremiumTheBillIsNeverNegativeNorAboveTheBandCharge(@ForAll @LongRange(min = 0, max = 1_000_000_00L) long bandD,
                                                                 @ForAll @IntRange(min = 0, max = 7) int band,
                                                                 @ForAll @IntRange(min = 0, max = 364) int startDay,
                                                                 @ForAll boolean disabled, @ForAll @IntRange(min = 0, max = 2) int discount,
                                                                 @ForAll @LongRange(min = 0, max = 1_000_000_00L) long ctr) {
        CouncilTaxYear year = new CouncilTaxYear(1, Y2025, List.of(new CouncilTaxYear.Precept(
                new PreceptingBody(1, "Body", PreceptorKind.OTHER), Money.ofPence(bandD), "test")));
        CouncilTaxBand b = CouncilTaxBand.values()[band];
        CouncilTaxCircumstances c = CouncilTaxCircumstances.NONE.withDiscount(CouncilTaxCircumstances.Discount.values()[discount])
                .withCouncilTaxReduction(Money.ofPence(ctr));
        List<BillLine> lines = CouncilTaxCharge.lines(year, b, LiabilityPeriod.within(Y2025, Y2025.start().plusDays(startDay), null),
                disabled ? c.withDisabledBandReduction() : c);
        Money total = CouncilTaxCharge.total(lines);
        assertThat(total.isNegative()).isFalse();
        assertThat(total).isLessThanOrEqualTo(lines.get(0).amount());
    }
}
