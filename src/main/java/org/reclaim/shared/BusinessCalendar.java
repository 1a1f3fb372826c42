package org.reclaim.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Statutory periods are counted on it,
 * e.g. Direct Debit advance notice of 10 working days (Bacs Direct Debit scheme rules) or the days before a hearing.
 * It refuses dates outside the years it has bank holiday data for rather than silently treating them as ordinary days.
 */
public final class BusinessCalendar {

    private final Set<LocalDate> bankHolidays;
    private final int firstYear;
    private final int lastYear;

    public BusinessCalendar(Collection<LocalDate> bankHolidays, int firstYear, int lastYear) {
        this.bankHolidays = Set.copyOf(new TreeSet<>(bankHolidays));
        this.firstYear = firstYear;
        this.lastYear = lastYear;
    }

    public boolean isBankHoliday(LocalDate date) {
        checkCovered(date);
        return bankHolidays.contains(date);
    }

    public boolean isWorkingDay(LocalDate date) {
        checkCovered(date);
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /** The date n working days after (n > 0) or before (n < 0) the given date; n = 0 returns the date itself. */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        int step = n >= 0 ? 1 : -1;
        LocalDate d = date;
        for (int remaining = Math.abs(n); remaining > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                remaining--;
            }
        }
        return d;
    }

    public LocalDate minusWorkingDays(LocalDate date, int n) {
        return plusWorkingDays(date, -n);
    }

    /** The date itself if it is a working day, otherwise the next working day after it. */
    public LocalDate onOrNextWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The date itself if it is a working day, otherwise the last working day before it. */
    public LocalDate onOrPreviousWorkingDay(LocalDate date) {
        LocalDate d = date;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to}; negative if {@code to} is earlier. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    private void checkCovered(LocalDate date) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw new IllegalArgumentException("no bank holiday data for " + date.getYear()
                    + ": the calendar covers " + firstYear + " to " + lastYear + "; add the year's bank holidays in a migration");
        }
    }
}
