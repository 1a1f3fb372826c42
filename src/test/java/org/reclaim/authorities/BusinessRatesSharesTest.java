package org.reclaim.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;

class BusinessRatesSharesTest {

    private static BusinessRatesShares.Share share(String name, String percent) {
        return new BusinessRatesShares.Share(name, new BigDecimal(percent), "test");
    }

    private static String fieldOf(List<BusinessRatesShares.Share> shares) {
        try {
            BusinessRatesShares.check(shares);
            return "none";
        } catch (InvalidInput e) {
            return e.errors().get(0).field();
        }
    }

    @Test
    void sharesMustAddUpToExactlyAHundredPercent() {
        assertThat(fieldOf(List.of(share("Central", "50"), share("District", "40"), share("County", "9"), share("Fire", "1")))).isEqualTo("none");
        assertThat(fieldOf(List.of(share("District", "99"), share("Fire", "1.0000")))).isEqualTo("none");
        assertThat(fieldOf(List.of(share("Central", "50"), share("District", "40"), share("County", "9")))).isEqualTo("shares");
        assertThat(fieldOf(List.of(share("Central", "50"), share("District", "50.0001")))).isEqualTo("shares");
        assertThat(fieldOf(List.of(share("Central", "0"), share("District", "100")))).isEqualTo("shares[0].percent");
        assertThat(fieldOf(List.of(share("District", "33.33333"), share("Other", "66.66667")))).isEqualTo("shares[0].percent");
        assertThat(fieldOf(List.of(share("District", "50"), share(" district", "50")))).isEqualTo("shares[1].name");
        assertThatThrownBy(() -> BusinessRatesShares.check(List.of())).isInstanceOf(InvalidInput.class);
    }

    @Test
    void weightsAreTenThousandthsOfAPercent() {
        assertThat(BusinessRatesShares.weights(List.of(share("A", "9.5"), share("B", "90.5")))).containsExactly(95_000L, 905_000L);
    }
}
