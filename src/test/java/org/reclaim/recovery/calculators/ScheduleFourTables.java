package org.reclaim.recovery.calculators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.Money;

/**
 * The Schedule 4 tables as REFERENCE.md gives them for orders made from 1 April 2007, written out here so the unit
 * tests run without a database and {@code AttachmentOfEarningsIT} proves the migration ships the same figures.
 * Weekly 12%/17% boundary: £355 (the majority of sources), not the £335 of SI 2006/3395 reg 5(2)(a)(v) as published.
 */
final class ScheduleFourTables {

    static final LocalDate FROM_2007 = LocalDate.of(2007, 4, 1);
    /** The rates of the bands below the top one, the same in all three tables. */
    static final int[] PERCENTS = {0, 3, 5, 7, 12, 17};

    /** Table A: upper limits in whole pounds of the 0%, 3%, 5%, 7%, 12% and 17% bands; then 17% of £505 + 50% of the rest. */
    static final DeductionTable WEEKLY = table(PayPeriod.WEEKLY, 75, 135, 185, 225, 355, 505);
    /** Table B. */
    static final DeductionTable MONTHLY = table(PayPeriod.MONTHLY, 300, 550, 740, 900, 1420, 2020);
    /** Table C. */
    static final DeductionTable DAILY = table(PayPeriod.DAILY, 11, 20, 27, 33, 52, 72);

    private ScheduleFourTables() {
    }

    static DeductionTable of(PayPeriod period) {
        return switch (period) {
            case WEEKLY -> WEEKLY;
            case MONTHLY -> MONTHLY;
            case DAILY -> DAILY;
        };
    }

    private static DeductionTable table(PayPeriod period, long... upperPounds) {
        List<DeductionBand> bands = new ArrayList<>();
        Money from = Money.ZERO;
        for (int i = 0; i < upperPounds.length; i++) {
            Money upTo = Money.ofPounds(upperPounds[i]);
            bands.add(new DeductionBand(period, FROM_2007, from, upTo, BigDecimal.valueOf(PERCENTS[i]), null, "test"));
            from = upTo;
        }
        bands.add(new DeductionBand(period, FROM_2007, from, null, BigDecimal.valueOf(17), BigDecimal.valueOf(50), "test"));
        return new DeductionTable(period, FROM_2007, bands);
    }
}
