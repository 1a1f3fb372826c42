package org.reclaim.recovery.calculators;

import org.reclaim.shared.Money;

/** What an employer deducts on one pay-day under a Council Tax attachment of earnings order, and the band it came from. */
public record Deduction(Money amount, PayPeriod period, DeductionBand band) {
}
