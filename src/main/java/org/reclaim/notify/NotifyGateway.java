package org.reclaim.notify;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.OutsideServiceFailed;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import uk.gov.service.notify.NotificationClient;
import uk.gov.service.notify.NotificationClientException;
import uk.gov.service.notify.TemplatePreview;

/** Reclaim's one door to GOV.UK Notify, through its official client, with each council's own API key. */
@Component
@EnableConfigurationProperties(NotifySettings.class)
class NotifyGateway {

    /** What came of a call: accepted (with Notify's id), worth trying again later, or refused for good. */
    sealed interface Outcome {
        record Accepted(UUID notificationId) implements Outcome {
        }

        record TryAgain(String reason) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }

    private final NotifySettings settings;

    NotifyGateway(NotifySettings settings) {
        this.settings = settings;
    }

    Outcome send(BillingAuthority authority, Channel channel, UUID templateId, String recipient, Map<String, String> personalisation,
                 String reference) {
        Optional<NotificationClient> client = client(authority);
        if (client.isEmpty()) {
            return new Outcome.Refused(noKey(authority));
        }
        try {
            UUID id = switch (channel) {
                case EMAIL -> client.get().sendEmail(templateId.toString(), recipient, personalisation, reference).getNotificationId();
                case SMS -> client.get().sendSms(templateId.toString(), recipient, personalisation, reference).getNotificationId();
                case LETTER -> throw new IllegalArgumentException("a letter is a precompiled PDF: sendLetter");
            };
            return new Outcome.Accepted(id);
        } catch (NotificationClientException e) {
            return classify(e);
        } catch (RuntimeException e) {
            // no answer, or one the client could not read: Notify may be down; try again later
            return new Outcome.TryAgain("GOV.UK Notify did not answer: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Posts a precompiled letter: the PDF as made, which carries its own address (GOV.UK Notify API documentation, "Send a
     * precompiled letter": {@code reference}, the base64 {@code content}, {@code postage}), second class: Notify's default
     * and the cheaper postage (nothing in Reclaim's notices asks for first class).
     */
    Outcome sendLetter(BillingAuthority authority, byte[] pdf, String reference) {
        Optional<NotificationClient> client = client(authority);
        if (client.isEmpty()) {
            return new Outcome.Refused(noKey(authority));
        }
        try {
            return new Outcome.Accepted(client.get().sendPrecompiledLetterWithInputStream(reference, new ByteArrayInputStream(pdf), "second")
                    .getNotificationId());
        } catch (NotificationClientException e) {
            return classify(e);
        } catch (RuntimeException e) {
            return new Outcome.TryAgain("GOV.UK Notify did not answer: " + e.getClass().getSimpleName());
        }
    }

    /** Notify renders the template with the personalisation (POST /v2/template/{id}/preview): nothing is sent. */
    String preview(BillingAuthority authority, UUID templateId, Map<String, String> personalisation) {
        NotificationClient client = client(authority).orElseThrow(() -> OutsideServiceFailed.unavailable(noKey(authority) + ". Nothing was sent."));
        try {
            TemplatePreview preview = client.generateTemplatePreview(templateId.toString(), new HashMap<>(personalisation));
            return preview.getSubject().map(s -> s + "\n\n").orElse("") + preview.getBody();
        } catch (NotificationClientException e) {
            throw OutsideServiceFailed.unavailable("GOV.UK Notify could not preview template " + templateId + ": " + reason(e), e);
        }
    }

    /**
     * Notify's API errors: 400 (a bad template, recipient or personalisation) and 403 (a bad key) will fail the same way
     * however often they are tried; 429 (over a limit) and 5xx are worth trying again (GOV.UK Notify API documentation,
     * "Error codes": "Retry the request after a delay" is advised only for 429 and 500).
     */
    static Outcome classify(NotificationClientException e) {
        return classify(e.getHttpResult(), reason(e));
    }

    static Outcome classify(int status, String reason) {
        if (status == 400 || status == 403) {
            return new Outcome.Refused("GOV.UK Notify refused it (" + status + "): " + reason);
        }
        return new Outcome.TryAgain("GOV.UK Notify answered " + (status == 0 ? "nothing" : String.valueOf(status)) + ": " + reason);
    }

    private static String reason(NotificationClientException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        // the client's message is "Status code: 400 {json}"; keep it short, it is shown to officers
        return m.length() > 500 ? m.substring(0, 500) : m;
    }

    private Optional<NotificationClient> client(BillingAuthority authority) {
        return settings.apiKeyFor(authority).map(key -> new NotificationClient(key, settings.baseUrl().toString()));
    }

    private static String noKey(BillingAuthority authority) {
        return "Reclaim has no GOV.UK Notify API key for " + authority.name() + ": an administrator sets reclaim.notify.keys."
                + authority.gssCode();
    }
}
