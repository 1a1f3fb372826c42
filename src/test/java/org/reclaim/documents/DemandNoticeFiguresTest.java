package org.reclaim.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.shared.Money;

class DemandNoticeFiguresTest {

    @Test
    void theChangeOnLastYearIsAPercentageToOneDecimalPlaceHalfUp() {
        assertThat(DemandNoticeFigures.change(Money.ofPence(190000), Money.ofPence(200000))).isEqualTo("+5.3%");   // 5.263…
        assertThat(DemandNoticeFigures.change(Money.ofPence(200000), Money.ofPence(190000))).isEqualTo("-5.0%");
        assertThat(DemandNoticeFigures.change(Money.ofPence(33002), Money.ofPence(33002))).isEqualTo("0.0%");
        assertThat(DemandNoticeFigures.change(Money.ofPence(100000), Money.ofPence(104995))).isEqualTo("+5.0%");  // 4.995 half up
        assertThat(DemandNoticeFigures.change(null, Money.ofPence(1000))).isEqualTo("new");
        assertThat(DemandNoticeFigures.change(Money.ZERO, Money.ofPence(1000))).isEqualTo("new");
    }
}
