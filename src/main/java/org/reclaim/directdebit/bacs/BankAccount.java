package org.reclaim.directdebit.bacs;

import java.util.regex.Pattern;
import org.reclaim.shared.InvalidInput;

/**
 * A UK bank account as Bacs addresses it: a 6-digit sort code and an 8-digit account number.
 * <p>
 * A sort code may be typed as {@code 12-34-56}, {@code 12 34 56} or {@code 123456}; anything else is refused. An
 * account number of 8 digits is taken as it is; 7 digits get one leading 0 and 6 digits two, the standardisation that
 * the Vocalink/Pay.UK "Validating account numbers" specification gives for all banks. 9- and 10-digit account
 * numbers (Santander, National Westminster, Co-operative Bank, Leeds Building Society and others) are turned into
 * 8 digits by rules that depend on which bank the sort code belongs to, which this code cannot tell without the
 * bank's directory (EISCD), so they are refused with a message asking for the 8-digit number the bank uses for Bacs.
 */
public record BankAccount(String sortCode, String accountNumber) {

    private static final Pattern SORT_CODE = Pattern.compile("\\d{2}([- ]?)\\d{2}\\1\\d{2}");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("\\d{8}");

    public BankAccount {
        if (!SIX_DIGITS.matcher(sortCode).matches()) {
            throw InvalidInput.of("sortCode", "a sort code is 6 digits, like 12-34-56");
        }
        if (!EIGHT_DIGITS.matcher(accountNumber).matches()) {
            throw InvalidInput.of("accountNumber", "an account number is 8 digits");
        }
    }

    /** Reads a sort code and account number as typed by a person or found in a file, standardising them. */
    public static BankAccount of(String sortCode, String accountNumber) {
        return new BankAccount(parseSortCode(sortCode), parseAccountNumber(accountNumber));
    }

    /** {@code 12-34-56}, {@code 12 34 56} or {@code 123456} (with the same separator throughout) to {@code 123456}. */
    public static String parseSortCode(String typed) {
        String s = typed.strip();
        if (!SORT_CODE.matcher(s).matches()) {
            throw InvalidInput.of("sortCode", "a sort code is 6 digits, written 12-34-56, 12 34 56 or 123456");
        }
        return s.replace("-", "").replace(" ", "");
    }

    /** 8 digits as they are; 7 digits with a leading 0; 6 digits with a leading 00; spaces and hyphens ignored. */
    public static String parseAccountNumber(String typed) {
        String digits = typed.strip().replace(" ", "").replace("-", "");
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw InvalidInput.of("accountNumber", "an account number is digits only");
        }
        return switch (digits.length()) {
            case 8 -> digits;
            case 7 -> "0" + digits;
            case 6 -> "00" + digits;
            case 9, 10 -> throw InvalidInput.of("accountNumber", "a " + digits.length() + "-digit account number is "
                    + "shortened to 8 digits by a rule that depends on the bank; please give the 8-digit account number "
                    + "(and sort code) the bank uses for Direct Debits");
            default -> throw InvalidInput.of("accountNumber", "an account number is 8 digits (6 or 7 digits are "
                    + "accepted and filled with leading zeros)");
        };
    }

    /** The sort code as people write it: {@code 12-34-56}. */
    public String formattedSortCode() {
        return sortCode.substring(0, 2) + "-" + sortCode.substring(2, 4) + "-" + sortCode.substring(4);
    }
}
