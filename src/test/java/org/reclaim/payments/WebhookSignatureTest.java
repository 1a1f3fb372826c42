package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = ("{\"id\":\"123abc\",\"api_version\":1,\"resource_id\":\"hu20sqlact5260q2nanm0q8u93\","
            + "\"resource_type\":\"PAYMENT\",\"event_type\":\"CARD_PAYMENT_SUCCEEDED\"}").getBytes(StandardCharsets.UTF_8);
    // HMAC-SHA256 of BODY keyed with the secret's UTF-8 bytes, lower-case hex, as computed by Python's hmac module
    private static final String EXPECTED = "ef3723bb21ddedb00b83e57b49abfd0d8efab568296cf10bb538af80ad05e67d";
    private static final String SECRET = "webhook_live_sig\u00a3ret";

    @Test
    void signsAsGovUkPayDocumentsLowerCaseHexHmacSha256OfTheBodyWithTheSecretAsUtf8() {
        assertThat(WebhookSignature.sign(BODY, SECRET)).isEqualTo(EXPECTED);
    }

    @Test
    void namesTheAuthorityWhoseSecretSignedTheBody() {
        Map<String, String> secrets = Map.of("E07000135", "another secret", "E08000010", SECRET);
        assertThat(WebhookSignature.signer(BODY, EXPECTED, secrets)).contains("E08000010");
        assertThat(WebhookSignature.signer(BODY, EXPECTED.toUpperCase(), secrets)).contains("E08000010");
    }

    @Test
    void refusesAWrongMissingOrAlteredSignature() {
        Map<String, String> secrets = Map.of("E08000010", SECRET);
        assertThat(WebhookSignature.signer(BODY, EXPECTED.replace('e', 'f'), secrets)).isEmpty();
        assertThat(WebhookSignature.signer(BODY, null, secrets)).isEmpty();
        assertThat(WebhookSignature.signer(BODY, "", secrets)).isEmpty();
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("SUCCEEDED", "CAPTURED").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.signer(altered, EXPECTED, secrets)).isEmpty();
        assertThat(WebhookSignature.signer(BODY, EXPECTED, Map.of())).isEmpty();
    }
}
