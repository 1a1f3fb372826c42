package org.reclaim.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox's public face: other modules queue a message about an account for one of its customers, once per unique
 * key. A message that must not go (breathing space, an opt-out, no address) is recorded SUPPRESSED with the reason.
 */
@Service
public class Notifications {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A message queued, and whether the same key had queued it before. */
    public record Queued(Message message, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final Templates templates;
    private final Suppression suppression;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Templates templates, Suppression suppression, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.suppression = suppression;
        this.clock = clock;
    }

    /**
     * Queues the event's message on the channel, with the template in force for it; empty when the council does not send
     * this event on this channel. {@code values} holds what Reclaim knows ({@link Templates#KNOWN_FIELDS}); the message
     * carries the fields its template asks for. The same {@code uniqueKey} again returns the first and queues nothing.
     */
    @Transactional
    public Optional<Queued> queue(Account account, long partyId, String eventCode, Channel channel, Map<String, String> values, String uniqueKey) {
        Map<String, String> known = new java.util.HashMap<>(values);
        known.putIfAbsent(SurveyLinks.FIELD, SurveyLinks.MADE_WHEN_SENT);
        return templates.inForce(account.authorityId(), eventCode, channel)
                .map(t -> queue(account, partyId, t, known, uniqueKey, null));
    }

    @Transactional
    Queued queue(Account account, long partyId, Templates.Template template, Map<String, String> values, String uniqueKey,
                 @Nullable Long campaignId) {
        if (!account.liablePartyIds().contains(partyId)) {
            throw InvalidInput.of("partyId", "customer " + partyId + " is not liable on account " + account.reference());
        }
        Optional<Message> earlier = byKey(account.authorityId(), uniqueKey);
        if (earlier.isPresent()) {
            return new Queued(earlier.get(), true);
        }
        Optional<String> missing = missingField(template, values);
        if (missing.isPresent()) {
            throw InvalidInput.of("personalisation", "template " + template.eventCode() + "/" + template.channel() + " needs '" + missing.get()
                    + "' and none was given");
        }
        Map<String, String> personalisation = personalisation(template, values);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<String> suppressed = suppression.reason(account, partyId, template.channel(), LocalDate.now(clock));
        Long id = jdbc.sql("""
                insert into notify_message (authority_id, account_id, account_reference, party_id, channel, event_code, template_row, template_id,
                                            personalisation, state, reason, next_attempt_at, campaign_id, unique_key, queued_at, queued_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                on conflict (authority_id, unique_key) do nothing returning id""")
                .params(account.authorityId(), account.id(), account.reference().value(), partyId, template.channel().name(),
                        template.eventCode(), template.id(), template.templateId(), JSON.writeValueAsString(personalisation),
                        suppressed.isPresent() ? "SUPPRESSED" : "QUEUED", suppressed.orElse(null), suppressed.isPresent() ? null : now,
                        campaignId, uniqueKey, now, AccessAudit.currentUser())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            // queued by a request running alongside this one
            return new Queued(byKey(account.authorityId(), uniqueKey).orElseThrow(), true);
        }
        return new Queued(get(account.authorityId(), id), false);
    }

    /** The first field the template asks for that {@code values} leaves empty: such a message is not queued. */
    static Optional<String> missingField(Templates.Template template, Map<String, String> values) {
        return template.fields().stream().filter(f -> values.get(f) == null || values.get(f).isBlank()).findFirst();
    }

    /** What the message carries: the fields its template asks for, in the template's order. */
    static Map<String, String> personalisation(Templates.Template template, Map<String, String> values) {
        Map<String, String> personalisation = new LinkedHashMap<>();
        template.fields().forEach(f -> personalisation.put(f, values.get(f)));
        return personalisation;
    }

    /** The account's messages, newest first. */
    public List<Message> of(Account account) {
        return jdbc.sql(SELECT + " where authority_id = ? and account_id = ? order by queued_at desc, id desc")
                .params(account.authorityId(), account.id()).query(Notifications::map).list();
    }

    Message get(int authorityId, long id) {
        return jdbc.sql(SELECT + " where authority_id = ? and id = ?").params(authorityId, id).query(Notifications::map).optional()
                .orElseThrow(() -> NotFound.of("message", id));
    }

    private Optional<Message> byKey(int authorityId, String key) {
        return jdbc.sql(SELECT + " where authority_id = ? and unique_key = ?").params(authorityId, key).query(Notifications::map).optional();
    }

    static final String SELECT = """
            select id, account_reference, party_id, channel, event_code, template_id, personalisation, state, reason, attempts,
                   next_attempt_at, sent_at, notification_id, notify_status, campaign_id, queued_at
            from notify_message""";

    static Message map(ResultSet rs, int n) throws SQLException {
        return new Message(rs.getLong(1), rs.getString(2), rs.getLong(3), Channel.valueOf(rs.getString(4)), rs.getString(5),
                rs.getObject(6, UUID.class), JSON.readValue(rs.getString(7), new TypeReference<Map<String, String>>() { }),
                Message.State.valueOf(rs.getString(8)), rs.getString(9), rs.getInt(10), rs.getObject(11, OffsetDateTime.class),
                rs.getObject(12, OffsetDateTime.class), rs.getObject(13, UUID.class), rs.getString(14), (Long) rs.getObject(15),
                rs.getObject(16, OffsetDateTime.class));
    }
}
