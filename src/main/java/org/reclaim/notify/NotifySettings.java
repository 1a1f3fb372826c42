package org.reclaim.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Reclaim reaches GOV.UK Notify ({@code reclaim.notify.*}). Each council has its own Notify service, and the API key
 * decides which: keys are per authority, by GSS code ({@code reclaim.notify.keys.E07000135=<name>-<service id>-<secret>}),
 * as GOV.UK Pay's are. Keys and the callback token are settings, never data, and {@link #toString()} leaves them out.
 * <p>
 * The limits are Notify's published ones for a live service (GOV.UK Notify, "Pricing and limits" / API documentation
 * "Rate limits" and "Daily limits"): 3,000 messages a minute; a day's 250,000 emails, 250,000 text messages and 20,000
 * letters. They are settings so a council with a raised limit can set its own.
 *
 * @param baseUrl         Notify's API
 * @param keys            each authority's API key by GSS code
 * @param callbackToken   the bearer token Notify sends with each delivery callback (set in Notify's API integration page)
 * @param perMinute       messages a minute
 * @param emailsPerDay    emails a day
 * @param textsPerDay     text messages a day
 * @param lettersPerDay   letters a day
 * @param maxAttempts     attempts before a message that keeps failing (Notify 5xx or 429, or no answer) is FAILED
 * @param firstRetryDelay the wait after the first failure; doubled after each further one
 * @param senderInterval  how often the scheduled sender runs; 0 turns it off (tests send by calling it)
 * @param lettersFor      the councils (GSS codes) whose letters are posted through Notify, up to the day's letter limit;
 *                        empty (the default): every letter goes to the bulk print file
 */
@ConfigurationProperties("reclaim.notify")
record NotifySettings(@DefaultValue("https://api.notifications.service.gov.uk") URI baseUrl,
                      @Nullable Map<String, String> keys,
                      @Nullable String callbackToken,
                      @DefaultValue("3000") int perMinute,
                      @DefaultValue("250000") int emailsPerDay,
                      @DefaultValue("250000") int textsPerDay,
                      @DefaultValue("20000") int lettersPerDay,
                      @DefaultValue("5") int maxAttempts,
                      @DefaultValue("1m") Duration firstRetryDelay,
                      @DefaultValue("30s") Duration senderInterval,
                      @Nullable List<String> lettersFor) {

    NotifySettings {
        keys = keys == null ? Map.of() : keys.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().trim().toUpperCase(Locale.ROOT), e -> e.getValue().trim()));
        callbackToken = callbackToken == null || callbackToken.isBlank() ? null : callbackToken.trim();
        lettersFor = lettersFor == null ? List.of() : lettersFor.stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.trim().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    @Override
    public List<String> lettersFor() {
        return lettersFor == null ? List.of() : lettersFor;
    }

    Optional<String> apiKeyFor(BillingAuthority authority) {
        return Optional.ofNullable(keys().get(authority.gssCode().toUpperCase(Locale.ROOT)));
    }

    Limits limits() {
        return new Limits(perMinute, emailsPerDay, textsPerDay, lettersPerDay, maxAttempts, firstRetryDelay);
    }

    @Override
    public Map<String, String> keys() {
        return keys == null ? Map.of() : keys;
    }

    /** Never the keys or the token: only which authorities have keys. */
    @Override
    public String toString() {
        return "NotifySettings[baseUrl=" + baseUrl + ", keys for " + keys().keySet() + ", callbackToken=" + (callbackToken == null ? "unset" : "set")
                + ", limits=" + limits() + ", senderInterval=" + senderInterval + ", lettersFor=" + lettersFor() + "]";
    }

    /** What one sending pass may do: Notify's limits per authority's service, and the retry policy. */
    record Limits(int perMinute, int emailsPerDay, int textsPerDay, int lettersPerDay, int maxAttempts, Duration firstRetryDelay) {

        int perDay(Channel channel) {
            return switch (channel) {
                case EMAIL -> emailsPerDay;
                case SMS -> textsPerDay;
                case LETTER -> lettersPerDay;
            };
        }
    }
}
