package org.reclaim.payments;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * GOV.UK Pay signs each webhook message: its {@code Pay-Signature} header is the lower-case hexadecimal HMAC-SHA256 of
 * the message body, keyed with the webhook's signing secret as UTF-8 (https://docs.payments.service.gov.uk/webhooks/).
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    /**
     * Which secret signed the body, by the name it is kept under (a GSS code), or empty if none did. Every secret is
     * tried and compared in constant time, so the answer's timing tells nothing about any secret.
     */
    static Optional<String> signer(byte[] body, @Nullable String header, Map<String, String> secrets) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        byte[] given = header.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String found = null;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            if (MessageDigest.isEqual(given, sign(body, secret.getValue()).getBytes(StandardCharsets.US_ASCII)) && found == null) {
                found = secret.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
