package org.reclaim.payments;

/** How money reached the council. The order is the order bills offer them: Direct Debit first, cash last. */
public enum PaymentMethod {
    DIRECT_DEBIT("Direct Debit"),
    CARD("Card"),
    BANK_TRANSFER("Bank transfer"),
    PAYPOINT("PayPoint"),
    POST_OFFICE("Post Office"),
    ALLPAY("Allpay"),
    CASH("Cash"),
    CHEQUE("Cheque");

    private final String label;

    PaymentMethod(String label) {
        this.label = label;
    }

    /** As it reads on a statement line. */
    public String label() {
        return label;
    }
}
