package org.reclaim.recovery;

/**
 * SQL expressions that put codes and dates in the words an officer reads, for notes built in a set-based query:
 * {@code BREATHING_SPACE_STANDARD} → "Breathing space standard", 2026-11-01 → "1 November 2026" (GOV.UK style). The
 * month names come from {@code to_char}'s English names (no {@code TM} prefix), whatever the database's locale.
 */
final class SqlWords {

    private SqlWords() {
    }

    static String words(String codeColumn) {
        return "(upper(left(" + codeColumn + ", 1)) || lower(replace(substr(" + codeColumn + ", 2), '_', ' ')))";
    }

    static String day(String dateColumn) {
        return "to_char(" + dateColumn + ", 'FMDD FMMonth YYYY')";
    }
}
