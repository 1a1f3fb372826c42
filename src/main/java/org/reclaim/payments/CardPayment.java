package org.reclaim.payments;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/**
 * A card payment Reclaim started through GOV.UK Pay, in the state GOV.UK Pay last reported.
 *
 * @param nextUrl     where the payer goes to pay (GOV.UK Pay's {@code _links.next_url}); null once the journey is over
 * @param paymentId   the payment posted to the account once GOV.UK Pay reported success; null until then
 */
public record CardPayment(long id, int authorityId, String accountReference, Money amount, String govukPaymentId, Status status,
                          boolean finished, @Nullable String failureCode, @Nullable String failureMessage, @Nullable String nextUrl,
                          Instant govukCreatedAt, @Nullable Long paymentId) {

    /** GOV.UK Pay's {@code state.status} values (https://docs.payments.service.gov.uk/api_reference/#payment-status-meanings). */
    public enum Status {
        /** Created through the API; the payer has not yet visited the next URL. */
        CREATED,
        /** The payer is entering their card details. */
        STARTED,
        /** The card was authorised but the payer has not yet confirmed. */
        SUBMITTED,
        /** Confirmed, waiting for a delayed capture. */
        CAPTURABLE,
        /** Paid: the only state in which money is posted. */
        SUCCESS,
        /** Did not complete: rejected (P0010), expired (P0020) or cancelled by the payer (P0030). */
        FAILED,
        /** Cancelled by the council's service (P0040). */
        CANCELLED,
        /** GOV.UK Pay or the card provider failed safely, with no money taken (P0050). */
        ERROR;

        static Status of(String govukStatus) {
            return valueOf(govukStatus.toUpperCase(java.util.Locale.ROOT));
        }

        String govuk() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** GOV.UK Pay's {@code finished}: the journey is over and the state will not change again. */
        boolean isFinal() {
            return this == SUCCESS || this == FAILED || this == CANCELLED || this == ERROR;
        }
    }
}
