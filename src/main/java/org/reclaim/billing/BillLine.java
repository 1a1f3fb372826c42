package org.reclaim.billing;

import org.reclaim.shared.Money;

/** One line of a bill: the charge, or a reduction (negative) or premium (positive) shown on its own. */
public record BillLine(Kind kind, String description, Money amount) {

    public enum Kind { CHARGE, DISABLED_BAND_REDUCTION, EXEMPTION, DISCOUNT, PREMIUM, COUNCIL_TAX_REDUCTION, RELIEF }
}
