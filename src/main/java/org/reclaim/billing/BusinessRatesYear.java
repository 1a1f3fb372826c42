package org.reclaim.billing;

import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * A year's national Business Rates figures for England, as data with their source. Multipliers are in thousandths
 * of a pound per pound of rateable value (49.9p = 499).
 *
 * @param smallMultiplier        for rateable values below {@code smallBusinessLimit}
 * @param standardMultiplier     for the rest (below {@code highValueLimit} where there is one)
 * @param highValueMultiplier    for rateable values of {@code highValueLimit} or more (from 2026/27), else 0
 * @param rhlSmallMultiplier     occupied retail, hospitality and leisure below {@code smallBusinessLimit} (from 2026/27), else 0
 * @param rhlStandardMultiplier  occupied retail, hospitality and leisure below {@code highValueLimit} (from 2026/27), else 0
 * @param rhlReliefPercent       retail, hospitality and leisure relief (2025/26: 40), else 0
 * @param rhlReliefCap           its cash cap per business (2025/26: £110,000)
 */
public record BusinessRatesYear(FinancialYear year, int smallMultiplier, int standardMultiplier, int highValueMultiplier,
                                int rhlSmallMultiplier, int rhlStandardMultiplier, Money smallBusinessLimit, Money highValueLimit,
                                int rhlReliefPercent, Money rhlReliefCap, String source) {

    /** 2025/26: standard 55.5p, small business 49.9p below £51,000; RHL relief 40% capped at £110,000. */
    public static final BusinessRatesYear Y2025 = new BusinessRatesYear(FinancialYear.of(2025), 499, 555, 0, 0, 0,
            Money.ofPounds(51_000), Money.ZERO, 40, Money.ofPounds(110_000),
            "https://www.rossendale.gov.uk/business-rates/nndr-multipliers-year ; "
                    + "https://www.gov.uk/guidance/business-rates-relief-202526-retail-hospitality-and-leisure-scheme");

    /** 2026/27: five multipliers (RHL small 38.2p, RHL standard 43.0p, small 43.2p, standard 48.0p, high value 50.8p). */
    public static final BusinessRatesYear Y2026 = new BusinessRatesYear(FinancialYear.of(2026), 432, 480, 508, 382, 430,
            Money.ofPounds(51_000), Money.ofPounds(500_000), 0, Money.ZERO,
            "https://www.hartlepool.gov.uk/business-rates-support/new-calculation-business-rates-1-april-2026");

    /** The multiplier for a property of this rateable value; RHL multipliers only for occupied qualifying property. */
    int multiplierFor(Money rateableValue, boolean occupiedRetailHospitalityLeisure) {
        boolean small = rateableValue.compareTo(smallBusinessLimit) < 0;
        boolean high = highValueMultiplier > 0 && rateableValue.compareTo(highValueLimit) >= 0;
        if (high) {
            return highValueMultiplier;
        }
        if (occupiedRetailHospitalityLeisure && rhlSmallMultiplier > 0) {
            return small ? rhlSmallMultiplier : rhlStandardMultiplier;
        }
        return small ? smallMultiplier : standardMultiplier;
    }
}
