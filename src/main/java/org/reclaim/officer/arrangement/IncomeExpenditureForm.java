package org.reclaim.officer.arrangement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.reclaim.arrangements.ArrangementDesk;
import org.reclaim.officer.DateInput;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.PoundsInput;

/**
 * The income and expenditure form as the page shows it: a fixed set of common lines in each Standard Financial
 * Statement section, each with an amount and a frequency (a blank amount is no line), and the household. Input ids
 * and names: {@code line-<CATEGORY>-<n>-amount} and {@code line-<CATEGORY>-<n>-frequency}, {@code adults},
 * {@code children}, {@code channel-<CHANNEL>}, {@code receivedOn-day|month|year} (the day the form reached the council, which
 * starts the 10 days to respond; a form posted in days ago is not received today).
 */
public record IncomeExpenditureForm(Map<String, String> values) {

    /** A line the form offers: its category (SfsCategory's name), number within it, and the item it records. */
    public record Offered(String category, int n, String item) {
        public String amountId() {
            return "line-" + category + "-" + n + "-amount";
        }

        public String frequencyId() {
            return "line-" + category + "-" + n + "-frequency";
        }
    }

    /** A section of the form with its lines. */
    public record Section(String category, String heading, List<Offered> lines) {
    }

    /** The common lines of each section of the Standard Financial Statement (Money and Pensions Service). */
    public static final List<Section> SECTIONS = List.of(
            section("INCOME", "Income", "Wages or salary", "Benefits and tax credits", "Pension", "Other income"),
            section("FIXED_COSTS", "Fixed costs", "Rent or mortgage", "Council Tax", "Gas and electricity", "Water", "Childcare"),
            section("FLEXIBLE_COSTS", "Flexible costs", "Food and housekeeping", "Travel", "Phone and internet", "Personal costs"),
            section("PRIORITY_DEBTS", "Priority debts", "Rent or mortgage arrears", "Energy arrears", "Magistrates' court fines"),
            section("OTHER_DEBTS", "Other debts", "Credit cards and loans", "Catalogues and buy now pay later"));

    private static Section section(String category, String heading, String... items) {
        List<Offered> lines = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            lines.add(new Offered(category, i + 1, items[i]));
        }
        return new Section(category, heading, lines);
    }

    /** A new form: one adult, no children, by phone, received today. */
    public static IncomeExpenditureForm blank(java.time.LocalDate today) {
        DateInput received = DateInput.of(today);
        return new IncomeExpenditureForm(Map.of("adults", "1", "children", "0", "channel", "PHONE", "receivedOn-day", received.day(),
                "receivedOn-month", received.month(), "receivedOn-year", received.year()));
    }

    public DateInput receivedOn() {
        return new DateInput(value("receivedOn-day"), value("receivedOn-month"), value("receivedOn-year"));
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** The frequency chosen for a line, monthly unless another was chosen. */
    public String frequency(Offered line) {
        String f = value(line.frequencyId());
        return f.isEmpty() ? "MONTHLY" : f;
    }

    public String channel() {
        String c = value("channel");
        return c.isEmpty() ? "PHONE" : c;
    }

    /** The lines with an amount; errors for amounts that are not amounts and household sizes that are not numbers. */
    List<ArrangementDesk.Line> lines(FormErrors errors) {
        List<ArrangementDesk.Line> lines = new ArrayList<>();
        for (Section s : SECTIONS) {
            for (Offered o : s.lines()) {
                String text = value(o.amountId());
                if (text.isBlank()) {
                    continue;
                }
                PoundsInput.parse(text).ifPresentOrElse(
                        m -> lines.add(new ArrangementDesk.Line(o.category(), o.item(), m.pence(), frequency(o))),
                        () -> errors.add(o.amountId(), o.item() + ": enter an amount in pounds, like 120 or 45.50"));
            }
        }
        if (lines.stream().noneMatch(l -> l.category().equals("INCOME")) && !errors.any()) {
            errors.add(SECTIONS.get(0).lines().get(0).amountId(), "Enter at least one income line (0 if there is no income)");
        }
        return lines;
    }

    int count(String field, FormErrors errors, String message) {
        try {
            return Integer.parseInt(value(field).trim());
        } catch (NumberFormatException e) {
            errors.add(field, message);
            return -1;
        }
    }
}
