package org.reclaim.directdebit.bacs;

import static org.reclaim.directdebit.bacs.BacsReportXml.account;
import static org.reclaim.directdebit.bacs.BacsReportXml.date;
import static org.reclaim.directdebit.bacs.BacsReportXml.elements;
import static org.reclaim.directdebit.bacs.BacsReportXml.optional;
import static org.reclaim.directdebit.bacs.BacsReportXml.required;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an ADDACS report (Automated Direct Debit Amendment and Cancellation Service) in the XML form Bacs Payment
 * Services delivers: {@code BACSDocument/Data/MessagingAdvices/MessagingAdvice} elements with the attributes
 * {@code reference}, {@code payer-name}, {@code payer-sort-code}, {@code payer-account-number},
 * {@code reason-code}, {@code effective-date} and, for a transfer or amendment, {@code payer-new-sort-code} and
 * {@code payer-new-account-number}.
 * <p>
 * Source of the names: no public Bacs schema was found; they are those read by published ADDACS processing code
 * (for example so-sure's Bacs service and open-source AUDDIS/ADDACS importers), which agree with each other.
 * The whole report is read or none of it; a bad advice refuses the report naming the item.
 */
public final class Addacs {

    /** One advice: what happened to the instruction, and the new bank details when they moved. */
    public record InstructionAmendment(String reference, String payerName, BankAccount payerAccount,
                                       LocalDate effectiveDate, AddacsReason reason,
                                       @Nullable BankAccount newAccount) {

        public Optional<BankAccount> newBankAccount() {
            return Optional.ofNullable(newAccount);
        }
    }

    private Addacs() {
    }

    public static List<InstructionAmendment> parse(String xml) {
        Document doc = BacsReportXml.parse(xml, "ADDACS");
        List<Element> advices = elements(doc.getDocumentElement(), "MessagingAdvice");
        if (elements(doc.getDocumentElement(), "MessagingAdvices").isEmpty()) {
            throw InvalidInput.of("document", "this BACSDocument has no <MessagingAdvices>; it is not an ADDACS "
                    + "report");
        }
        List<InstructionAmendment> out = new ArrayList<>(advices.size());
        for (int i = 0; i < advices.size(); i++) {
            out.add(advice(advices.get(i), "item " + (i + 1)));
        }
        return List.copyOf(out);
    }

    private static InstructionAmendment advice(Element a, String field) {
        String code = required(a, "reason-code", field);
        AddacsReason reason = AddacsReason.ofCode(code).orElseThrow(() -> InvalidInput.of(field,
                "reason-code '" + code + "' is not an ADDACS reason code (0-3, B-E, R)"));
        BankAccount old = account(required(a, "payer-sort-code", field), required(a, "payer-account-number", field),
                field);
        Optional<String> newSort = optional(a, "payer-new-sort-code");
        Optional<String> newNumber = optional(a, "payer-new-account-number");
        BankAccount moved = null;
        if (newSort.isPresent() || newNumber.isPresent()) {
            moved = account(newSort.orElse(old.sortCode()), newNumber.orElse(old.accountNumber()), field);
        } else if (reason == AddacsReason.ACCOUNT_TRANSFERRED || reason == AddacsReason.TRANSFERRED_TO_DIFFERENT_BRANCH) {
            throw InvalidInput.of(field, "reason " + reason.code() + " (" + reason.meaning()
                    + ") comes with the new sort code or account number, and this advice has neither");
        }
        return new InstructionAmendment(required(a, "reference", field), optional(a, "payer-name").orElse(""), old,
                date(a, "effective-date", field), reason, moved);
    }
}
