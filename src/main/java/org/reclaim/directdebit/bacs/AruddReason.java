package org.reclaim.directdebit.bacs;

import java.util.Optional;

/** ARUDD (unpaid Direct Debit) reason codes and their meanings, REFERENCE.md section 8.3. */
public enum AruddReason implements BacsReason {
    REFER_TO_PAYER("0", "Refer to payer"),
    INSTRUCTION_CANCELLED("1", "Instruction cancelled"),
    PAYER_DECEASED("2", "Payer deceased"),
    ACCOUNT_TRANSFERRED("3", "Account transferred"),
    ADVANCE_NOTICE_DISPUTED("4", "Advance notice disputed"),
    NO_ACCOUNT("5", "No account"),
    NO_INSTRUCTION("6", "No instruction"),
    AMOUNT_DIFFERS("7", "Amount differs"),
    AMOUNT_NOT_YET_DUE("8", "Amount not yet due"),
    PRESENTATION_OVERDUE("9", "Presentation overdue"),
    SERVICE_USER_DIFFERS("A", "Service user differs"),
    ACCOUNT_CLOSED("B", "Account closed");

    private final String code;
    private final String meaning;

    AruddReason(String code, String meaning) {
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

    public static Optional<AruddReason> ofCode(String code) {
        return BacsReason.ofCode(AruddReason.class, code);
    }
}
