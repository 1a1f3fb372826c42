package org.reclaim.documents;

import java.time.LocalDate;
import java.util.Map;

/**
 * A letter to produce: for which account, which document code, the data its template is filled from (display-ready
 * values: names, address lines, amounts as "£123.45", dates as "14 May 2026"), its business date, and the key of the
 * request it answers ({@code recovery:<action id>}, {@code arrangement:<id>:<due on>:<code>}, ...): one document a key.
 */
public record DocumentRequest(int authorityId, long accountId, String documentCode, Map<String, Object> data, LocalDate businessDate,
                              String sourceKey) {
}
