package org.reclaim.arrangements;

import java.math.RoundingMode;
import java.time.LocalDate;
import org.reclaim.shared.Money;

/** How often an arrangement's payments fall due. */
enum PaymentFrequency {
    WEEKLY, FORTNIGHTLY, MONTHLY;

    /** The date of payment {@code k} (0 for the first); monthly payments keep the first one's day, or the month's last. */
    LocalDate nth(LocalDate first, int k) {
        return switch (this) {
            case WEEKLY -> first.plusWeeks(k);
            case FORTNIGHTLY -> first.plusWeeks(2L * k);
            case MONTHLY -> first.plusMonths(k);
        };
    }

    /** What a monthly amount allows per payment: x 12 / 52 weekly, x 12 / 26 fortnightly, rounded down so it is never more. */
    Money fromMonthly(Money monthly) {
        return switch (this) {
            case WEEKLY -> monthly.times(12, 52, RoundingMode.FLOOR);
            case FORTNIGHTLY -> monthly.times(12, 26, RoundingMode.FLOOR);
            case MONTHLY -> monthly;
        };
    }
}
