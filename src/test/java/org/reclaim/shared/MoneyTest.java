package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void printsPoundsAndPence() {
        assertThat(Money.ofPence(123456)).hasToString("£1,234.56");
        assertThat(Money.ofPence(-1200)).hasToString("-£12.00");
        assertThat(Money.ofPounds(5)).isEqualTo(Money.ofPence(500));
        assertThat(Money.ofPence(5)).hasToString("£0.05");
        assertThat(Money.ofPence(-99)).hasToString("-£0.99");
        assertThat(Money.ofPence(100_000_000)).hasToString("£1,000,000.00");
        assertThat(Money.ofPence(Long.MIN_VALUE)).hasToString("-£92,233,720,368,547,758.08");
    }

    /** Written by hand for speed; it must read exactly as the UK currency format always has. */
    @Property
    void printsAsTheUkCurrencyFormatDoes(@ForAll long pence) {
        assertThat(Money.ofPence(pence).toString())
                .isEqualTo(java.text.NumberFormat.getCurrencyInstance(java.util.Locale.UK).format(java.math.BigDecimal.valueOf(pence, 2)));
    }

    @Test
    void ratiosRoundToThePenny() {
        // Band A is 6/9 of Band D: 166676 * 6 / 9 = 111117.33 -> 111117
        assertThat(Money.ofPence(166676).times(6, 9, RoundingMode.HALF_UP)).isEqualTo(Money.ofPence(111117));
        assertThat(Money.ofPence(5).times(1, 2, RoundingMode.HALF_UP)).isEqualTo(Money.ofPence(3));
        assertThat(Money.ofPence(5).times(1, 2, RoundingMode.DOWN)).isEqualTo(Money.ofPence(2));
    }

    @Test
    void overflowFailsInsteadOfWrapping() {
        assertThatThrownBy(() -> Money.ofPence(Long.MAX_VALUE).plus(Money.ofPence(1))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofPence(1).times(1, 0, RoundingMode.HALF_UP)).isInstanceOf(ArithmeticException.class);
    }

    @Property
    void plusAndMinusAreInverse(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertThat(Money.ofPence(a).plus(Money.ofPence(b)).minus(Money.ofPence(b))).isEqualTo(Money.ofPence(a));
        assertThat(Money.ofPence(a).negate().negate()).isEqualTo(Money.ofPence(a));
    }

    @Test
    void allocatesByLargestRemainderSoThePartsAddUpExactly() {
        // 99,999 at 50/40/9/1: 49,999.5, 39,999.6, 8,999.91, 999.99 -> three spare pennies to .99, .91 and .6
        assertThat(Money.ofPence(99_999).allocate(java.util.List.of(50L, 40L, 9L, 1L)))
                .extracting(Money::pence).containsExactly(49_999L, 40_000L, 9_000L, 1_000L);
        // a tie goes to the earlier part
        assertThat(Money.ofPence(1).allocate(java.util.List.of(1L, 1L))).extracting(Money::pence).containsExactly(1L, 0L);
        // a net refund is shared by the same rule, rounded down
        assertThat(Money.ofPence(-1).allocate(java.util.List.of(1L, 1L))).extracting(Money::pence).containsExactly(0L, -1L);
        assertThatThrownBy(() -> Money.ofPence(1).allocate(java.util.List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofPence(1).allocate(java.util.List.of(-1L, 2L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void allocatedPartsAlwaysAddUpAndStayWithinAPennyOfTheExactShare(
            @ForAll @net.jqwik.api.constraints.Size(min = 1, max = 8) java.util.List<@LongRange(min = 0, max = 1_000_000) Long> weights,
            @ForAll @LongRange(min = -10_000_000, max = 1_000_000_000) long pence) {
        long total = weights.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return;
        }
        java.util.List<Money> parts = Money.ofPence(pence).allocate(weights);
        assertThat(parts.stream().mapToLong(Money::pence).sum()).isEqualTo(pence);
        for (int i = 0; i < parts.size(); i++) {
            double exact = (double) pence * weights.get(i) / total;
            assertThat(Math.abs(parts.get(i).pence() - exact)).isLessThan(1.0 + 1e-6);
        }
    }
}
