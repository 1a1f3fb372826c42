package org.reclaim.directdebit.bacs;

import java.util.Optional;

/** ADDACS (Direct Debit instruction amendment and cancellation) reason codes, REFERENCE.md section 8.3. */
public enum AddacsReason implements BacsReason {
    INSTRUCTION_CANCELLED_REFER_TO_PAYER("0", "Instruction cancelled - refer to payer"),
    CANCELLED_BY_PAYER("1", "Instruction cancelled by payer"),
    PAYER_DECEASED("2", "Payer deceased"),
    ACCOUNT_TRANSFERRED("3", "Account transferred to a new bank or building society"),
    ACCOUNT_CLOSED("B", "Account closed"),
    TRANSFERRED_TO_DIFFERENT_BRANCH("C", "Account transferred to a different branch"),
    ADVANCE_NOTICE_DISPUTED("D", "Advance notice disputed"),
    INSTRUCTION_AMENDED("E", "Instruction amended"),
    INSTRUCTION_REINSTATED("R", "Instruction reinstated");

    private final String code;
    private final String meaning;

    AddacsReason(String code, String meaning) {
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

    /** Whether the advice moves the instruction to other bank details (3, C and E may carry new details). */
    public boolean amendsBankDetails() {
        return this == ACCOUNT_TRANSFERRED || this == TRANSFERRED_TO_DIFFERENT_BRANCH || this == INSTRUCTION_AMENDED;
    }

    public static Optional<AddacsReason> ofCode(String code) {
        return BacsReason.ofCode(AddacsReason.class, code);
    }
}
