package org.reclaim.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount of money in whole pence. Never a double; arithmetic that could overflow fails instead of wrapping.
 * In JSON an amount travels as an integer field named {@code ...Pence}.
 */
public record Money(long pence) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    public static Money ofPence(long pence) {
        return new Money(pence);
    }

    /** Whole pounds, as printed on bills and in statutory tables (e.g. £5 minimum instalment). */
    public static Money ofPounds(long pounds) {
        return new Money(Math.multiplyExact(pounds, 100));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(pence, other.pence));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(pence, other.pence));
    }

    public Money negate() {
        return new Money(Math.negateExact(pence));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(pence, factor));
    }

    /** This amount times numerator/denominator, rounded to the penny with the given rule. */
    public Money times(long numerator, long denominator, RoundingMode rounding) {
        if (denominator == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        BigDecimal exact = BigDecimal.valueOf(pence).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 0, rounding);
        return new Money(exact.longValueExact());
    }

    public boolean isZero() {
        return pence == 0;
    }

    public boolean isPositive() {
        return pence > 0;
    }

    public boolean isNegative() {
        return pence < 0;
    }

    public Money max(Money other) {
        return pence >= other.pence ? this : other;
    }

    public Money min(Money other) {
        return pence <= other.pence ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    /** £1,234.56, or -£12.00 for a credit. */
    @Override
    public String toString() {
        NumberFormat pounds = NumberFormat.getCurrencyInstance(Locale.UK);
        return pounds.format(BigDecimal.valueOf(pence, 2));
    }
}
