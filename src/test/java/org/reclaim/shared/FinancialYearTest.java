package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void runsFromFirstAprilToThirtyFirstMarch() {
        FinancialYear y = FinancialYear.of(2026);
        assertThat(y.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(y.end()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(y).hasToString("2026/27");
        assertThat(FinancialYear.of(1999)).hasToString("1999/00");
        assertThat(FinancialYear.of(2008)).hasToString("2008/09");
        assertThat(FinancialYear.containing(LocalDate.of(2027, 3, 31))).isEqualTo(y);
        assertThat(FinancialYear.containing(LocalDate.of(2027, 4, 1))).isEqualTo(y.next());
        assertThat(FinancialYear.containing(LocalDate.of(2026, 3, 31))).isEqualTo(y.previous());
    }

    @Test
    void aYearWithTwentyNinthFebruaryHas366Days() {
        assertThat(FinancialYear.of(2027).lengthInDays()).isEqualTo(366);   // includes 29 Feb 2028
        assertThat(FinancialYear.of(2026).lengthInDays()).isEqualTo(365);
        assertThat(FinancialYear.of(1999).lengthInDays()).isEqualTo(366);   // 29 Feb 2000
    }

    @Test
    void readsTheWaysPeopleWriteIt() {
        assertThat(FinancialYear.parse("2025/26")).isEqualTo(FinancialYear.of(2025));
        assertThat(FinancialYear.parse("2025-26")).isEqualTo(FinancialYear.of(2025));
        assertThat(FinancialYear.parse("2025/2026")).isEqualTo(FinancialYear.of(2025));
        assertThat(FinancialYear.parse(" 2025 ")).isEqualTo(FinancialYear.of(2025));
        assertThat(FinancialYear.parse("2099/00")).isEqualTo(FinancialYear.of(2099));
        assertThatThrownBy(() -> FinancialYear.parse("2025/27")).hasMessageContaining("second year must follow");
        assertThatThrownBy(() -> FinancialYear.parse("last year")).hasMessageContaining("2026/27");
        assertThatThrownBy(() -> FinancialYear.of(1066)).hasMessageContaining("outside");
    }
}
