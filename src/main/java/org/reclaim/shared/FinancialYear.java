package org.reclaim.shared;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A financial year for Council Tax and Business Rates: 1 April to 31 March
 * (Local Government Finance Act 1992, s. 116(1): "financial year" as in the Local Government Act 1972, s. 270).
 * Identified by the calendar year in which it starts: 2026 is 2026/27.
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})(?:[/-](\\d{2}|\\d{4}))?");

    public FinancialYear {
        if (startYear < 1993 || startYear > 2100) {
            throw new IllegalArgumentException("financial year " + startYear + " is outside 1993 to 2100");
        }
    }

    public static FinancialYear of(int startYear) {
        return new FinancialYear(startYear);
    }

    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    /** Reads "2026", "2026/27", "2026-27" or "2026/2027". */
    public static FinancialYear parse(String text) {
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a financial year: write it as 2026/27 or 2026");
        }
        int start = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int end = Integer.parseInt(m.group(2));
            int expected = m.group(2).length() == 2 ? (start + 1) % 100 : start + 1;
            if (end != expected) {
                throw new IllegalArgumentException("'" + text + "' is not a financial year: the second year must follow the first");
            }
        }
        return new FinancialYear(start);
    }

    /** Reads a year given in a request; a bad one is an error of that field. */
    public static FinancialYear fromRequest(String text, String field) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, e.getMessage());
        }
    }

    /** A year given by the calendar year it starts in, in a request (a path such as .../council-tax/2026). */
    public static FinancialYear fromRequest(int startYear, String field) {
        try {
            return new FinancialYear(startYear);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, e.getMessage());
        }
    }

    public LocalDate start() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** 365, or 366 when the year includes 29 February. */
    public int lengthInDays() {
        return (int) ChronoUnit.DAYS.between(start(), end().plusDays(1));
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    public FinancialYear previous() {
        return new FinancialYear(startYear - 1);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    /** 2026/27 */
    @Override
    public String toString() {
        int next = (startYear + 1) % 100;
        return startYear + (next < 10 ? "/0" : "/") + next;
    }
}
