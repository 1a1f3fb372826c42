package org.reclaim.payments;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Card payments through GOV.UK Pay: an officer taking a payment on the phone (or, later, the self-service pages)
 * starts one and sends the payer to its {@code nextUrl}; a status check asks GOV.UK Pay what became of it.
 */
@RestController
class CardPaymentsController {

    record StartRequest(@NotNull(message = "is required, in pence") @Positive(message = "must be more than zero")
                        @Max(value = 10_000_000, message = "must be at most 10000000 (£100,000), the most GOV.UK Pay takes in one payment")
                        Long amountPence,
                        @NotBlank(message = "is required: where GOV.UK Pay sends the payer when they have finished")
                        @Size(max = 2000, message = "must be at most 2000 characters") String returnUrl,
                        @Nullable @Pattern(regexp = "en|cy", message = "must be en (English) or cy (Welsh)") String language) {
    }

    record CardPaymentView(long id, String accountReference, long amountPence, CardPayment.Status status, boolean finished,
                           @Nullable String nextUrl, String govukPaymentId, @Nullable String failureCode, @Nullable String failureMessage,
                           @Nullable Long paymentId) {
        static CardPaymentView of(CardPayment c) {
            return new CardPaymentView(c.id(), c.accountReference(), c.amount().pence(), c.status(), c.finished(), c.nextUrl(),
                    c.govukPaymentId(), c.failureCode(), c.failureMessage(), c.paymentId());
        }
    }

    private final CardPayments cardPayments;
    private final Accounts accounts;

    CardPaymentsController(CardPayments cardPayments, Accounts accounts) {
        this.cardPayments = cardPayments;
        this.accounts = accounts;
    }

    /** Starts a GOV.UK Pay payment for the account; 201 with the URL to send the payer to. */
    @PostMapping("/api/v1/accounts/{reference}/card-payments")
    ResponseEntity<CardPaymentView> start(@PathVariable String reference, @Valid @RequestBody StartRequest r) {
        String returnUrl = r.returnUrl().trim();
        requireWebAddress(returnUrl);
        var account = accounts.get(AccountReference.fromRequest(reference));
        CardPayment started = cardPayments.start(account, Money.ofPence(r.amountPence()), returnUrl, r.language() == null ? "en" : r.language());
        return ResponseEntity.created(URI.create("/api/v1/card-payments/" + started.id())).body(CardPaymentView.of(started));
    }

    /** The card payment as GOV.UK Pay reports it now; posts the money if it has just succeeded. */
    @GetMapping("/api/v1/card-payments/{id}")
    CardPaymentView check(@PathVariable long id) {
        return CardPaymentView.of(cardPayments.check(id));
    }

    private static void requireWebAddress(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return;
            }
        } catch (URISyntaxException notAUri) {
            // refused below
        }
        throw InvalidInput.of("returnUrl", "must be a full web address such as https://pay.example.gov.uk/done");
    }
}
