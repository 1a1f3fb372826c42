package org.reclaim.billing;

import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/**
 * What changes a dwelling's Council Tax for a period, besides its band.
 *
 * @param disabledBandReduction the Council Tax (Reductions for Disabilities) Regulations 1992 (SI 1992/554) apply
 * @param discount              the discount under LGFA 1992 s. 11, if any
 * @param exemptionClass        the class of the Council Tax (Exempt Dwellings) Order 1992 (SI 1992/558) that exempts it, e.g. "N"
 * @param premiumPercent        a premium the authority has determined under LGFA 1992 s. 11B (long-term empty) or
 *                              s. 11C (second homes), as a percentage of the charge (100 doubles it); 0 for none
 * @param premiumReason         what the premium is for, printed on the bill
 * @param councilTaxReduction   a Council Tax Reduction award for the period, imported as an amount
 */
public record CouncilTaxCircumstances(boolean disabledBandReduction, Discount discount, @Nullable String exemptionClass,
                                      int premiumPercent, @Nullable String premiumReason, Money councilTaxReduction) {

    /** LGFA 1992 s. 11(1): 25% where only one resident is counted, 50% where none is (every resident disregarded). */
    public enum Discount {
        NONE(0, ""),
        SINGLE_PERSON(25, "Single person discount (25%)"),
        ALL_RESIDENTS_DISREGARDED(50, "All residents disregarded (50%)");

        final int percent;
        final String label;

        Discount(int percent, String label) {
            this.percent = percent;
            this.label = label;
        }
    }

    public static final CouncilTaxCircumstances NONE = new CouncilTaxCircumstances(false, Discount.NONE, null, 0, null, Money.ZERO);

    public CouncilTaxCircumstances {
        if (premiumPercent < 0 || premiumPercent > 300) {
            // LGFA 1992 s. 11B(1C): at most 300% (dwellings empty 10 years or more, from 2021/22)
            throw new IllegalArgumentException("a Council Tax premium is from 0% to 300%");
        }
        if (premiumPercent > 0 && discount != Discount.NONE) {
            // s. 11B(1)(a) and s. 11C(1): a premium dwelling has no resident, so no resident-based discount applies
            throw new IllegalArgumentException("a dwelling with a premium has no resident, so it cannot have a " + discount.label);
        }
        if (councilTaxReduction.isNegative()) {
            throw new IllegalArgumentException("a Council Tax Reduction award cannot be negative");
        }
    }

    /** Circumstances as a request gives them (absent means none); a combination the law does not allow is that request's error. */
    static CouncilTaxCircumstances fromRequest(@Nullable Boolean disabledBandReduction, @Nullable Discount discount,
                                               @Nullable String exemptionClass, @Nullable Integer premiumPercent, @Nullable String premiumReason,
                                               @Nullable Long councilTaxReductionPence) {
        try {
            return new CouncilTaxCircumstances(Boolean.TRUE.equals(disabledBandReduction), discount == null ? Discount.NONE : discount,
                    exemptionClass, premiumPercent == null ? 0 : premiumPercent, premiumReason,
                    Money.ofPence(councilTaxReductionPence == null ? 0 : councilTaxReductionPence));
        } catch (IllegalArgumentException e) {
            throw org.reclaim.shared.InvalidInput.of("discount", e.getMessage());
        }
    }

    /** The same, without a Council Tax Reduction award (an award is for a bill, not for a day). */
    public CouncilTaxCircumstances withoutReduction() {
        return new CouncilTaxCircumstances(disabledBandReduction, discount, exemptionClass, premiumPercent, premiumReason, Money.ZERO);
    }

    public CouncilTaxCircumstances withDiscount(Discount d) {
        return new CouncilTaxCircumstances(disabledBandReduction, d, exemptionClass, premiumPercent, premiumReason, councilTaxReduction);
    }

    public CouncilTaxCircumstances withDisabledBandReduction() {
        return new CouncilTaxCircumstances(true, discount, exemptionClass, premiumPercent, premiumReason, councilTaxReduction);
    }

    public CouncilTaxCircumstances exempt(String exemptionClass) {
        return new CouncilTaxCircumstances(disabledBandReduction, discount, exemptionClass, premiumPercent, premiumReason, councilTaxReduction);
    }

    public CouncilTaxCircumstances withPremium(int percent, String reason) {
        return new CouncilTaxCircumstances(disabledBandReduction, discount, exemptionClass, percent, reason, councilTaxReduction);
    }

    public CouncilTaxCircumstances withCouncilTaxReduction(Money award) {
        return new CouncilTaxCircumstances(disabledBandReduction, discount, exemptionClass, premiumPercent, premiumReason, award);
    }
}
