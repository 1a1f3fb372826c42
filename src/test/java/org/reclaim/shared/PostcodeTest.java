package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTest {

    @ParameterizedTest
    @CsvSource({"le182dr,LE18 2DR", "LE18  2DR,LE18 2DR", "wn1 1aa,WN1 1AA", "M46 9XY,M46 9XY", "SW1A1AA,SW1A 1AA", "ec1a 1bb,EC1A 1BB"})
    void normalisesSpacingAndCase(String typed, String standard) {
        assertThat(Postcode.parse(typed).value()).isEqualTo(standard);
        assertThat(Postcode.looksLikePostcode(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LE18", "12345", "LE18 2D", "Smith", "LE18 22R", "QQ1 1AAA"})
    void refusesWhatIsNotAPostcode(String typed) {
        assertThat(Postcode.looksLikePostcode(typed)).isFalse();
        assertThatThrownBy(() -> Postcode.parse(typed)).hasMessageContaining("not a UK postcode");
    }
}
