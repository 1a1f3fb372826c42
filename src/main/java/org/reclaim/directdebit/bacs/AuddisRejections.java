package org.reclaim.directdebit.bacs;

import static org.reclaim.directdebit.bacs.BacsReportXml.account;
import static org.reclaim.directdebit.bacs.BacsReportXml.date;
import static org.reclaim.directdebit.bacs.BacsReportXml.elements;
import static org.reclaim.directdebit.bacs.BacsReportXml.optional;
import static org.reclaim.directdebit.bacs.BacsReportXml.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.InvalidInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an AUDDIS report of rejected instructions in the XML form Bacs Payment Services delivers: the same
 * {@code BACSDocument/Data/MessagingAdvices/MessagingAdvice} structure as ADDACS ({@code reference},
 * {@code payer-name}, {@code payer-sort-code}, {@code payer-account-number}, {@code reason-code},
 * {@code effective-date}, and the instruction's {@code transaction-code} where given), with the AUDDIS reason codes.
 * Source of the names: as for {@link Addacs}. The whole report is read or none of it.
 */
public final class AuddisRejections {

    /** One rejected instruction. */
    public record RejectedInstruction(String reference, String payerName, BankAccount payerAccount,
                                      LocalDate effectiveDate, AuddisReason reason, String transactionCode) {
    }

    private AuddisRejections() {
    }

    public static List<RejectedInstruction> parse(String xml) {
        Document doc = BacsReportXml.parse(xml, "AUDDIS");
        if (elements(doc.getDocumentElement(), "MessagingAdvices").isEmpty()) {
            throw InvalidInput.of("document", "this BACSDocument has no <MessagingAdvices>; it is not an AUDDIS "
                    + "report");
        }
        List<Element> advices = elements(doc.getDocumentElement(), "MessagingAdvice");
        List<RejectedInstruction> out = new ArrayList<>(advices.size());
        for (int i = 0; i < advices.size(); i++) {
            Element a = advices.get(i);
            String field = "item " + (i + 1);
            String code = required(a, "reason-code", field);
            AuddisReason reason = AuddisReason.ofCode(code).orElseThrow(() -> InvalidInput.of(field,
                    "reason-code '" + code + "' is not an AUDDIS reason code (1-3, 5, 6, B, C, F-Q)"));
            BankAccount payer = account(required(a, "payer-sort-code", field),
                    required(a, "payer-account-number", field), field);
            out.add(new RejectedInstruction(required(a, "reference", field), optional(a, "payer-name").orElse(""),
                    payer, date(a, "effective-date", field), reason, optional(a, "transaction-code").orElse("")));
        }
        return List.copyOf(out);
    }
}
