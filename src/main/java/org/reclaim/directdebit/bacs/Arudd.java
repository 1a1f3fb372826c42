package org.reclaim.directdebit.bacs;

import static org.reclaim.directdebit.bacs.BacsReportXml.account;
import static org.reclaim.directdebit.bacs.BacsReportXml.date;
import static org.reclaim.directdebit.bacs.BacsReportXml.elements;
import static org.reclaim.directdebit.bacs.BacsReportXml.optional;
import static org.reclaim.directdebit.bacs.BacsReportXml.pounds;
import static org.reclaim.directdebit.bacs.BacsReportXml.required;
import static org.reclaim.directdebit.bacs.BacsReportXml.single;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an ARUDD report (Automated Return of Unpaid Direct Debits) in the XML form Bacs Payment Services delivers:
 * {@code BACSDocument/Data/ARUDD/Advice/OriginatingAccountRecords/OriginatingAccountRecord}, each holding
 * {@code ReturnedDebitItem} elements (attributes {@code ref}, {@code transCode}, {@code returnCode},
 * {@code returnDescription}, {@code originalProcessingDate}, {@code valueOf}, {@code currency}) with a
 * {@code PayerAccount} child (attributes {@code sortCode}, {@code number}, {@code name}, {@code ref}) and a
 * {@code Totals} element ({@code numberOf}, {@code valueOf}).
 * <p>
 * Source of the element and attribute names: no public Bacs schema was found; they are those read by published
 * ARUDD processing code (for example the CiviCRM Smart Debit extension and open-source ARUDD/ADDACS importers), which
 * agree with each other. The whole report is read or none of it: a bad item, or totals that do not match the items,
 * refuse the report naming the item.
 */
public final class Arudd {

    /** One unpaid Direct Debit. */
    public record ReturnedDebit(String reference, BankAccount payerAccount, String payerName, Money amount,
                                LocalDate originalProcessingDate, String transactionCode, AruddReason reason) {
    }

    private Arudd() {
    }

    public static List<ReturnedDebit> parse(String xml) {
        Document doc = BacsReportXml.parse(xml, "ARUDD");
        Element arudd = single(doc.getDocumentElement(), "ARUDD", "document", "this BACSDocument");
        List<ReturnedDebit> items = new ArrayList<>();
        int itemNumber = 0;
        for (Element record : elements(arudd, "OriginatingAccountRecord")) {
            List<Element> returned = elements(record, "ReturnedDebitItem");
            long value = 0;
            for (Element item : returned) {
                itemNumber++;
                ReturnedDebit r = item(item, "item " + itemNumber);
                value += r.amount().pence();
                items.add(r);
            }
            List<Element> totals = elements(record, "Totals");
            if (!totals.isEmpty()) {
                Element t = totals.get(totals.size() - 1);
                String count = required(t, "numberOf", "totals");
                if (!count.equals(Integer.toString(returned.size()))) {
                    throw InvalidInput.of("totals", "the report's totals count " + count + " items but it holds "
                            + returned.size() + "; it may be truncated");
                }
                Money total = pounds(t, "valueOf", "totals");
                if (total.pence() != value) {
                    throw InvalidInput.of("totals", "the report's totals come to " + total + " but its items add up "
                            + "to " + Money.ofPence(value) + "; it may be truncated");
                }
            }
        }
        return List.copyOf(items);
    }

    private static ReturnedDebit item(Element item, String field) {
        Element payer = single(item, "PayerAccount", field, field);
        String reference = optional(item, "ref").orElseGet(() -> required(payer, "ref", field));
        BankAccount account = account(required(payer, "sortCode", field), required(payer, "number", field), field);
        String code = required(item, "returnCode", field);
        AruddReason reason = AruddReason.ofCode(code).orElseThrow(() -> InvalidInput.of(field,
                "returnCode '" + code + "' is not an ARUDD reason code (0-9, A, B)"));
        optional(item, "currency").filter(c -> !c.equals("GBP")).ifPresent(c -> {
            throw InvalidInput.of(field, "the currency is " + c + ", not GBP");
        });
        Money amount = pounds(item, "valueOf", field);
        if (amount.pence() <= 0) {
            throw InvalidInput.of(field, "an unpaid Direct Debit has an amount above zero");
        }
        return new ReturnedDebit(reference, account, optional(payer, "name").orElse(""), amount,
                date(item, "originalProcessingDate", field), optional(item, "transCode").orElse(""), reason);
    }
}
