package org.reclaim.accounts;

/** What an account collects. The digit is the third digit of the account reference. */
public enum RevenueStream {
    COUNCIL_TAX(1), BUSINESS_RATES(2), HOUSING_RENT(3), FORMER_TENANT_ARREARS(4), HB_OVERPAYMENT(5);

    private final int digit;

    RevenueStream(int digit) {
        this.digit = digit;
    }

    public int digit() {
        return digit;
    }

    public static RevenueStream ofDigit(int digit) {
        for (RevenueStream s : values()) {
            if (s.digit == digit) {
                return s;
            }
        }
        throw new IllegalArgumentException("no revenue stream has the digit " + digit);
    }
}
