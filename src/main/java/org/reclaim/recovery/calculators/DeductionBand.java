package org.reclaim.recovery.calculators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/**
 * One row of a Schedule 4 table (Council Tax (Administration and Enforcement) Regulations 1992, Sch. 4): net earnings
 * that exceed {@code exceeding} and do not exceed {@code upTo} (no upper limit when null) have {@code percent}
 * deducted; in the top band, {@code percent} of the first {@code exceeding} and {@code percentOfExcess} of the rest.
 *
 * <p>Rounding: the regulations (reg 38 and Sch. 4) say only "a sum equal to the appropriate percentage of the net
 * earnings" and are silent on fractions of a penny. Reclaim rounds the whole deduction down to the penny, so that no
 * more than the prescribed percentage is ever taken.
 */
public record DeductionBand(PayPeriod period, LocalDate effectiveFrom, Money exceeding, @Nullable Money upTo,
                            BigDecimal percent, @Nullable BigDecimal percentOfExcess, String source) {

    public DeductionBand {
        if (exceeding.isNegative()) {
            throw new IllegalArgumentException("a band cannot start below zero");
        }
        if (upTo != null && !upTo.isGreaterThan(exceeding)) {
            throw new IllegalArgumentException("a band's upper limit must be above its lower limit");
        }
        if ((upTo == null) != (percentOfExcess != null)) {
            throw new IllegalArgumentException("only the open-ended top band has a percentage of the excess, and it must have one");
        }
        checkPercent(percent);
        if (percentOfExcess != null) {
            checkPercent(percentOfExcess);
        }
    }

    private static void checkPercent(BigDecimal p) {
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a percentage must be from 0 to 100");
        }
    }

    /** Whether net earnings of this amount fall in this band ("exceeding £X but not exceeding £Y"). */
    public boolean contains(Money netEarnings) {
        return netEarnings.isGreaterThan(exceeding) && (upTo == null || !netEarnings.isGreaterThan(upTo))
                || exceeding.isZero() && netEarnings.isZero();
    }

    /** The first penny in the band: £75.01 for "exceeding £75"; zero for the first band. */
    public Money fromPence() {
        return exceeding.isZero() ? Money.ZERO : exceeding.plus(Money.ofPence(1));
    }

    /** The deduction from net earnings in this band, rounded down to the penny. */
    Money deductionFrom(Money netEarnings) {
        BigDecimal hundredthsOfPence;   // the exact deduction times 100
        if (percentOfExcess == null) {
            hundredthsOfPence = percent.multiply(BigDecimal.valueOf(netEarnings.pence()));
        } else {
            hundredthsOfPence = percent.multiply(BigDecimal.valueOf(exceeding.pence()))
                    .add(percentOfExcess.multiply(BigDecimal.valueOf(netEarnings.minus(exceeding).pence())));
        }
        return Money.ofPence(hundredthsOfPence.divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact());
    }
}
