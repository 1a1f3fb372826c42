package org.reclaim.payments;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.reclaim.shared.OutsideServiceFailed;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A small client for the GOV.UK Pay public API (https://docs.payments.service.gov.uk/api_reference/): create a payment
 * ({@code POST /v1/payments}) and get one ({@code GET /v1/payments/{PAYMENT_ID}}), authenticated with the service's API
 * key as a bearer token. GOV.UK Pay publishes no Java client. Every failure becomes an {@link OutsideServiceFailed} that
 * says what happened; the key and the payer's details (card, name, address, which GOV.UK Pay returns) are never
 * read into Reclaim, logged or repeated.
 */
@Component
@EnableConfigurationProperties(GovUkPaySettings.class)
class GovUkPay {

    private static final Logger log = LoggerFactory.getLogger(GovUkPay.class);

    /** The body of "Create a payment". {@code amount} is in pence, at most 10,000,000 (£100,000). */
    record CreatePayment(long amount, String reference, String description, @JsonProperty("return_url") String returnUrl,
                         String language) {
    }

    /** What Reclaim reads of a payment; GOV.UK Pay sends more (card details among it), which is ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(@JsonProperty("payment_id") String paymentId, long amount, @Nullable String reference, State state,
                   @JsonProperty("created_date") @Nullable Instant createdDate, @JsonProperty("_links") @Nullable Links links) {

        /** The URL the payer visits to pay; GOV.UK Pay gives it while the journey can still be started. */
        @Nullable String nextUrl() {
            return links == null || links.nextUrl() == null ? null : links.nextUrl().href();
        }
    }

    /** Where a payment is in its journey; {@code code} and {@code message} say why one failed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record State(String status, boolean finished, @Nullable String code, @Nullable String message) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Links(@JsonProperty("next_url") @Nullable Link nextUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Link(String href) {
    }

    /** GOV.UK Pay's error body: {@code {"field": "amount", "code": "P0102", "description": "..."}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(@Nullable String code, @Nullable String description) {
    }

    private final RestClient http;

    GovUkPay(GovUkPaySettings settings) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(settings.connectTimeout());
        requests.setReadTimeout(settings.readTimeout());
        this.http = RestClient.builder()
                .baseUrl(settings.baseUrl().toString().replaceAll("/+$", ""))
                .requestFactory(requests)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    Payment create(String apiKey, CreatePayment request, String authority) {
        return call("start a card payment", authority, () -> http.post().uri("/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve().body(Payment.class));
    }

    Payment get(String apiKey, String paymentId, String authority) {
        return call("check card payment " + paymentId, authority, () -> http.get().uri("/v1/payments/{id}", paymentId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey)
                .retrieve().body(Payment.class));
    }

    private interface Call {
        @Nullable Payment run();
    }

    private static Payment call(String what, String authority, Call call) {
        Payment payment;
        try {
            payment = call.run();
        } catch (RestClientResponseException e) {
            throw refused(what, authority, e);
        } catch (RestClientException e) {
            // the timeout can surface while sending, while waiting for the headers or while reading the body, each wrapped
            // differently: what matters is whether an I/O failure lies underneath
            Throwable io = ioCause(e);
            if (io == null) {
                log.warn("GOV.UK Pay gave an answer Reclaim could not read for {}: {}", authority, e.getClass().getSimpleName());
                throw OutsideServiceFailed.badAnswer("GOV.UK Pay gave an answer Reclaim could not read when it tried to " + what
                        + ", so nothing was posted.", e);
            }
            boolean timedOut = io instanceof SocketTimeoutException;
            log.warn("GOV.UK Pay {} for {}: {}", timedOut ? "timed out" : "could not be reached", authority, io.getClass().getSimpleName());
            throw OutsideServiceFailed.unavailable("GOV.UK Pay " + (timedOut ? "did not answer in time" : "could not be reached")
                    + " when Reclaim tried to " + what + ", so nothing was taken or posted. Try again in a few minutes; "
                    + "if it persists, check https://payments.statuspage.io.", e);
        }
        if (payment == null || payment.paymentId() == null || payment.state() == null || payment.state().status() == null) {
            throw OutsideServiceFailed.badAnswer("GOV.UK Pay's answer when Reclaim tried to " + what
                    + " had no payment_id or state, so nothing was posted.", new IllegalStateException("incomplete answer"));
        }
        return payment;
    }

    private static @Nullable IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** GOV.UK Pay answered 4xx or 5xx: say which, with its error code and description, which name no payer. */
    private static OutsideServiceFailed refused(String what, String authority, RestClientResponseException e) {
        int status = e.getStatusCode().value();
        Error error = null;
        try {
            error = e.getResponseBodyAs(Error.class);
        } catch (RuntimeException unreadable) {
            // not GOV.UK Pay's error JSON (a proxy's page, say): the status alone must do
        }
        String code = error == null || error.code() == null ? "" : " " + error.code();
        log.warn("GOV.UK Pay answered HTTP {}{} for {}", status, code, authority);
        String said = error == null || error.description() == null ? "" : ": " + error.description();
        if (status == 401) {
            return OutsideServiceFailed.badAnswer("GOV.UK Pay did not accept the API key Reclaim has for " + authority + " (HTTP 401) when it "
                    + "tried to " + what + ". An administrator should check reclaim.govuk-pay.keys." + authority
                    + "; nothing was taken or posted.", e);
        }
        if (status == 429) {
            return OutsideServiceFailed.unavailable("GOV.UK Pay is limiting how fast Reclaim may call it (HTTP 429" + code + ") and did not let it "
                    + what + "; nothing was taken or posted. Try again in a moment.", e);
        }
        return OutsideServiceFailed.badAnswer("GOV.UK Pay refused to " + what + " (HTTP " + status + code + said + "); nothing was taken or posted.", e);
    }
}
