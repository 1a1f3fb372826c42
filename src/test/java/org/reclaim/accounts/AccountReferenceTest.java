package org.reclaim.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AccountReferenceTest {

    @Test
    void dammCheckDigitOfThePublishedExample() {
        // the worked example of the Damm algorithm: 572 -> check digit 4
        assertThat(AccountReference.checkDigit("572")).isEqualTo(4);
    }

    @Test
    void isAuthorityStreamNumberAndCheckDigit() {
        AccountReference r = AccountReference.of(35, RevenueStream.COUNCIL_TAX, 1234);
        assertThat(r.value()).hasSize(12).startsWith("35100001234");
        assertThat(r.authorityPrefix()).isEqualTo(35);
        assertThat(r.stream()).isEqualTo(RevenueStream.COUNCIL_TAX);
        assertThat(AccountReference.parse("3510 0001 234" + r.value().charAt(11))).isEqualTo(r);
        assertThat(AccountReference.parse(r.value().substring(0, 4) + "-" + r.value().substring(4))).isEqualTo(r);
    }

    @Test
    void refusesWhatIsNotAReference() {
        assertThatThrownBy(() -> AccountReference.parse("12345")).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> AccountReference.parse("35100001234X")).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> AccountReference.of(35, RevenueStream.COUNCIL_TAX, 100_000_000L)).hasMessageContaining("8 digits");
    }

    @Property
    void everySingleMistypedDigitIsRejected(@ForAll @IntRange(min = 10, max = 99) int prefix,
                                            @ForAll @LongRange(min = 1, max = 99_999_999) long number,
                                            @ForAll @IntRange(min = 0, max = 11) int position,
                                            @ForAll @IntRange(min = 1, max = 9) int shift) {
        String good = AccountReference.of(prefix, RevenueStream.BUSINESS_RATES, number).value();
        char[] typed = good.toCharArray();
        typed[position] = (char) ('0' + (typed[position] - '0' + shift) % 10);
        assertThatThrownBy(() -> AccountReference.parse(new String(typed))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everySwapOfTwoAdjacentDifferentDigitsIsRejected(@ForAll @IntRange(min = 10, max = 99) int prefix,
                                                          @ForAll @LongRange(min = 1, max = 99_999_999) long number,
                                                          @ForAll @IntRange(min = 0, max = 10) int position) {
        String good = AccountReference.of(prefix, RevenueStream.HOUSING_RENT, number).value();
        char[] typed = good.toCharArray();
        if (typed[position] == typed[position + 1]) {
            return;   // swapping equal digits changes nothing
        }
        char c = typed[position];
        typed[position] = typed[position + 1];
        typed[position + 1] = c;
        assertThatThrownBy(() -> AccountReference.parse(new String(typed))).isInstanceOf(IllegalArgumentException.class);
    }
}
