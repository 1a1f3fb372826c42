package org.reclaim.notify;

import java.util.Map;
import java.util.Optional;
import org.reclaim.accounts.Account;
import org.reclaim.contactcentre.Feedback;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The customer satisfaction survey's link in an email or text ("ask our customers for feedback", source document
 * seeds/000): a template that asks for {@code feedback_link} gets its own survey invitation, made when the message is
 * sent (once per message: its key), so a message that is suppressed or never sent invites nobody. The link must be an
 * address the customer can open, so it needs {@code reclaim.public-base-url}.
 */
@Component
class SurveyLinks {

    static final String FIELD = "feedback_link";
    /** What a queued message carries for the field until it is sent. */
    static final String MADE_WHEN_SENT = "(the survey link, made when the message is sent)";

    private final Feedback feedback;
    private final String publicBaseUrl;

    SurveyLinks(Feedback feedback, @Value("${reclaim.public-base-url:}") String publicBaseUrl) {
        this.feedback = feedback;
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /**
     * The personalisation to send: with a survey link of the message's own in place of the placeholder; empty when the
     * message asks for a link and none can be made (no public address set). In the caller's transaction.
     */
    Optional<Map<String, String>> filled(Account account, long messageId, Channel channel, Map<String, String> personalisation) {
        if (!personalisation.containsKey(FIELD)) {
            return Optional.of(personalisation);
        }
        if (publicBaseUrl.isBlank()) {
            return Optional.empty();
        }
        Feedback.Invitation invitation = feedback.invite(account.authorityId(), channel == Channel.SMS ? Feedback.Channel.SMS : Feedback.Channel.EMAIL,
                account, "notify:" + messageId).invitation();
        Map<String, String> filled = new java.util.LinkedHashMap<>(personalisation);
        filled.put(FIELD, publicBaseUrl + "/feedback/" + invitation.token());
        return Optional.of(filled);
    }
}
