package org.reclaim.billing;

import java.time.LocalDate;
import org.reclaim.shared.Money;

/** One instalment of a plan: its number (1 is the first), the day it falls due and its amount. */
public record Instalment(int number, LocalDate dueOn, Money amount) {
}
