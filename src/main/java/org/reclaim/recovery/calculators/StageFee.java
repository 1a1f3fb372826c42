package org.reclaim.recovery.calculators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.reclaim.shared.Money;

/**
 * One stage's fee: Taking Control of Goods (Fees) Regulations 2014 (SI 2014/1), Schedule Table 1 and reg 7 — a fixed
 * fee plus {@code percent} of the part of the sum to be recovered that exceeds {@code percentAbove}.
 *
 * <p>Rounding: reg 7 is silent on fractions of a penny; Reclaim rounds the percentage fee down to the penny so that no
 * more than the regulations allow is charged.
 */
public record StageFee(EnforcementStage stage, LocalDate effectiveFrom, Money fixedFee, BigDecimal percent, Money percentAbove,
                       String source) {

    public StageFee {
        if (fixedFee.isNegative() || percentAbove.isNegative()) {
            throw new IllegalArgumentException("a fee and its threshold cannot be negative");
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a percentage must be from 0 to 100");
        }
    }

    /**
     * The fee for this stage on a sum to be recovered: reg 2(1), the amount of the debt that remains unpaid (what is
     * due under the liability order, not including the enforcement agent's own fees and disbursements).
     */
    public Money feeOn(Money sumToBeRecovered) {
        if (sumToBeRecovered.isNegative()) {
            throw new IllegalArgumentException("the sum to be recovered cannot be negative");
        }
        Money excess = sumToBeRecovered.minus(percentAbove).max(Money.ZERO);
        long percentageFee = percent.multiply(BigDecimal.valueOf(excess.pence()))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
        return fixedFee.plus(Money.ofPence(percentageFee));
    }
}
