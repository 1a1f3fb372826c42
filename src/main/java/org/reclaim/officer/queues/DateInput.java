package org.reclaim.officer.queues;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.officer.FormErrors;

/**
 * A GOV.UK date input's three boxes ({@code <field>-day}, {@code -month}, {@code -year}) read into a date, or an error
 * against the field (its summary link goes to the day box, the first of the three).
 */
record DateInput(@Nullable String day, @Nullable String month, @Nullable String year) {

    static DateInput of(LocalDate date) {
        return new DateInput(String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
    }

    Optional<LocalDate> read(String field, String what, FormErrors errors) {
        if (blank(day) && blank(month) && blank(year)) {
            errors.add(field + "-day", "Enter the " + what);
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
