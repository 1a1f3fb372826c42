package org.reclaim.billing;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.properties.Properties;
import org.reclaim.shared.Money;

/**
 * A hereditament's Business Rates for a period, as bill lines: rateable value times the year's multiplier for the
 * days chargeable (LGFA 1988 ss. 43-45), then the reliefs in the lawful order (Business Rate Supplements Act 2009
 * s. 13 shows the layering): empty property relief, mandatory charity relief, small business rate relief, then the
 * discretionary retail, hospitality and leisure relief on what remains.
 */
public final class BusinessRatesCharge {

    /** What changes a hereditament's rates besides its rateable value. */
    public record Circumstances(boolean charity, boolean soleProperty, boolean retailHospitalityLeisure,
                                @Nullable LocalDate emptySince, boolean industrial, Money rhlReliefAlreadyGiven) {

        public static final Circumstances OCCUPIED = new Circumstances(false, true, false, null, false, Money.ZERO);

        public Circumstances asCharity() {
            return new Circumstances(true, soleProperty, retailHospitalityLeisure, emptySince, industrial, rhlReliefAlreadyGiven);
        }

        public Circumstances notSoleProperty() {
            return new Circumstances(charity, false, retailHospitalityLeisure, emptySince, industrial, rhlReliefAlreadyGiven);
        }

        public Circumstances asRetailHospitalityLeisure() {
            return new Circumstances(charity, soleProperty, true, emptySince, industrial, rhlReliefAlreadyGiven);
        }

        Circumstances withRhlReliefAlreadyGiven(Money given) {
            return new Circumstances(charity, soleProperty, retailHospitalityLeisure, emptySince, industrial, given);
        }

        public Circumstances emptyFrom(LocalDate date, boolean isIndustrial) {
            return new Circumstances(charity, soleProperty, retailHospitalityLeisure, date, isIndustrial, rhlReliefAlreadyGiven);
        }
    }

    /** Empty property with a rateable value under £2,900 is not charged at all while empty (REFERENCE §2.5; Southend, Teignbridge). */
    static final Money INDEFINITE_EMPTY_RELIEF_BELOW = Money.ofPounds(2_900);
    /** Mandatory charity relief: 80% (LGFA 1988 Sch. 4ZA para 2). */
    static final int CHARITY_RELIEF_PERCENT = 80;

    /** How the retail, hospitality and leisure relief line begins, so that a year charged in parts keeps to its cash cap. */
    static final String RHL_RELIEF = "Retail, hospitality and leisure relief";

    private BusinessRatesCharge() {
    }

    /**
     * The lines for a period in which the rateable value may change (a list alteration from a day inside it). Rates are
     * charged day by day (LGFA 1988 s. 43(2): the chargeable amount for each chargeable day, aggregated), and small
     * business rate relief turns on the value shown in the list for the chargeable day concerned (SI 2012/148 art. 4),
     * so each part is charged with its own value and its own reliefs, and each line says which days it is for. The
     * retail, hospitality and leisure relief of the earlier parts counts towards the cash cap of the later ones.
     *
     * @param values the values in force, the first from {@code period.from()}, each until the next one starts
     */
    public static List<BillLine> lines(BusinessRatesYear year, List<Properties.RateableValuePeriod> values, LiabilityPeriod period,
                                       Circumstances c) {
        if (values.isEmpty() || !values.get(0).from().equals(period.from())) {
            throw new IllegalArgumentException("the rateable values must start on the first day of the period, " + period.from());
        }
        if (values.size() == 1) {
            return lines(year, values.get(0).rateableValue(), period, c);
        }
        List<BillLine> lines = new ArrayList<>();
        Money rhlGiven = c.rhlReliefAlreadyGiven();
        for (int i = 0; i < values.size(); i++) {
            LocalDate from = values.get(i).from();
            LocalDate to = i + 1 < values.size() ? values.get(i + 1).from().minusDays(1) : period.to();
            LiabilityPeriod part = new LiabilityPeriod(period.year(), from, to);
            String when = ", " + from.format(CouncilTaxCharge.DAY) + " to " + to.format(CouncilTaxCharge.DAY) + " (" + part.days() + " days)";
            for (BillLine line : lines(year, values.get(i).rateableValue(), part, c.withRhlReliefAlreadyGiven(rhlGiven))) {
                if (line.description().startsWith(RHL_RELIEF)) {
                    rhlGiven = rhlGiven.minus(line.amount());
                }
                lines.add(new BillLine(line.kind(), line.description() + when, line.amount()));
            }
        }
        return lines;
    }

    public static List<BillLine> lines(BusinessRatesYear year, Money rateableValue, LiabilityPeriod period, Circumstances c) {
        if (!year.year().equals(period.year())) {
            throw new IllegalArgumentException("the multipliers are for " + year.year() + " but the period is in " + period.year());
        }
        if (rateableValue.isNegative()) {
            throw new IllegalArgumentException("a rateable value cannot be negative");
        }
        if (c.emptySince() != null && c.emptySince().isAfter(period.from()) && !c.emptySince().isAfter(period.to())) {
            // occupied, then empty: each part is billed on its own terms
            Circumstances occupiedPart = new Circumstances(c.charity(), c.soleProperty(), c.retailHospitalityLeisure(), null,
                    c.industrial(), c.rhlReliefAlreadyGiven());
            List<BillLine> lines = new ArrayList<>(lines(year, rateableValue,
                    new LiabilityPeriod(period.year(), period.from(), c.emptySince().minusDays(1)), occupiedPart));
            lines.addAll(lines(year, rateableValue, new LiabilityPeriod(period.year(), c.emptySince(), period.to()), c));
            return lines;
        }
        List<BillLine> lines = new ArrayList<>();
        boolean occupied = c.emptySince() == null || c.emptySince().isAfter(period.to());
        // RHL multipliers are for occupied qualifying property only; empty property pays the ordinary ones
        int multiplier = year.multiplierFor(rateableValue, occupied && c.retailHospitalityLeisure());
        Money annual = rateableValue.times(multiplier, 1000, RoundingMode.HALF_UP);
        Money charge = period.apportion(annual);
        lines.add(new BillLine(BillLine.Kind.CHARGE, String.format("Rateable value %s x %.1fp", rateableValue, multiplier / 10.0), charge));
        Money remaining = charge;

        if (c.emptySince() != null && !c.emptySince().isAfter(period.to())) {
            // Empty property relief: the first 3 months empty free, 6 for qualifying industrial (SI 2008/386 reg. 4);
            // a charity's empty property whose next use is charitable pays nothing (Sch. 4ZB)
            LocalDate reliefEnds = c.emptySince().plusMonths(c.industrial() ? 6 : 3).minusDays(1);
            LocalDate from = c.emptySince().isAfter(period.from()) ? c.emptySince() : period.from();
            // indefinite below £2,900 rateable value (Non-Domestic Rating (Unoccupied Property) (England) Regulations 2008, SI 2008/386, reg. 4) and for a charity's property
            boolean indefinite = c.charity() || rateableValue.compareTo(INDEFINITE_EMPTY_RELIEF_BELOW) < 0;
            LocalDate to = indefinite || reliefEnds.isAfter(period.to()) ? period.to() : reliefEnds;
            if (!to.isBefore(from)) {
                Money perPeriod = new LiabilityPeriod(period.year(), from, to).apportion(annual);
                Money relief = perPeriod.min(remaining);
                lines.add(new BillLine(BillLine.Kind.RELIEF, c.charity() ? "Empty, next use charitable" : "Empty property relief", relief.negate()));
                remaining = remaining.minus(relief);
            }
            return lines;   // occupied-property reliefs do not apply to an empty property
        }
        if (c.charity()) {
            Money relief = remaining.times(CHARITY_RELIEF_PERCENT, 100, RoundingMode.HALF_UP);
            lines.add(new BillLine(BillLine.Kind.RELIEF, "Mandatory charity relief (80%)", relief.negate()));
            remaining = remaining.minus(relief);
        } else if (c.soleProperty() && rateableValue.compareTo(year.sbrrEndsAt()) < 0) {
            // councils give SBRR only where mandatory charity relief is not due (the statutory exclusion was not found);
            // full up to the lower limit, then tapering straight down to nothing at the upper (1% per £30 for £12,000-£15,000)
            Money full = year.sbrrFullUpTo();
            Money taper = year.sbrrEndsAt().minus(full);
            Money relief = rateableValue.compareTo(full) <= 0 ? remaining
                    : remaining.times(year.sbrrEndsAt().minus(rateableValue).pence(), taper.pence(), RoundingMode.HALF_UP);
            if (relief.isPositive()) {
                lines.add(new BillLine(BillLine.Kind.RELIEF, "Small business rate relief", relief.negate()));
                remaining = remaining.minus(relief);
            }
        }
        if (c.retailHospitalityLeisure() && year.rhlReliefPercent() > 0 && remaining.isPositive()) {
            Money relief = remaining.times(year.rhlReliefPercent(), 100, RoundingMode.HALF_UP)
                    .min(year.rhlReliefCap().minus(c.rhlReliefAlreadyGiven()).max(Money.ZERO));
            if (relief.isPositive()) {
                lines.add(new BillLine(BillLine.Kind.RELIEF, RHL_RELIEF + " (" + year.rhlReliefPercent() + "%)",
                        relief.negate()));
            }
        }
        return lines;
    }
}
