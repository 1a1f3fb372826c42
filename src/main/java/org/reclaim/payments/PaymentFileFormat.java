package org.reclaim.payments;

import java.util.Locale;
import org.reclaim.shared.InvalidInput;

/**
 * The payment files Reclaim reads; the README shows each layout. The three cash channels share one CSV layout (each
 * line carries the channel's own transaction reference); a bank statement export has none, so one is derived.
 */
public enum PaymentFileFormat {
    PAYPOINT("paypoint", PaymentMethod.PAYPOINT),
    POST_OFFICE("post-office", PaymentMethod.POST_OFFICE),
    ALLPAY("allpay", PaymentMethod.ALLPAY),
    BANK_STATEMENT("bank-statement", PaymentMethod.BANK_TRANSFER);

    private final String slug;
    private final PaymentMethod method;

    PaymentFileFormat(String slug, PaymentMethod method) {
        this.slug = slug;
        this.method = method;
    }

    /** The payments' source: a line's transaction reference is unique within it. */
    public String source() {
        return "file:" + slug;
    }

    public PaymentMethod method() {
        return method;
    }

    /** Reads the {@code format} parameter: PAYPOINT, post-office, Allpay, bank_statement … */
    public static PaymentFileFormat fromRequest(String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (PaymentFileFormat f : values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw InvalidInput.of("format", "'" + text + "' is not a payment file format: PAYPOINT, POST_OFFICE, ALLPAY or BANK_STATEMENT");
    }
}
