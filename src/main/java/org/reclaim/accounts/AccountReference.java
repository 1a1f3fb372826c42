package org.reclaim.accounts;

/**
 * An account reference: 12 digits, printed on bills and quoted on payments.
 * <pre>
 *   AA S NNNNNNNN C
 *   AA       the authority's reference prefix (so a payment file of a shared service finds the council)
 *   S        the revenue stream ({@link RevenueStream#digit()})
 *   NNNNNNNN the account number
 *   C        a Damm check digit over the first 11 digits
 * </pre>
 * The Damm algorithm detects every single mistyped digit and every swap of two adjacent digits, the two commonest
 * errors when a reference is read out on the phone or keyed from a bill.
 */
public record AccountReference(String value) {

    // a totally anti-symmetric quasigroup of order 10 (H. M. Damm, 2004)
    private static final int[][] DAMM = {
            {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
            {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
            {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
            {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
            {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
            {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
            {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
            {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
            {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
            {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}};

    public static final int LENGTH = 12;
    public static final long MAX_NUMBER = 99_999_999L;

    public AccountReference {
        if (!twelveDigits(value)) {
            throw new IllegalArgumentException("an account reference is " + LENGTH + " digits");
        }
        if (checkDigit(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1) - '0') {
            throw new IllegalArgumentException("the check digit of " + value + " does not match: the reference may be mistyped");
        }
        int stream = value.charAt(2) - '0';
        if (stream < 1 || stream > RevenueStream.values().length) {
            throw new IllegalArgumentException(value + " has no revenue stream digit in third place: the reference may be mistyped");
        }
    }

    /** Reads a reference as a person might type it, with spaces or hyphens. */
    public static AccountReference parse(String text) {
        String digits = SPACES_AND_HYPHENS.matcher(text).replaceAll("");
        if (!twelveDigits(digits)) {
            throw new IllegalArgumentException("'" + text + "' is not an account reference: it should be " + LENGTH + " digits");
        }
        return new AccountReference(digits);
    }

    /** Reads the reference in a request's path; a bad one is an error of the field "reference". */
    public static AccountReference fromRequest(String text) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw org.reclaim.shared.InvalidInput.of("reference", e.getMessage());
        }
    }

    public static AccountReference of(int authorityPrefix, RevenueStream stream, long accountNumber) {
        if (authorityPrefix < 10 || authorityPrefix > 99) {
            throw new IllegalArgumentException("authority prefix must be two digits");
        }
        if (accountNumber < 1 || accountNumber > MAX_NUMBER) {
            throw new IllegalArgumentException("account number " + accountNumber + " does not fit in 8 digits");
        }
        String number = Long.toString(accountNumber);
        String body = authorityPrefix + Integer.toString(stream.digit()) + "0".repeat(8 - number.length()) + number;
        return new AccountReference(body + checkDigit(body));
    }

    private static final java.util.regex.Pattern SPACES_AND_HYPHENS = java.util.regex.Pattern.compile("[\\s-]");

    /** Checked by hand: payment files and runs read hundreds of thousands of references. */
    private static boolean twelveDigits(String text) {
        if (text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    public int authorityPrefix() {
        return Integer.parseInt(value.substring(0, 2));
    }

    public RevenueStream stream() {
        return RevenueStream.ofDigit(value.charAt(2) - '0');
    }

    @Override
    public String toString() {
        return value;
    }
}
