package org.reclaim.directdebit.bacs;

/**
 * Bacs transaction codes used by a Direct Debit originator (REFERENCE.md section 8.2; unifiedsoftware.co.uk
 * "Bacs transaction codes").
 */
public enum TransactionCode {
    FIRST_COLLECTION("01"),
    REGULAR_COLLECTION("17"),
    REPRESENTATION("18"),
    FINAL_COLLECTION("19"),
    /** AUDDIS: a new Direct Debit Instruction; carries no money. */
    NEW_INSTRUCTION("0N"),
    /** AUDDIS: cancel an instruction. */
    CANCEL_INSTRUCTION("0C"),
    /** AUDDIS: convert an existing paper instruction to AUDDIS. */
    CONVERT_INSTRUCTION("0S"),
    /** The credit contra that balances a file of debits; written by {@link CollectionFile}, never given to it. */
    CREDIT_CONTRA("99");

    private final String code;

    TransactionCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean isCollection() {
        return this == FIRST_COLLECTION || this == REGULAR_COLLECTION || this == REPRESENTATION
                || this == FINAL_COLLECTION;
    }

    public boolean isInstruction() {
        return this == NEW_INSTRUCTION || this == CANCEL_INSTRUCTION || this == CONVERT_INSTRUCTION;
    }
}
