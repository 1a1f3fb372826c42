package org.reclaim.directdebit.bacs;

/** What a modulus check says about a sort code and account number. */
public enum ModulusResult {
    /** The account number passes the checks the weight table gives for its sort code. */
    VALID,
    /** The account number fails them: the payer has very probably mistyped it. */
    INVALID,
    /**
     * No check was possible: no weight table is loaded, or the table has no row for the sort code (the specification
     * then treats the account as valid; Reclaim says plainly that it was not checked).
     */
    NOT_CHECKED
}
