package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar the application builds from the shipped data (migration V2), across the years it covers. */
@IntegrationTest
class BankHolidaysIT {

    @Autowired BusinessCalendar calendar;
    @Autowired JdbcClient jdbc;

    @Test
    void coversEveryYearFrom2018To2030WithEightOrMoreHolidays() {
        for (int year = 2018; year <= 2030; year++) {
            int count = jdbc.sql("select count(*) from bank_holiday where extract(year from holiday_on) = ?").param(year)
                    .query(Integer.class).single();
            assertThat(count).as("bank holidays in %d", year).isGreaterThanOrEqualTo(8);
        }
        assertThat(jdbc.sql("select count(*) from bank_holiday where extract(year from holiday_on) = 2022").query(Integer.class).single())
                .as("2022: Platinum Jubilee and the State Funeral").isEqualTo(10);
    }

    @Test
    void knowsTheOneOffAndSubstituteDays() {
        assertThat(calendar.isBankHoliday(LocalDate.of(2020, 5, 8))).isTrue();     // VE day replaced 4 May
        assertThat(calendar.isBankHoliday(LocalDate.of(2020, 5, 4))).isFalse();
        assertThat(calendar.isBankHoliday(LocalDate.of(2022, 9, 19))).isTrue();    // State Funeral
        assertThat(calendar.isBankHoliday(LocalDate.of(2023, 5, 8))).isTrue();     // Coronation
        assertThat(calendar.isBankHoliday(LocalDate.of(2026, 12, 28))).isTrue();   // Boxing Day substitute
        assertThat(calendar.isBankHoliday(LocalDate.of(2027, 12, 27))).isTrue();   // Christmas substitute
        assertThat(calendar.isBankHoliday(LocalDate.of(2028, 1, 3))).isTrue();     // New Year substitute
        assertThat(calendar.isBankHoliday(LocalDate.of(2030, 4, 19))).isTrue();    // Good Friday 2030
    }

    @Test
    void directDebitAdvanceNoticeOverEaster2027() {
        // 10 working days before Thu 8 April 2027: Good Friday 26 March and Easter Monday 29 March are skipped
        assertThat(calendar.minusWorkingDays(LocalDate.of(2027, 4, 8), 10)).isEqualTo(LocalDate.of(2027, 3, 23));
    }
}
