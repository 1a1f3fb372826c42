package org.reclaim.officer.arrangement;

import org.reclaim.officer.DateInput;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.arrangements.ArrangementDesk;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.PoundsInput;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * The terms of an arrangement as the officer enters them, with or without an income and expenditure form. Input
 * names and ids: {@code amount}; {@code frequency} (radios {@code frequency-<F>}); {@code start-day}, {@code start-month},
 * {@code start-year}; {@code method} (radios {@code method-<M>}, Direct Debit first and pre-selected); {@code first-contact}
 * (radios {@code first-contact-yes}/{@code -no}); {@code below-proposal-reason}; {@code longer-term-reason}; {@code key}
 * (hidden: one arrangement per form shown, however often it is sent).
 */
public record AgreeForm(Map<String, String> values) {

    /** The facade's field names and the form's ids they are shown against (radios: the first radio, as GOV.UK links). */
    private static final Map<String, String> FIELDS = Map.of(
            "instalmentPence", "amount",
            "frequency", "frequency-" + ArrangementDesk.paymentFrequencies().get(0),
            "firstPaymentOn", "start-day",
            "method", "method-" + ArrangementDesk.paymentMethods().get(0).name(),
            "madeAtFirstContact", "first-contact-yes",
            "acceptedBelowProposalReason", "below-proposal-reason",
            "longerTermReason", "longer-term-reason");

    private static final Map<String, String> NAMES = Map.of(
            "amount", "Amount",
            "start-day", "Start date",
            "below-proposal-reason", "Reason for accepting less than the proposal",
            "longer-term-reason", "Reason for the longer term");

    /** Pre-filled: the proposal's instalment, monthly, starting on the day given, by Direct Debit ("Direct Debit by Default"). */
    public static AgreeForm proposed(@Nullable Money instalment, LocalDate start) {
        Map<String, String> v = new HashMap<>();
        if (instalment != null && instalment.isPositive()) {
            v.put("amount", instalment.toString().replace("£", "").replace(",", ""));
        }
        v.put("frequency", "MONTHLY");
        v.put("start-day", String.valueOf(start.getDayOfMonth()));
        v.put("start-month", String.valueOf(start.getMonthValue()));
        v.put("start-year", String.valueOf(start.getYear()));
        v.put("method", ArrangementDesk.paymentMethods().get(0).name());
        v.put("key", java.util.UUID.randomUUID().toString());
        return new AgreeForm(v);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The first payment date's three boxes, for the shared date input. */
    public DateInput startDate() {
        return new DateInput(value("start-day"), value("start-month"), value("start-year"));
    }

    public boolean is(String field, String option) {
        return option.equals(value(field));
    }

    public List<String> frequencies() {
        return ArrangementDesk.paymentFrequencies();
    }

    public List<org.reclaim.payments.PaymentMethod> methods() {
        return ArrangementDesk.paymentMethods();
    }

    /** The terms for the facade; what cannot be read (an amount, a date) goes into {@code errors} against its field. */
    ArrangementDesk.Terms terms(long partyId, List<String> accounts, @Nullable Long formId, FormErrors errors) {
        Long pence = null;
        if (value("amount").isBlank()) {
            errors.add("amount", "Enter the amount of each payment");
        } else {
            pence = PoundsInput.parse(value("amount")).map(Money::pence).orElse(null);
            if (pence == null) {
                errors.add("amount", "Enter the amount in pounds, like 50 or 42.50");
            }
        }
        LocalDate start = startDate().required("start", "date of the first payment", errors).orElse(null);
        Boolean firstContact = switch (value("first-contact")) {
            case "yes" -> true;
            case "no" -> false;
            default -> null;
        };
        return new ArrangementDesk.Terms(partyId, accounts, pence, blankToNull(value("frequency")), start, blankToNull(value("method")),
                firstContact, formId, blankToNull(value("below-proposal-reason")), blankToNull(value("longer-term-reason")));
    }

    /** The facade's refusal against the form's fields, each message starting with what the field is. */
    static FormErrors errors(InvalidInput e) {
        FormErrors errors = FormErrors.none();
        for (InvalidInput.FieldError f : e.errors()) {
            String id = FIELDS.getOrDefault(f.field(), "amount");
            String name = FIELDS.containsKey(f.field()) ? NAMES.getOrDefault(id, words(f.field())) : words(f.field());
            errors.add(id, name + " " + inPounds(f.message()));
        }
        return errors;
    }

    /** The facade speaks in pence ("15000 pence"); the officer reads pounds ("£150.00"). */
    public static String inPounds(String text) {
        return java.util.regex.Pattern.compile("(\\d+) pence").matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(Money.ofPence(Long.parseLong(m.group(1))).toString()));
    }

    private static String words(String field) {
        String s = field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
