package org.reclaim.payments;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of a payment: posted to an account, split over its years, or held in suspense with the reason.
 *
 * @param repeated true when this receipt had been received before, so nothing new was posted
 */
public record PaymentOutcome(long paymentId, Status status, @Nullable String accountReference, List<Allocation> allocations,
                             @Nullable String suspenseReason, boolean repeated) {

    public enum Status { POSTED, SUSPENSE }
}
