package org.reclaim.arrangements;

import java.math.RoundingMode;
import org.reclaim.shared.Money;

/**
 * How often an income or cost line comes, and its monthly equivalent: weekly x 52 / 12, fortnightly x 26 / 12,
 * four-weekly x 13 / 12, annual / 12. Exact arithmetic, each line rounded half up to the penny once.
 */
enum LineFrequency {
    WEEKLY(52, 12), FORTNIGHTLY(26, 12), FOUR_WEEKLY(13, 12), MONTHLY(1, 1), ANNUAL(1, 12);

    static final String CONVERSION = "monthly = weekly x 52 / 12, fortnightly x 26 / 12, four-weekly x 13 / 12, annual / 12;"
            + " each line rounded half up to the penny";

    private final long timesAYear;
    private final long months;

    LineFrequency(long numerator, long denominator) {
        this.timesAYear = numerator;
        this.months = denominator;
    }

    Money toMonthly(Money amount) {
        return amount.times(timesAYear, months, RoundingMode.HALF_UP);
    }
}
