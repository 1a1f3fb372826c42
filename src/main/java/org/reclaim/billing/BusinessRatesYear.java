package org.reclaim.billing;

import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * A year's national Business Rates figures for England, as data with their source (table business_rates_year). Multipliers are in thousandths
 * of a pound per pound of rateable value (49.9p = 499).
 *
 * @param smallMultiplier        for rateable values below {@code smallBusinessLimit}
 * @param standardMultiplier     for the rest (below {@code highValueLimit} where there is one)
 * @param highValueMultiplier    for rateable values of {@code highValueLimit} or more (from 2026/27), else 0
 * @param rhlSmallMultiplier     occupied retail, hospitality and leisure below {@code smallBusinessLimit} (from 2026/27), else 0
 * @param rhlStandardMultiplier  occupied retail, hospitality and leisure below {@code highValueLimit} (from 2026/27), else 0
 * @param sbrrFullUpTo           small business rate relief is 100% up to this rateable value ...
 * @param sbrrEndsAt             ... and tapers to nothing here (LGFA 1988 Sch. 4ZA para 4; SI 2023/1250)
 * @param rhlReliefPercent       retail, hospitality and leisure relief (2025/26: 40), else 0
 * @param rhlReliefCap           its cash cap per business (2025/26: £110,000)
 */
public record BusinessRatesYear(FinancialYear year, int smallMultiplier, int standardMultiplier, int highValueMultiplier,
                                int rhlSmallMultiplier, int rhlStandardMultiplier, Money smallBusinessLimit, Money highValueLimit,
                                Money sbrrFullUpTo, Money sbrrEndsAt, int rhlReliefPercent, Money rhlReliefCap, String source) {

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
