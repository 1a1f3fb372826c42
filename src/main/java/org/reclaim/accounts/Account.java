package org.reclaim.accounts;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An account for one stream, at one authority, for one liability, with its jointly and severally liable parties. */
public record Account(long id, int authorityId, AccountReference reference, RevenueStream stream, @Nullable Long propertyId,
                      LocalDate liabilityStart, @Nullable LocalDate liabilityEnd, AccountStatus status, List<Long> liablePartyIds) {
}
