package org.reclaim.billing;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * Days of liability within one financial year, both ends included. Council Tax is a daily liability (Local
 * Government Finance Act 1992, s. 2(1)); Business Rates likewise (Local Government Finance Act 1988, s. 43(1) and
 * 45(1): chargeable "as regards a day"). A part-year charge is the annual amount times the days liable over the days
 * in the year, rounded to the penny once for the period.
 */
public record LiabilityPeriod(FinancialYear year, LocalDate from, LocalDate to) {

    public LiabilityPeriod {
        if (to.isBefore(from)) {
            throw InvalidInput.of("liabilityEnd", "the liability period ends on " + to + ", before it starts on " + from);
        }
        if (!year.contains(from) || !year.contains(to)) {
            throw InvalidInput.of("liabilityStart", "the period " + from + " to " + to + " is not within " + year);
        }
    }

    /** The part of a liability (which may start before and end after the year, or be open-ended) that falls in the year. */
    public static LiabilityPeriod within(FinancialYear year, LocalDate liabilityStart, LocalDate liabilityEndOrNull) {
        if (liabilityEndOrNull != null && liabilityEndOrNull.isBefore(liabilityStart)) {
            throw InvalidInput.of("liabilityEnd", "the liability ends on " + liabilityEndOrNull + ", before it starts on " + liabilityStart);
        }
        LocalDate from = liabilityStart.isBefore(year.start()) ? year.start() : liabilityStart;
        LocalDate to = liabilityEndOrNull == null || liabilityEndOrNull.isAfter(year.end()) ? year.end() : liabilityEndOrNull;
        if (from.isAfter(year.end()) || to.isBefore(year.start())) {
            throw InvalidInput.of("liabilityStart", "the liability " + liabilityStart + " to "
                    + (liabilityEndOrNull == null ? "now" : liabilityEndOrNull) + " has no day in " + year);
        }
        return new LiabilityPeriod(year, from, to);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean wholeYear() {
        return days() == year.lengthInDays();
    }

    /** The annual amount for the days of this period, rounded half up to the penny. */
    public Money apportion(Money annual) {
        return wholeYear() ? annual : annual.times(days(), year.lengthInDays(), RoundingMode.HALF_UP);
    }
}
