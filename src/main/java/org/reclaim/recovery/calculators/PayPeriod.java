package org.reclaim.recovery.calculators;

/**
 * Which Schedule 4 table applies to a pay-day (CTAE 1992 reg 38): Table A for weekly pay, Table B for monthly pay,
 * Table C (daily) for pay at any other interval or at no regular interval, the pay first divided by the number of days
 * it covers and the daily deduction then multiplied by those days.
 */
public enum PayPeriod {
    WEEKLY,
    MONTHLY,
    DAILY
}
