package org.reclaim.directdebit.bacs;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/** The Bacs character set, fixed-width fields and the "bYYDDD" day. */
final class BacsText {

    private BacsText() {
    }

    /** Upper-case A-Z, 0-9, space, full stop, ampersand, solidus and hyphen. */
    static boolean allowed(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' || c == '&' || c == '/'
                || c == '-';
    }

    static boolean inCharacterSet(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!allowed(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Upper-cases, drops accents and apostrophes, turns anything else outside the set into a space, collapses spaces. */
    static String clean(String typed) {
        String decomposed = Normalizer.normalize(typed, Normalizer.Form.NFKD).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'' || c == '\u2019' || c == '`') {
                continue;
            }
            char kept = allowed(c) ? c : ' ';
            if (kept == ' ' && (out.isEmpty() || out.charAt(out.length() - 1) == ' ')) {
                continue;
            }
            out.append(kept);
        }
        return out.toString().strip();
    }

    /** Left-justified and space-filled to exactly {@code width}; the caller has checked it fits. */
    static String left(String s, int width) {
        if (s.length() > width) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + width);
        }
        return s + " ".repeat(width - s.length());
    }

    /** Right-justified and zero-filled to exactly {@code width}. */
    static String zeros(long n, int width) {
        String s = Long.toString(n);
        if (n < 0 || s.length() > width) {
            throw new IllegalArgumentException(n + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - s.length()) + s;
    }

    static String spaces(int width) {
        return " ".repeat(width);
    }

    /** The Bacs day form "bYYDDD": a space, the last two digits of the year, the day of the year in three digits. */
    static String julian(LocalDate date) {
        return " " + zeros(date.getYear() % 100, 2) + zeros(date.getDayOfYear(), 3);
    }
}
