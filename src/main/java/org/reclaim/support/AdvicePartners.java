package org.reclaim.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each authority's directory of advice partners. Partners are organisations: no personal data. */
@Service
public class AdvicePartners {

    /** A partner added, or the identical one found already in the directory ({@code repeated}). */
    public record Added(AdvicePartner partner, boolean repeated) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AdvicePartners(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a partner. The same partner again (same name and details) adds nothing; another with the same name is refused,
     * so that a directory never lists two partners an officer cannot tell apart.
     */
    @Transactional
    public Added add(int authorityId, AdvicePartner.Details d) {
        AdvicePartner.Details clean = check(d);
        Optional<AdvicePartner> same = named(authorityId, clean.name());
        if (same.isPresent()) {
            if (details(same.get()).equals(clean)) {
                return new Added(same.get(), true);
            }
            throw Conflict.because("the directory already has a partner named '" + clean.name() + "' (id " + same.get().id()
                    + "): change it with PUT /api/v1/authorities/{code}/advice-partners/" + same.get().id());
        }
        long id = jdbc.sql("""
                insert into advice_partner (authority_id, name, kind, contact, website, notes, active, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorityId, clean.name(), clean.kind().name(), clean.contact(), clean.website(), clean.notes(), clean.active(),
                        OffsetDateTime.now(clock), AccessAudit.currentUser())
                .query(Long.class).single();
        return new Added(get(authorityId, id), false);
    }

    /** Changes a partner's details; {@code active = false} takes it out of the list officers refer to (referrals keep it). */
    @Transactional
    public AdvicePartner change(int authorityId, long id, AdvicePartner.Details d) {
        get(authorityId, id);
        AdvicePartner.Details clean = check(d);
        named(authorityId, clean.name()).filter(other -> other.id() != id).ifPresent(other -> {
            throw Conflict.because("the directory already has a partner named '" + clean.name() + "' (id " + other.id() + ")");
        });
        jdbc.sql("""
                update advice_partner set name = ?, kind = ?, contact = ?, website = ?, notes = ?, active = ?, changed_at = ?, changed_by = ?
                where authority_id = ? and id = ?""")
                .params(clean.name(), clean.kind().name(), clean.contact(), clean.website(), clean.notes(), clean.active(),
                        OffsetDateTime.now(clock), AccessAudit.currentUser(), authorityId, id)
                .update();
        return get(authorityId, id);
    }

    /** The directory, by kind and name; only the active partners unless {@code withInactive}. */
    public List<AdvicePartner> of(int authorityId, boolean withInactive) {
        return jdbc.sql(SELECT + " where authority_id = ? and (active or ?) order by kind, lower(name)")
                .params(authorityId, withInactive).query(AdvicePartners::map).list();
    }

    public AdvicePartner get(int authorityId, long id) {
        return find(authorityId, id).orElseThrow(() -> NotFound.of("advice partner", id));
    }

    public Optional<AdvicePartner> find(int authorityId, long id) {
        return jdbc.sql(SELECT + " where authority_id = ? and id = ?").params(authorityId, id).query(AdvicePartners::map).optional();
    }

    private Optional<AdvicePartner> named(int authorityId, String name) {
        return jdbc.sql(SELECT + " where authority_id = ? and lower(name) = lower(?)").params(authorityId, name)
                .query(AdvicePartners::map).optional();
    }

    private static AdvicePartner.Details check(AdvicePartner.Details d) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (d.name().isBlank()) {
            errors.add(new InvalidInput.FieldError("name", "is required"));
        }
        String website = trim(d.website());
        if (website != null && !website.matches("https?://[^\\s]+\\.[^\\s]+")) {
            errors.add(new InvalidInput.FieldError("website", "must be a web address starting https:// (or http://)"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return new AdvicePartner.Details(d.name().trim(), d.kind(), trim(d.contact()), website, trim(d.notes()), d.active());
    }

    private static AdvicePartner.Details details(AdvicePartner p) {
        return new AdvicePartner.Details(p.name(), p.kind(), p.contact(), p.website(), p.notes(), p.active());
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static final String SELECT = "select id, authority_id, name, kind, contact, website, notes, active from advice_partner";

    private static AdvicePartner map(ResultSet rs, int n) throws SQLException {
        return new AdvicePartner(rs.getLong(1), rs.getInt(2), rs.getString(3), AdvicePartner.Kind.valueOf(rs.getString(4)), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBoolean(8));
    }
}
