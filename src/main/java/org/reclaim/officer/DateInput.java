package org.reclaim.officer;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A GOV.UK date input's three boxes ({@code <field>-day}, {@code -month}, {@code -year}) read into a date, or an error
 * against the field in the Design System's words; the error goes against the day box, the first of the three, which
 * the error summary links to.
 */
public record DateInput(@Nullable String day, @Nullable String month, @Nullable String year) {

    public static DateInput of(@Nullable LocalDate date) {
        return date == null ? new DateInput("", "", "")
                : new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    public boolean blank() {
        return blank(day) && blank(month) && blank(year);
    }

    /** A date that must be given: "Enter the business date" when the three boxes are empty. */
    public Optional<LocalDate> required(String field, String what, FormErrors errors) {
        if (blank()) {
            errors.add(field + "-day", "Enter the " + what);
            return Optional.empty();
        }
        return optional(field, what, errors);
    }

    /** A date that may be left out: nothing, and no error, when the three boxes are empty. */
    public Optional<LocalDate> optional(String field, String what, FormErrors errors) {
        if (blank()) {
            return Optional.empty();
        }
        if (blank(day) || blank(month) || blank(year)) {
            errors.add(field + "-day", "The " + what + " must include a day, month and year");
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(year.trim());
            if (y < 1000 || y > 9999) {
                errors.add(field + "-day", "The year of the " + what + " must be 4 numbers, like 2026");
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month.trim()), Integer.parseInt(day.trim())));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(field + "-day", "The " + what + " must be a real date");
            return Optional.empty();
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
