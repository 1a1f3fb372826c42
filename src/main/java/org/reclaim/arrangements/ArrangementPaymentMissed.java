package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.List;

/**
 * An arrangement's payment due on {@code dueOn} was not made within the authority's grace days: the first miss, which
 * asks for a reminder before a second one breaks the arrangement. Published once per missed payment.
 */
public record ArrangementPaymentMissed(long arrangementId, List<Long> accountIds, LocalDate dueOn) {
}
