package org.reclaim.shared;

/**
 * Council Tax valuation bands in England and each band's proportion of Band D, in ninths
 * (Local Government Finance Act 1992, s. 5(1); values at 1 April 1991 per s. 5(2)).
 */
public enum CouncilTaxBand {
    A(6), B(7), C(8), D(9), E(11), F(13), G(15), H(18);

    private final int ninths;

    CouncilTaxBand(int ninths) {
        this.ninths = ninths;
    }

    /** The band's proportion of Band D, as a numerator over 9. */
    public int ninthsOfBandD() {
        return ninths;
    }

    public static CouncilTaxBand parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Council Tax band: use a letter from A to H");
        }
    }
}
