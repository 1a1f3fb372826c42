package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reclaim.authorities.AuthorityKind;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class GovUkPaySettingsTest {

    private static final BillingAuthority WIGAN = new BillingAuthority(1, "E08000010", "Wigan Council", AuthorityKind.METROPOLITAN_DISTRICT, 42);
    private static final BillingAuthority MIDDLESBROUGH = new BillingAuthority(2, "E06000002", "Middlesbrough Council", AuthorityKind.UNITARY, 35);

    private static GovUkPaySettings fromEnvironmentVariables(Map<String, Object> variables) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("reclaim.govuk-pay", GovUkPaySettings.class);
    }

    @Test
    void eachCouncilsKeyComesFromItsOwnEnvironmentVariableAndTheDefaultsAreGovUkPays() {
        GovUkPaySettings settings = fromEnvironmentVariables(Map.of(
                "RECLAIM_GOVUKPAY_KEYS_E08000010", "api_live_wigan",
                "RECLAIM_GOVUKPAY_WEBHOOKSIGNINGSECRETS_E08000010", "wigan-secret"));
        assertThat(settings.apiKeyFor(WIGAN, 2)).contains("api_live_wigan");
        assertThat(settings.apiKeyFor(MIDDLESBROUGH, 2)).isEmpty();
        assertThat(settings.signingSecrets()).containsExactly(Map.entry("E08000010", "wigan-secret"));
        assertThat(settings.baseUrl()).hasToString("https://publicapi.payments.service.gov.uk");
        assertThat(settings.readTimeout()).hasSeconds(15);
    }

    @Test
    void theSingleKeyServesOnlyAnInstallationWithOneCouncil() {
        GovUkPaySettings settings = fromEnvironmentVariables(Map.of("RECLAIM_GOVUKPAY_APIKEY", "api_live_only"));
        assertThat(settings.apiKeyFor(WIGAN, 1)).contains("api_live_only");
        assertThat(settings.apiKeyFor(WIGAN, 2)).isEmpty();
        assertThat(GovUkPaySettings.noKeyReason(WIGAN, 2)).contains("reclaim.govuk-pay.keys.E08000010")
                .contains("only used when Reclaim serves a single council");
    }

    @Test
    void neverShowsAKeyOrSecret() {
        GovUkPaySettings settings = fromEnvironmentVariables(Map.of("RECLAIM_GOVUKPAY_APIKEY", "api_live_only",
                "RECLAIM_GOVUKPAY_KEYS_E08000010", "api_live_wigan", "RECLAIM_GOVUKPAY_WEBHOOKSIGNINGSECRET", "the-secret"));
        assertThat(settings.toString()).doesNotContain("api_live").doesNotContain("the-secret").contains("E08000010");
    }
}
