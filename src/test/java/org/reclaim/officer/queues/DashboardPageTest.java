package org.reclaim.officer.queues;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardPageTest {

    @Test
    void sharesAreShownAsPercentages() {
        assertThat(DashboardPage.percent(new java.math.BigDecimal("0.85"))).isEqualTo("85%");
        assertThat(DashboardPage.percent(new java.math.BigDecimal("1.00"))).isEqualTo("100%");
        assertThat(DashboardPage.percent(new java.math.BigDecimal("0.00"))).isEqualTo("0%");
        assertThat(DashboardPage.percent(null)).isNull();
    }
}
