package org.reclaim.payments;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GOV.UK Pay's webhooks. No Reclaim user signs in here: a message is believed only if its {@code Pay-Signature} matches
 * the body signed with a configured webhook signing secret, and even then its contents are not trusted for the state,
 * which is asked of GOV.UK Pay (its example shows a capture event carrying a stale state, and messages may arrive out of
 * order). If GOV.UK Pay cannot be asked, the answer is a 502 or 503, so GOV.UK Pay sends the message again later.
 */
@RestController
class GovUkPayWebhooks {

    /** Who Reclaim's records name as having acted on a webhook. */
    static final String ACTOR = "govuk-pay-webhook";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record WebhookAnswer(String outcome, @Nullable Long cardPaymentId, CardPayment.@Nullable Status status) {
    }

    private final CardPayments cardPayments;
    private final GovUkPaySettings settings;

    GovUkPayWebhooks(CardPayments cardPayments, GovUkPaySettings settings) {
        this.cardPayments = cardPayments;
        this.settings = settings;
    }

    @PostMapping("/api/v1/govuk-pay/webhooks")
    ResponseEntity<?> receive(@RequestHeader(name = "Pay-Signature", required = false) @Nullable String signature,
                              @RequestBody(required = false) byte @Nullable [] body) {
        byte[] message = body == null ? new byte[0] : body;
        Optional<String> signer = WebhookSignature.signer(message, signature, settings.signingSecrets());
        if (signer.isEmpty()) {
            return unauthorized(settings.signingSecrets().isEmpty()
                    ? "Reclaim has no GOV.UK Pay webhook signing secret, so it cannot believe any webhook message."
                    : signature == null ? "The message has no Pay-Signature header."
                    : "The Pay-Signature header does not match the message signed with any of Reclaim's GOV.UK Pay webhook signing secrets.");
        }
        JsonNode event;
        try {
            event = JSON.readTree(message);
        } catch (JacksonException notJson) {
            throw InvalidInput.of("body", "is not a GOV.UK Pay webhook message (not JSON)");
        }
        String type = event.path("resource_type").asString("");
        String paymentId = event.path("resource_id").asString("");
        if (!"PAYMENT".equalsIgnoreCase(type) || paymentId.isBlank()) {
            return ResponseEntity.ok(new WebhookAnswer("ignored: not about a payment", null, null));
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ACTOR, null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return ResponseEntity.ok(cardPayments.heardFromWebhook(signer.get(), paymentId)
                    .map(c -> new WebhookAnswer("checked with GOV.UK Pay", c.id(), c.status()))
                    .orElseGet(() -> new WebhookAnswer("ignored: not a payment Reclaim started", null, null)));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static ResponseEntity<ProblemDetail> unauthorized(String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail + " The message was ignored.");
        p.setTitle("Unauthorized");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
