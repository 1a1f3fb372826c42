package org.reclaim.payments;

import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/** Part of a payment set against one financial year of an account: its costs, or its charges. */
public record Allocation(FinancialYear year, Part part, Money amount) {

    public enum Part {
        /** Recovery costs (summons, liability order): paid first within a year under the oldest-debt rule. */
        COSTS,
        /** Charges and adjustments: the bill itself. */
        CHARGES,
        /** More than was owed: a credit on the account, kept in the year it arrived for. */
        CREDIT
    }
}
