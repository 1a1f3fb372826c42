package org.reclaim.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.authorities.AuthorityKind;
import org.reclaim.authorities.BillingAuthority;
import uk.gov.service.notify.NotificationClientException;

/** Keys per council by GSS code, never shown; Notify's errors sorted into worth-retrying and refused-for-good. */
class NotifySettingsTest {

    private static final String KEY = "live-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0";

    private static NotifySettings settings(Map<String, String> keys) {
        return new NotifySettings(URI.create("https://api.notifications.service.gov.uk"), keys, " token ", 3000, 250_000, 250_000, 20_000, 5,
                Duration.ofMinutes(1), Duration.ofSeconds(30), List.of(" e06000001 ", "E06000001", ""));
    }

    @Test
    void aKeyIsFoundByGssCodeInAnyLetterCaseAndNeverShown() {
        NotifySettings s = settings(Map.of("e07000135", KEY, "E08000010", " "));
        BillingAuthority oadby = new BillingAuthority(1, "E07000135", "Oadby and Wigston Borough Council", AuthorityKind.SHIRE_DISTRICT, 35);
        BillingAuthority wigan = new BillingAuthority(2, "E08000010", "Wigan Council", AuthorityKind.METROPOLITAN_DISTRICT, 42);
        assertThat(s.apiKeyFor(oadby)).contains(KEY);
        assertThat(s.apiKeyFor(wigan)).isEmpty();
        assertThat(s.callbackToken()).isEqualTo("token");
        assertThat(s.toString()).doesNotContain(KEY).doesNotContain("token=token").contains("E07000135");
    }

    @Test
    void theCouncilsThatPostLettersThroughNotifyAreNamedByGssCodeInAnyLetterCase() {
        NotifySettings s = settings(Map.of());
        assertThat(s.lettersFor()).containsExactly("E06000001");
        assertThat(s.toString()).contains("lettersFor=[E06000001]");
        assertThat(new NotifySettings(URI.create("https://api.notifications.service.gov.uk"), Map.of(), null, 3000, 250_000, 250_000, 20_000, 5,
                Duration.ofMinutes(1), Duration.ofSeconds(30), null).lettersFor()).as("unset: every letter goes to bulk print").isEmpty();
    }

    @Test
    void badRequestsAndBadKeysAreRefusedForGoodAndTheRestRetried() {
        assertThat(NotifyGateway.classify(400, "Status code: 400")).isInstanceOf(NotifyGateway.Outcome.Refused.class);
        assertThat(NotifyGateway.classify(403, "Status code: 403")).isInstanceOf(NotifyGateway.Outcome.Refused.class);
        assertThat(NotifyGateway.classify(429, "Status code: 429")).isInstanceOf(NotifyGateway.Outcome.TryAgain.class);
        assertThat(NotifyGateway.classify(500, "Status code: 500")).isInstanceOf(NotifyGateway.Outcome.TryAgain.class);
        assertThat(NotifyGateway.classify(503, "Status code: 503")).isInstanceOf(NotifyGateway.Outcome.TryAgain.class);
        // no answer at all (the client reports 0)
        assertThat(NotifyGateway.classify(new NotificationClientException("timed out", new java.io.IOException())))
                .isInstanceOf(NotifyGateway.Outcome.TryAgain.class);
    }

    @Test
    void eachChannelHasItsOwnDailyLimit() {
        NotifySettings.Limits limits = settings(Map.of()).limits();
        assertThat(limits.perDay(Channel.EMAIL)).isEqualTo(250_000);
        assertThat(limits.perDay(Channel.SMS)).isEqualTo(250_000);
        assertThat(limits.perDay(Channel.LETTER)).isEqualTo(20_000);
        assertThat(limits.perMinute()).isEqualTo(3000);
    }
}
