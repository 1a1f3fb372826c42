package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.shared.FinancialYear;
import org.springframework.beans.factory.annotation.Autowired;

/** The yearly figures shipped as data are the ones the calculations are tested with, and each names its source. */
@IntegrationTest
class BusinessRatesYearsIT {

    @Autowired BusinessRatesYears years;

    @Test
    void shipsTheFiguresOf2025And2026() {
        assertThat(years.find(FinancialYear.of(2025))).get().usingRecursiveComparison().ignoringFields("source")
                .isEqualTo(BusinessRatesChargeTest.Y2025);
        assertThat(years.find(FinancialYear.of(2026))).get().usingRecursiveComparison().ignoringFields("source")
                .isEqualTo(BusinessRatesChargeTest.Y2026);
        assertThat(years.find(FinancialYear.of(2025)).orElseThrow().source()).contains("https://");
        assertThat(years.find(FinancialYear.of(2024))).isEmpty();
    }
}
