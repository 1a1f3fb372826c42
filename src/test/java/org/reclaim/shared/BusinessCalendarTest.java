package org.reclaim.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Working-day arithmetic around the 2026/27 holidays (the same days as migration V2; BankHolidaysIT checks the data). */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = new BusinessCalendar(List.of(
            LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),        // Good Friday, Easter Monday
            LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 25), LocalDate.of(2026, 8, 31),
            LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),    // Christmas (Fri), Boxing Day substitute (Mon)
            LocalDate.of(2027, 1, 1)), 2026, 2027);

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();   // Saturday
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 28))).isFalse();   // substitute day
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 29))).isTrue();
    }

    @Test
    void tenWorkingDaysAcrossChristmasAndNewYear() {
        // from Mon 21 Dec 2026: 22, 23, 24, 29, 30, 31 Dec, 4, 5, 6, 7 Jan
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 21), 10)).isEqualTo(LocalDate.of(2027, 1, 7));
        assertThat(calendar.minusWorkingDays(LocalDate.of(2027, 1, 7), 10)).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 21), LocalDate.of(2027, 1, 7))).isEqualTo(10);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2027, 1, 7), LocalDate.of(2026, 12, 21))).isEqualTo(-10);
    }

    @Test
    void easterWeekend() {
        // Thursday 2 April 2026 plus one working day is Tuesday 7 April (Good Friday, weekend, Easter Monday)
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 2), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.onOrNextWorkingDay(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(calendar.onOrPreviousWorkingDay(LocalDate.of(2026, 4, 6))).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 4, 3), 0)).isEqualTo(LocalDate.of(2026, 4, 3));
    }

    @Test
    void refusesYearsItHasNoDataFor() {
        assertThatThrownBy(() -> calendar.isWorkingDay(LocalDate.of(2031, 1, 2)))
                .hasMessageContaining("no bank holiday data for 2031");
    }
}
