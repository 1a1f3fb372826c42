package org.reclaim.officer.actions;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.officer.FormErrors;

/**
 * A GOV.UK date input (three fields: day, month, year) read as a date. Its errors are shown against its day field
 * ({@code <name>-day}), which the error summary links to, as the Design System's date input asks.
 */
public record DateInput(@Nullable String day, @Nullable String month, @Nullable String year) {

    public static DateInput of(@Nullable LocalDate date) {
        return date == null ? new DateInput("", "", "")
                : new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    public boolean blank() {
        return isBlank(day) && isBlank(month) && isBlank(year);
    }

    /** The date, or null when the three fields are empty; an error against {@code <name>-day} when it is not a real date. */
    @Nullable
    LocalDate read(String name, String label, FormErrors errors) {
        if (blank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(String.valueOf(year).strip());
            if (y < 1900 || y > 2999) {
                errors.add(name + "-day", label + " must include a year with 4 numbers, like 2026");
                return null;
            }
            return LocalDate.of(y, Integer.parseInt(String.valueOf(month).strip()), Integer.parseInt(String.valueOf(day).strip()));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(name + "-day", label + " must be a real date, like 27 3 2026");
            return null;
        }
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
