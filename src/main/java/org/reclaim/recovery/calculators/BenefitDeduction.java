package org.reclaim.recovery.calculators;

import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * A Council Tax deduction from a benefit for a year: {@code amount} each week ({@link PayPeriod#WEEKLY}) or each
 * assessment period ({@link PayPeriod#MONTHLY}). {@code derived} says the amount was computed from sourced inputs by
 * the formula in {@code basis} rather than published; verify a derived amount before it goes on a notice.
 */
public record BenefitDeduction(Benefit benefit, Claimant claimant, FinancialYear year, PayPeriod period, Money amount,
                               boolean derived, String basis, String source) {
}
