package org.reclaim.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * GOV.UK Notify's delivery status callbacks (Notify API documentation, "Callbacks": a POST with the message's id,
 * reference, to, status, created_at, completed_at, sent_at and notification_type, and the bearer token the service set).
 * No Reclaim user signs in: a callback is believed only with that token.
 */
@RestController
class Callbacks {

    record Callback(@Nullable String id, @Nullable String reference, @Nullable String to, @Nullable String status,
                    @Nullable OffsetDateTime created_at, @Nullable OffsetDateTime completed_at, @Nullable OffsetDateTime sent_at,
                    @Nullable String notification_type) {
    }

    record Answer(String outcome, @Nullable Long messageId, Message.@Nullable State state) {
    }

    private final JdbcClient jdbc;
    private final NotifySettings settings;
    private final OutboxSender sender;
    private final java.time.Clock clock;

    Callbacks(JdbcClient jdbc, NotifySettings settings, OutboxSender sender, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.settings = settings;
        this.sender = sender;
    }

    @PostMapping("/api/v1/notify/callbacks")
    @Transactional
    ResponseEntity<?> receive(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
                              @RequestBody Callback callback) {
        String token = settings.callbackToken();
        if (token == null || authorization == null || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, token == null
                    ? "Reclaim has no GOV.UK Notify callback token (reclaim.notify.callback-token), so it believes no callback."
                    : "The bearer token is not the one set for GOV.UK Notify's callbacks. The callback was ignored.");
            // RFC 6750: a bearer token is what is asked for
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer realm=\"GOV.UK Notify callbacks\"").body(p);
        }
        if (callback.id() == null || callback.status() == null) {
            throw InvalidInput.of(callback.id() == null ? "id" : "status", "is required in a GOV.UK Notify callback");
        }
        UUID notificationId;
        try {
            notificationId = UUID.fromString(callback.id());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("id", "is not a GOV.UK Notify notification id");
        }
        return asActor(() -> record(callback, notificationId));
    }

    /** Who Reclaim's records (a task raised) name as having acted on a callback. */
    static final String ACTOR = "govuk-notify-callback";

    private static ResponseEntity<?> asActor(java.util.function.Supplier<ResponseEntity<?>> work) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(ACTOR, null,
                java.util.List.of()));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private ResponseEntity<?> record(Callback callback, UUID notificationId) {
        record Row(int authorityId, long id, long accountId, Channel channel, String eventCode, String state) {
        }
        Optional<Row> row = jdbc.sql("""
                select authority_id, id, account_id, channel, event_code, state from notify_message where notification_id = ? for update""")
                .param(notificationId)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), rs.getLong(3), Channel.valueOf(rs.getString(4)), rs.getString(5),
                        rs.getString(6)))
                .optional();
        if (row.isEmpty()) {
            return ResponseEntity.ok(new Answer("ignored: not a message Reclaim sent", null, null));
        }
        Row m = row.get();
        // Notify's statuses (API documentation, "Get the status of a message"): an email or text is delivered, or fails
        // (permanent-failure, temporary-failure, technical-failure); a precompiled letter is received when it is with
        // Notify's printer, which is as far as Notify follows it, or fails: validation-failed (content outside the
        // printable area), virus-scan-failed, technical-failure, permanent-failure (the printer cannot print it), or is
        // cancelled by someone in the council's Notify service. Others (accepted, pending-virus-check, sending, ...) are
        // on the way.
        String status = callback.status().toLowerCase(java.util.Locale.ROOT);
        Message.State state = switch (status) {
            case "delivered", "received" -> Message.State.DELIVERED;
            case "permanent-failure", "temporary-failure", "technical-failure", "validation-failed", "virus-scan-failed", "cancelled" ->
                    Message.State.FAILED;
            default -> Message.State.valueOf(m.state());
        };
        OffsetDateTime completed = callback.completed_at();
        jdbc.sql("""
                update notify_message set notify_status = ?, completed_at = ?, state = ?,
                       reason = case when ? = 'FAILED' then ? else reason end
                where authority_id = ? and id = ?""")
                .params(status, completed, state.name(), state.name(), "GOV.UK Notify reported " + status, m.authorityId(), m.id()).update();
        if (state == Message.State.FAILED && !"FAILED".equals(m.state())) {
            OffsetDateTime when = completed != null ? completed : OffsetDateTime.now(clock);
            String reason = "GOV.UK Notify reported " + status;
            if (m.channel() == Channel.LETTER) {
                // a letter Notify will not print goes to the council's own print run; one cancelled in Notify was stopped
                // on purpose by someone in the council's service, so it is left to an officer to decide
                reason = status.equals("cancelled") ? reason + ": the letter was not posted, and is not put back to bulk print"
                        : sender.backToPrint(m.authorityId(), m.id(), reason);
            }
            sender.raiseTask(m.accountId(), m.id(), m.channel(), m.eventCode(), reason, when.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate());
        }
        return ResponseEntity.ok(new Answer("recorded", m.id(), state));
    }
}
