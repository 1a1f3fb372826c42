package org.reclaim.directdebit.bacs;

import org.reclaim.shared.InvalidInput;

/**
 * A bank account and the name on it, as it goes into a Bacs record: the name is at most 18 characters of upper-case
 * A–Z, 0–9, space and {@code . & / -} (the Bacs character set for names and references).
 * <p>
 * {@link #of} turns what a person typed into that form: letters are upper-cased and accents dropped
 * ({@code Zoë} to {@code ZOE}); apostrophes are removed ({@code O'Neil} to {@code ONEIL}); every other character
 * outside the set (commas, brackets, other scripts) becomes a space; runs of spaces become one; the result is cut to
 * 18 characters, as Bacs itself keeps only 18. A name with nothing left is refused. The constructor takes only names
 * already in Bacs form.
 */
public record BankDetails(BankAccount account, String accountName) {

    public static final int NAME_LENGTH = 18;

    public BankDetails {
        if (accountName.isBlank() || accountName.length() > NAME_LENGTH || !BacsText.inCharacterSet(accountName)
                || !accountName.equals(accountName.strip())) {
            throw InvalidInput.of("accountName", "an account name in a Bacs record is 1 to 18 characters of A-Z, 0-9, "
                    + "space and . & / -");
        }
    }

    /** Sort code, account number and name as typed; each is standardised as the class describes. */
    public static BankDetails of(String sortCode, String accountNumber, String accountName) {
        return new BankDetails(BankAccount.of(sortCode, accountNumber), bacsName(accountName));
    }

    /** A name in Bacs form, cleaned as the class describes; refused if nothing is left. */
    public static String bacsName(String typed) {
        String cleaned = BacsText.clean(typed);
        if (cleaned.length() > NAME_LENGTH) {
            cleaned = cleaned.substring(0, NAME_LENGTH).strip();
        }
        if (cleaned.isEmpty()) {
            throw InvalidInput.of("accountName", "the account name has no letters or digits Bacs can carry");
        }
        return cleaned;
    }

    public String sortCode() {
        return account.sortCode();
    }

    public String accountNumber() {
        return account.accountNumber();
    }
}
