package org.reclaim.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A UK postcode, kept in its standard form: capitals, one space before the inward code (e.g. "LE18 2DR").
 * The pattern is the format of Royal Mail's Postcode Address File (outward code 2-4 characters, inward 3).
 */
public record Postcode(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$");

    public Postcode {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a UK postcode (for example LE18 2DR)");
        }
    }

    /** Accepts any spacing and case: "le182dr", "LE18  2DR". */
    public static Postcode parse(String text) {
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (compact.length() < 5 || compact.length() > 7) {
            throw new IllegalArgumentException("'" + text + "' is not a UK postcode (for example LE18 2DR)");
        }
        return new Postcode(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    }

    public static boolean looksLikePostcode(String text) {
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return compact.length() >= 5 && compact.length() <= 7
                && FORMAT.matcher(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
