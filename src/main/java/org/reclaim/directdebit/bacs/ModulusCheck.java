package org.reclaim.directdebit.bacs;

import java.util.List;
import org.reclaim.directdebit.bacs.ModulusWeightTable.Method;
import org.reclaim.directdebit.bacs.ModulusWeightTable.Row;

/**
 * The modulus check of a sort code and account number, as Vocalink/Pay.UK's "Validating account numbers"
 * specification describes it: standard modulus 10, modulus 11 and double alternate checks over the 14 digits
 * u v w x y z (sort code) a b c d e f g h (account number), with the weights of the sort code's row(s) in the weight
 * table, and the exceptions 1 to 14 that the specification gives.
 * <p>
 * Where the specification says an account "cannot be checked" but is to be treated as valid (exception 6, foreign
 * currency accounts), this answers {@link ModulusResult#VALID}, as the specification's own test cases expect. Where
 * the sort code is not in the table, or there is no table, it answers {@link ModulusResult#NOT_CHECKED}.
 */
public final class ModulusCheck {

    // Exception 2: the weights to use instead of the table's when a <> 0 (the first when g <> 9, the second when g = 9)
    private static final int[] EXCEPTION_2_WEIGHTS = {0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1};
    private static final int[] EXCEPTION_2_WEIGHTS_G9 = {0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1};
    private static final int A = 6;
    private static final int B = 7;
    private static final int C = 8;
    private static final int G = 12;
    private static final int H = 13;

    private final ModulusWeightTable table;

    public ModulusCheck(ModulusWeightTable table) {
        this.table = table;
    }

    /** Checks the account against the weight table. */
    public ModulusResult check(BankAccount account) {
        String sortCode = account.sortCode();
        String number = account.accountNumber();
        List<Row> rows = table.rowsFor(sortCode);
        if (rows.isEmpty()) {
            return ModulusResult.NOT_CHECKED;
        }
        Row first = rows.get(0);
        int[] original = digits(sortCode, number);
        // Exception 6: a = 4, 5, 6, 7 or 8 and g = h is a foreign currency account, which the checks cannot be used on
        if (first.exception() == 6 && original[A] >= 4 && original[A] <= 8 && original[G] == original[H]) {
            return ModulusResult.VALID;
        }
        String checkedSortCode = switch (first.exception()) {
            // Exception 5: substitute the sort code from the substitution table, for checking only
            case 5 -> table.substituteFor(sortCode).orElse(sortCode);
            // Exception 8: check as if the sort code were 090126
            case 8 -> "090126";
            default -> sortCode;
        };
        boolean firstPasses = passes(first, checkedSortCode, number);
        if (rows.size() == 1) {
            if (!firstPasses && first.exception() == 14) {
                return exception14(first, sortCode, number);
            }
            return result(firstPasses);
        }
        Row second = rows.get(1);
        // Exceptions 2 and 9: a pass on the first check is a sterling account; otherwise check as a Lloyds euro
        // account at sort code 309634
        if (first.exception() == 2 && second.exception() == 9) {
            return result(firstPasses || passes(second, "309634", number));
        }
        // Exceptions 10 and 11, and 12 and 13: valid if either check passes
        if ((first.exception() == 10 && second.exception() == 11)
                || (first.exception() == 12 && second.exception() == 13)) {
            return result(firstPasses || passes(second, sortCode, number));
        }
        if (!firstPasses) {
            return ModulusResult.INVALID;
        }
        // Exception 3: when c is 6 or 9 the double alternate (second) check is not needed
        if (second.exception() == 3 && (original[C] == 6 || original[C] == 9)) {
            return ModulusResult.VALID;
        }
        String secondSortCode = second.exception() == 5 || second.exception() == 8 ? checkedSortCode : sortCode;
        return result(passes(second, secondSortCode, number));
    }

    /**
     * Exception 14: when the first modulus 11 check fails, an account whose 8th digit is 0, 1 or 9 is checked again
     * with that digit removed and a 0 put first; any other 8th digit fails.
     */
    private ModulusResult exception14(Row row, String sortCode, String number) {
        char eighth = number.charAt(7);
        if (eighth != '0' && eighth != '1' && eighth != '9') {
            return ModulusResult.INVALID;
        }
        return result(passes(row, sortCode, "0" + number.substring(0, 7)));
    }

    private static boolean passes(Row row, String sortCode, String number) {
        int[] d = digits(sortCode, number);
        int[] w = row.weights().clone();
        int exception = row.exception();
        if (exception == 2 && d[A] != 0) {
            w = (d[G] == 9 ? EXCEPTION_2_WEIGHTS_G9 : EXCEPTION_2_WEIGHTS).clone();
        }
        // Exception 7: g = 9 zeroes the weights u to b. Exception 10: so does ab = 09 or 99 with g = 9.
        boolean zeroUtoB = (exception == 7 && d[G] == 9)
                || (exception == 10 && (d[A] == 0 || d[A] == 9) && d[B] == 9 && d[G] == 9);
        if (zeroUtoB) {
            for (int i = 0; i <= B; i++) {
                w[i] = 0;
            }
        }
        int total = 0;
        for (int i = 0; i < 14; i++) {
            int product = d[i] * w[i];
            if (row.method() == Method.DBLAL) {
                // double alternate: add the digits of each product, not the product
                int p = Math.abs(product);
                int sum = 0;
                while (p > 0) {
                    sum += p % 10;
                    p /= 10;
                }
                total += sum;
            } else {
                total += product;
            }
        }
        if (exception == 1) {
            total += 27;   // Exception 1: add 27 to the double alternate total
        }
        int modulus = row.method() == Method.MOD11 ? 11 : 10;
        int remainder = Math.floorMod(total, modulus);
        if (exception == 4) {
            return remainder == d[G] * 10 + d[H];   // Exception 4: the remainder equals the two-digit check digit gh
        }
        if (exception == 5) {
            // Exception 5: the check digit is g for the modulus 11 check and h for the double alternate check
            if (row.method() == Method.MOD11) {
                return remainder == 0 ? d[G] == 0 : remainder != 1 && 11 - remainder == d[G];
            }
            return remainder == 0 ? d[H] == 0 : 10 - remainder == d[H];
        }
        return remainder == 0;
    }

    private static int[] digits(String sortCode, String number) {
        String all = sortCode + number;
        int[] d = new int[14];
        for (int i = 0; i < 14; i++) {
            d[i] = all.charAt(i) - '0';
        }
        return d;
    }

    private static ModulusResult result(boolean passes) {
        return passes ? ModulusResult.VALID : ModulusResult.INVALID;
    }
}
