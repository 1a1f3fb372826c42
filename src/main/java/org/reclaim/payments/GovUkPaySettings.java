package org.reclaim.payments;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Reclaim reaches GOV.UK Pay ({@code reclaim.govuk-pay.*}). Each council has its own GOV.UK Pay service, and the API
 * key decides which service, and so which council's bank account, a payment goes to. So keys are per authority, by GSS
 * code: {@code reclaim.govuk-pay.keys.E07000135=api_live_...}. The single {@code api-key} is a convenience for an
 * installation that serves one council and is never used when it serves several, where it would send one council's
 * money to another's service. The same holds for the webhook signing secrets.
 * <p>
 * Keys and secrets are settings, not data: they come from the environment or a secret store the way a database password
 * does, so they are never in the database, its backups or an API answer. {@link #toString()} leaves them out.
 *
 * @param baseUrl                GOV.UK Pay's API; the same for test and live services (the key decides which)
 * @param apiKey                 the key of a single-council installation
 * @param keys                   each authority's key by GSS code (letter case does not matter, so environment variables work)
 * @param webhookSigningSecret   the webhook signing secret of a single-council installation
 * @param webhookSigningSecrets  each authority's webhook signing secret by GSS code
 * @param connectTimeout         how long to wait to connect
 * @param readTimeout            how long to wait for an answer before telling the officer GOV.UK Pay is unavailable
 */
@ConfigurationProperties("reclaim.govuk-pay")
record GovUkPaySettings(@DefaultValue("https://publicapi.payments.service.gov.uk") URI baseUrl,
                        @Nullable String apiKey,
                        @Nullable Map<String, String> keys,
                        @Nullable String webhookSigningSecret,
                        @Nullable Map<String, String> webhookSigningSecrets,
                        @DefaultValue("5s") Duration connectTimeout,
                        @DefaultValue("15s") Duration readTimeout) {

    GovUkPaySettings {
        keys = byGssCode(keys);
        webhookSigningSecrets = byGssCode(webhookSigningSecrets);
        apiKey = blankAsNull(apiKey);
        webhookSigningSecret = blankAsNull(webhookSigningSecret);
    }

    /** The key for the authority's GOV.UK Pay service, if one is set up; see the class comment for the single key. */
    Optional<String> apiKeyFor(BillingAuthority authority, int authoritiesServed) {
        String own = keys().get(authority.gssCode().toUpperCase(Locale.ROOT));
        return Optional.ofNullable(own != null ? own : authoritiesServed == 1 ? apiKey : null);
    }

    /** Why an authority has no key, in words an administrator can act on. */
    static String noKeyReason(BillingAuthority authority, int authoritiesServed) {
        return "Card payments are not set up for " + authority.name() + ": Reclaim has no GOV.UK Pay API key for it. An administrator sets "
                + "reclaim.govuk-pay.keys." + authority.gssCode() + " to the key of the council's GOV.UK Pay service"
                + (authoritiesServed > 1 ? " (reclaim.govuk-pay.api-key is only used when Reclaim serves a single council)" : "")
                + ". No payment was started.";
    }

    /** Each configured webhook signing secret, by the GSS code it belongs to; the single secret under the empty code. */
    Map<String, String> signingSecrets() {
        Map<String, String> all = new TreeMap<>(webhookSigningSecrets());
        if (webhookSigningSecret != null) {
            all.put("", webhookSigningSecret);
        }
        return all;
    }

    @Override
    public Map<String, String> keys() {
        return keys == null ? Map.of() : keys;
    }

    @Override
    public Map<String, String> webhookSigningSecrets() {
        return webhookSigningSecrets == null ? Map.of() : webhookSigningSecrets;
    }

    private static Map<String, String> byGssCode(@Nullable Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        return map.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .collect(Collectors.toUnmodifiableMap(e -> e.getKey().trim().toUpperCase(Locale.ROOT), e -> e.getValue().trim()));
    }

    private static @Nullable String blankAsNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** Never the keys or secrets: only which authorities have them. */
    @Override
    public String toString() {
        return "GovUkPaySettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "set") + ", keys for " + keys().keySet()
                + ", webhookSigningSecret=" + (webhookSigningSecret == null ? "unset" : "set") + ", webhook signing secrets for "
                + webhookSigningSecrets().keySet() + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
