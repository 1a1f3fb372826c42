package org.reclaim.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each council's Notify template per event and channel, as versioned data an administrator edits. */
@Service
public class Templates {

    /** The personalisation Reclaim can fill in; a template may ask for any of them (Notify's placeholders, e.g. ((name))). */
    static final List<String> KNOWN_FIELDS = List.of("name", "account_reference", "amount", "due_date", "authority_name",
            SurveyLinks.FIELD);

    /** One version of a template: {@code active} false when it withdrew the event from the channel. */
    public record Template(long id, String eventCode, Channel channel, int version, @Nullable UUID templateId, List<String> fields,
                           boolean active, OffsetDateTime changedAt, String changedBy, @Nullable String reason) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Templates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Sets (or withdraws, with no template id) the template for the event on the channel, as a new version. */
    @Transactional
    public Template set(BillingAuthority authority, String eventCode, Channel channel, @Nullable String templateId,
                        @Nullable List<String> fields, @Nullable String reason) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (!eventCode.matches("[A-Z][A-Z0-9_]{0,63}")) {
            errors.add(new InvalidInput.FieldError("eventCode", "must be a code in capitals, e.g. ARRANGEMENT_PAYMENT_DUE"));
        }
        if (channel == Channel.LETTER) {
            errors.add(new InvalidInput.FieldError("channel", "must be EMAIL or SMS: letters go by bulk print"));
        }
        UUID id = null;
        if (templateId != null && !templateId.isBlank()) {
            try {
                id = UUID.fromString(templateId.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("templateId", "must be the template's ID from GOV.UK Notify (a UUID)"));
            }
        }
        List<String> asked = fields == null ? List.of() : fields.stream().map(String::trim).distinct().toList();
        for (String f : asked) {
            if (!KNOWN_FIELDS.contains(f)) {
                errors.add(new InvalidInput.FieldError("fields", "'" + f + "' is not one Reclaim fills in: use " + String.join(", ", KNOWN_FIELDS)));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        // one edit at a time per event and channel: the versions stay consecutive
        jdbc.sql("select pg_advisory_xact_lock(hashtext('notify_template'), hashtext(? || ':' || ? || ':' || ?))")
                .params(authority.id(), eventCode, channel.name()).query().singleRow();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from notify_template where authority_id = ? and event_code = ? and channel = ?")
                .params(authority.id(), eventCode, channel.name()).query(Integer.class).single();
        long row = jdbc.sql("""
                insert into notify_template (authority_id, event_code, channel, version, template_id, fields, active, changed_at, changed_by, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authority.id(), eventCode, channel.name(), version, id, asked.toArray(String[]::new), id != null,
                        OffsetDateTime.now(clock), AccessAudit.currentUser(), reason == null || reason.isBlank() ? null : reason.trim())
                .query(Long.class).single();
        return byRow(authority.id(), row);
    }

    /** The versions in force, one per event and channel. */
    public List<Template> current(BillingAuthority authority) {
        return jdbc.sql(SELECT + " " + """
                 where t.authority_id = ? and t.version = (select max(v.version) from notify_template v
                   where v.authority_id = t.authority_id and v.event_code = t.event_code and v.channel = t.channel)
                 order by t.event_code, t.channel""").param(authority.id()).query(Templates::map).list();
    }

    /** Every version of the event's templates, newest first. */
    public List<Template> history(BillingAuthority authority, String eventCode) {
        return jdbc.sql(SELECT + " where t.authority_id = ? and t.event_code = ? order by t.channel, t.version desc")
                .params(authority.id(), eventCode).query(Templates::map).list();
    }

    /** The template in force for the event on the channel, if the council sends it. */
    public Optional<Template> inForce(int authorityId, String eventCode, Channel channel) {
        return jdbc.sql(SELECT + " where t.authority_id = ? and t.event_code = ? and t.channel = ? order by t.version desc limit 1")
                .params(authorityId, eventCode, channel.name()).query(Templates::map).optional().filter(Template::active);
    }

    Template byRow(int authorityId, long row) {
        return jdbc.sql(SELECT + " where t.authority_id = ? and t.id = ?").params(authorityId, row).query(Templates::map).optional()
                .orElseThrow(() -> NotFound.of("template", row));
    }

    private static final String SELECT = """
            select t.id, t.event_code, t.channel, t.version, t.template_id, t.fields, t.active, t.changed_at, t.changed_by, t.reason
            from notify_template t""";

    private static Template map(ResultSet rs, int n) throws SQLException {
        Array fields = rs.getArray(6);
        return new Template(rs.getLong(1), rs.getString(2), Channel.valueOf(rs.getString(3)), rs.getInt(4), rs.getObject(5, UUID.class),
                Arrays.asList((String[]) fields.getArray()), rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                rs.getString(10));
    }
}
