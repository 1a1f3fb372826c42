package org.reclaim.contactcentre;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;

/**
 * The busy weeks of the year, the same days every year, e.g. 1 March to 30 April around annual billing; it may run over
 * the new year ({@code from} after {@code to}). Every other day is off-peak.
 */
public record PeakPeriod(MonthDay from, MonthDay to) {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("MM-dd");

    public PeakPeriod {
        if (to.equals(dayBefore(from))) {
            throw new IllegalArgumentException("a peak period of the whole year leaves no off-peak days");
        }
    }

    /** "03-01" */
    static String text(MonthDay day) {
        return day.format(TEXT);
    }

    public boolean contains(LocalDate date) {
        MonthDay day = MonthDay.from(date);
        boolean afterStart = !day.isBefore(from);
        boolean beforeEnd = !day.isAfter(to);
        return from.isAfter(to) ? afterStart || beforeEnd : afterStart && beforeEnd;
    }

    /** The peak period that starts in the given year. */
    public DateRange startingIn(int year) {
        LocalDate start = from.atYear(year);
        LocalDate end = to.atYear(from.isAfter(to) ? year + 1 : year);
        return new DateRange(start, end);
    }

    /** The latest peak period and the latest off-peak period on {@code today}: the one it is in (up to today) and the last finished one. */
    public Latest latest(LocalDate today) {
        DateRange peak = startingIn(today.getYear() + 1);
        while (peak.from().isAfter(today)) {
            peak = startingIn(peak.from().getYear() - 1);
        }
        DateRange previousPeak = startingIn(peak.from().getYear() - 1);
        if (!peak.to().isBefore(today)) {
            return new Latest(true, new DateRange(peak.from(), today), new DateRange(previousPeak.to().plusDays(1), peak.from().minusDays(1)));
        }
        return new Latest(false, peak, new DateRange(peak.to().plusDays(1), today));
    }

    public record DateRange(LocalDate from, LocalDate to) {
    }

    /** @param inPeak whether today is a peak day */
    public record Latest(boolean inPeak, DateRange peak, DateRange offPeak) {
    }

    private static MonthDay dayBefore(MonthDay day) {
        // in a leap year, so that 29 February is a day
        return MonthDay.from(day.atYear(2024).minusDays(1));
    }
}
