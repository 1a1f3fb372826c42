package org.reclaim.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * This amount split in proportion to the weights, exactly: each part is rounded down to the penny and the pennies
     * left over go one each to the parts with the largest remainders (the earlier part on a tie), so the parts always
     * add up to this amount (the largest remainder method). Used wherever collected money is shared between bodies.
     */
    public List<Money> allocate(List<Long> weights) {
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("a weight cannot be negative");
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("the weights must not all be zero");
        }
        int n = weights.size();
        long[] parts = new long[n];
        BigInteger[] remainders = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            // floor division, so that a negative amount (a net refund) is shared by the same rule
            BigInteger[] qr = BigInteger.valueOf(pence).multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(total);
            if (qr[1].signum() < 0) {
                qr[0] = qr[0].subtract(BigInteger.ONE);
                qr[1] = qr[1].add(total);
            }
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given = Math.addExact(given, parts[i]);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> remainders[b].compareTo(remainders[a]));   // stable: ties keep their order
        long left = pence - given;   // from 0 to n - 1
        for (int k = 0; k < left; k++) {
            parts[order[k]] += 1;
        }
        List<Money> result = new ArrayList<>(n);
        for (long part : parts) {
            result.add(new Money(part));
        }
        return result;
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

    public boolean isGreaterThan(Money other) {
        return pence > other.pence;
    }

    public Money min(Money other) {
        return pence <= other.pence ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(pence, other.pence);
    }

    /**
     * £1,234.56, or -£12.00 for a credit: what {@code NumberFormat.getCurrencyInstance(Locale.UK)} writes, written by hand
     * because runs write it into a hundred thousand audit lines and building a NumberFormat each time cost more than the rest.
     */
    @Override
    public String toString() {
        String digits = pence == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(pence));
        if (digits.length() < 3) {
            digits = "0".repeat(3 - digits.length()) + digits;
        }
        String pounds = digits.substring(0, digits.length() - 2);
        StringBuilder text = new StringBuilder(pounds.length() + 8);
        if (pence < 0) {
            text.append('-');
        }
        text.append('£');
        int lead = pounds.length() % 3 == 0 ? 3 : pounds.length() % 3;
        text.append(pounds, 0, lead);
        for (int i = lead; i < pounds.length(); i += 3) {
            text.append(',').append(pounds, i, i + 3);
        }
        return text.append('.').append(digits, digits.length() - 2, digits.length()).toString();
    }
}
