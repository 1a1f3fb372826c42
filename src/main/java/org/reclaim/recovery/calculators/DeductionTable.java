package org.reclaim.recovery.calculators;

import java.time.LocalDate;
import java.util.List;
import org.reclaim.shared.Money;

/**
 * One Schedule 4 table (A weekly, B monthly or C daily) in force from a date: bands that start at zero, follow on
 * without a gap or an overlap, and end with an open-ended top band.
 */
public record DeductionTable(PayPeriod period, LocalDate effectiveFrom, List<DeductionBand> bands) {

    public DeductionTable {
        bands = List.copyOf(bands);
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a deduction table needs at least one band");
        }
        Money next = Money.ZERO;
        for (int i = 0; i < bands.size(); i++) {
            DeductionBand band = bands.get(i);
            if (band.period() != period || !band.effectiveFrom().equals(effectiveFrom)) {
                throw new IllegalArgumentException("every band of a table has its pay period and effective date");
            }
            if (!band.exceeding().equals(next)) {
                throw new IllegalArgumentException("the bands of the " + period + " table from " + effectiveFrom
                        + " leave a gap or overlap at " + next);
            }
            boolean last = i == bands.size() - 1;
            if (last != (band.upTo() == null)) {
                throw new IllegalArgumentException("only the last band of a table is open-ended, and it must be");
            }
            next = band.upTo();
        }
    }

    /** The deduction on a pay-day from these net earnings (which must be zero or more). */
    public Deduction deductionFrom(Money netEarnings) {
        if (netEarnings.isNegative()) {
            throw new IllegalArgumentException("net earnings cannot be negative");
        }
        for (DeductionBand band : bands) {
            if (band.contains(netEarnings)) {
                return new Deduction(band.deductionFrom(netEarnings), period, band);
            }
        }
        throw new IllegalStateException("no band contains " + netEarnings);   // impossible: the bands cover from zero up
    }
}
