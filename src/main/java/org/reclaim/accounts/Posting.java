package org.reclaim.accounts;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * A request to post one entry. A debit falls due on {@code dueOn} (default: the effective date). An
 * {@code idempotencyKey} makes a repeat of the same posting return the first entry and post nothing. A
 * {@code scheduled} debit falls due as a schedule held elsewhere says (a bill's instalments; see {@link DueSchedule}).
 */
public record Posting(AccountReference account, FinancialYear financialYear, EntryType type, Money amount,
                      LocalDate effectiveOn, @Nullable LocalDate dueOn, String description,
                      @Nullable String idempotencyKey, @Nullable Long correctsEntryId, boolean scheduled) {

    public Posting(AccountReference account, FinancialYear financialYear, EntryType type, Money amount, LocalDate effectiveOn,
                   @Nullable LocalDate dueOn, String description, @Nullable String idempotencyKey, @Nullable Long correctsEntryId) {
        this(account, financialYear, type, amount, effectiveOn, dueOn, description, idempotencyKey, correctsEntryId, false);
    }

    /** A debit whose instalments are held by a schedule (a bill's plan), not by its own due date. */
    public Posting onSchedule() {
        return new Posting(account, financialYear, type, amount, effectiveOn, dueOn, description, idempotencyKey, correctsEntryId, true);
    }

    public static Posting of(AccountReference account, FinancialYear year, EntryType type, Money amount, LocalDate on, String description) {
        return new Posting(account, year, type, amount, on, null, description, null, null);
    }

    public Posting withIdempotencyKey(String key) {
        return new Posting(account, financialYear, type, amount, effectiveOn, dueOn, description, key, correctsEntryId, scheduled);
    }

    public Posting dueOn(LocalDate date) {
        return new Posting(account, financialYear, type, amount, effectiveOn, date, description, idempotencyKey, correctsEntryId, scheduled);
    }
}
