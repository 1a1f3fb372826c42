package org.reclaim.billing;

import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.Money;

/**
 * A dwelling's Council Tax for a period, as bill lines, each rounded to the penny on its own, in the order the law
 * applies them:
 * <ol>
 * <li>the band's charge for the days liable (LGFA 1992 s. 2: liability is daily);</li>
 * <li>the disabled band reduction: the charge of the band below, and for Band A five-ninths of Band D
 *     (SI 1992/554 reg. 4(3A), inserted by SI 1999/1004);</li>
 * <li>an exemption (SI 1992/558), which removes what is left;</li>
 * <li>a discount (LGFA 1992 s. 11), on the amount after the disabled reduction (SI 1992/554, explanatory note);</li>
 * <li>a premium (LGFA 1992 s. 11B / 11C), a percentage of the charge;</li>
 * <li>Council Tax Reduction (LGFA 1992 s. 13A), an awarded amount, never more than what is left.</li>
 * </ol>
 */
public final class CouncilTaxCharge {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);   // the same on every machine

    private CouncilTaxCharge() {
    }

    public static List<BillLine> lines(CouncilTaxYear year, CouncilTaxBand band, LiabilityPeriod period, CouncilTaxCircumstances c) {
        if (!year.year().equals(period.year())) {
            throw new IllegalArgumentException("the Council Tax figures are for " + year.year() + " but the period is in " + period.year());
        }
        List<BillLine> lines = new ArrayList<>();
        String when = period.wholeYear() ? year.year().toString()
                : period.from().format(DAY) + " to " + period.to().format(DAY) + " (" + period.days() + " days)";
        Money charge = period.apportion(year.totalFor(band));
        lines.add(new BillLine(BillLine.Kind.CHARGE, "Council Tax band " + band + ", " + when, charge));
        Money remaining = charge;

        if (c.disabledBandReduction()) {
            Money reducedAnnual = band == CouncilTaxBand.A
                    ? year.totalAtNinthsOfBandD(5)
                    : year.totalFor(CouncilTaxBand.values()[band.ordinal() - 1]);
            Money reduction = charge.minus(period.apportion(reducedAnnual));
            lines.add(new BillLine(BillLine.Kind.DISABLED_BAND_REDUCTION, band == CouncilTaxBand.A
                    ? "Disabled band reduction (five-ninths of Band D)" : "Disabled band reduction (charged as band "
                    + CouncilTaxBand.values()[band.ordinal() - 1] + ")", reduction.negate()));
            remaining = remaining.minus(reduction);
        }
        if (c.exemptionClass() != null) {
            lines.add(new BillLine(BillLine.Kind.EXEMPTION, "Exempt, class " + c.exemptionClass(), remaining.negate()));
            return lines;
        }
        if (c.discount() != CouncilTaxCircumstances.Discount.NONE) {
            Money discount = remaining.times(c.discount().percent, 100, RoundingMode.HALF_UP);
            lines.add(new BillLine(BillLine.Kind.DISCOUNT, c.discount().label, discount.negate()));
            remaining = remaining.minus(discount);
        }
        if (c.premiumPercent() > 0) {
            Money premium = remaining.times(c.premiumPercent(), 100, RoundingMode.HALF_UP);
            lines.add(new BillLine(BillLine.Kind.PREMIUM, (c.premiumReason() == null ? "Premium" : c.premiumReason())
                    + " (" + c.premiumPercent() + "%)", premium));
            remaining = remaining.plus(premium);
        }
        if (c.councilTaxReduction().isPositive()) {
            Money award = c.councilTaxReduction().min(remaining);
            lines.add(new BillLine(BillLine.Kind.COUNCIL_TAX_REDUCTION, "Council Tax Reduction", award.negate()));
        }
        return lines;
    }

    public static Money total(List<BillLine> lines) {
        return lines.stream().map(BillLine::amount).reduce(Money.ZERO, Money::plus);
    }
}
