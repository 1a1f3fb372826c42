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
}
