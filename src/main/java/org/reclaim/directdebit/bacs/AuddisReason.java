package org.reclaim.directdebit.bacs;

import java.util.Optional;

/** AUDDIS (instruction rejection) reason codes, REFERENCE.md section 8.3. */
public enum AuddisReason implements BacsReason {
    CANCELLED_BY_PAYER("1", "Instruction cancelled by payer"),
    PAYER_DECEASED("2", "Payer deceased"),
    ACCOUNT_TRANSFERRED("3", "Account transferred"),
    NO_ACCOUNT("5", "No account"),
    NO_INSTRUCTION("6", "No instruction"),
    ACCOUNT_CLOSED("B", "Account closed"),
    TRANSFERRED_TO_DIFFERENT_BRANCH("C", "Account transferred to a different branch"),
    INVALID_ACCOUNT_TYPE("F", "Invalid account type"),
    BANK_WILL_NOT_ACCEPT_DIRECT_DEBITS("G", "Bank will not accept Direct Debits on this account"),
    INSTRUCTION_EXPIRED("H", "Instruction has expired"),
    PAYER_REFERENCE_NOT_UNIQUE("I", "Payer reference is not unique"),
    CANCELLED_BY_BANK("K", "Instruction cancelled by the paying bank"),
    INCORRECT_PAYER_DETAILS("L", "Incorrect payer's account details"),
    TRANSACTION_CODE_INCOMPATIBLE("M", "Transaction code and user status incompatible"),
    DISALLOWED_AT_BRANCH("N", "Transaction disallowed at payer's branch"),
    INVALID_REFERENCE("O", "Invalid reference"),
    PAYER_NAME_MISSING("P", "Payer's name not present"),
    SERVICE_USER_NAME_BLANK("Q", "Service user's name blank");

    private final String code;
    private final String meaning;

    AuddisReason(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    public static Optional<AuddisReason> ofCode(String code) {
        return BacsReason.ofCode(AuddisReason.class, code);
    }
}
