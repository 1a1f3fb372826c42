package org.reclaim.accounts;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/** One money movement on an account. Entries are never changed: a correction is another entry. */
public record LedgerEntry(long id, long accountId, FinancialYear financialYear, EntryType type, Money amount,
                          LocalDate effectiveOn, @Nullable LocalDate dueOn, Instant postedAt, String postedBy,
                          String description, @Nullable String idempotencyKey, @Nullable Long correctsEntryId) {
}
