package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Standard Financial Statement spending guidelines an administrator enters for the authority: a monthly trigger
 * figure per flexible-cost item and household. None ship (the current figures are member-only and not in our sources,
 * REFERENCE.md 7.1); without them a form says "no guideline set" and flags nothing. A line above its guideline is
 * flagged for the officer to discuss, never refused: the SFS asks creditors to accept spending below the guidelines and
 * to hear the explanation of spending above them.
 */
@Service
class SpendingGuidelines {

    record Guideline(String item, int adults, int children, Money monthly) {
    }

    record Version(int version, LocalDate effectiveFrom, String source, String reason, OffsetDateTime setAt, String setBy,
                   List<Guideline> guidelines) {

        Optional<Guideline> find(String item, int adults, int children) {
            String key = key(item);
            return guidelines.stream().filter(g -> key(g.item()).equals(key) && g.adults() == adults && g.children() == children).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SpendingGuidelines(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static String key(String item) {
        return item.trim().toLowerCase(Locale.ROOT);
    }

    /** The version in force on the day: the newest with {@code effectiveFrom} on or before it. */
    Optional<Version> inForce(int authorityId, LocalDate on) {
        return jdbc.sql("""
                select version from spending_guideline_version where authority_id = ? and effective_from <= ?
                order by effective_from desc, version desc limit 1""")
                .params(authorityId, on).query(Integer.class).optional().map(v -> read(authorityId, v));
    }

    Version read(int authorityId, int version) {
        List<Guideline> lines = jdbc.sql("""
                select item, adults, children, monthly_pence from spending_guideline where authority_id = ? and version = ?
                order by item, adults, children""")
                .params(authorityId, version)
                .query((rs, n) -> new Guideline(rs.getString(1), rs.getInt(2), rs.getInt(3), Money.ofPence(rs.getLong(4)))).list();
        return jdbc.sql("""
                select version, effective_from, source, reason, set_at, set_by from spending_guideline_version
                where authority_id = ? and version = ?""")
                .params(authorityId, version)
                .query((rs, n) -> new Version(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6), lines))
                .single();
    }

    List<Version> history(int authorityId) {
        return jdbc.sql("select version from spending_guideline_version where authority_id = ? order by version desc")
                .param(authorityId).query(Integer.class).list().stream().map(v -> read(authorityId, v)).toList();
    }

    @Transactional
    Version set(int authorityId, LocalDate effectiveFrom, String source, String reason, List<Guideline> guidelines) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (source.isBlank()) {
            errors.add(new InvalidInput.FieldError("source", "is required: name the published figures these come from"));
        }
        if (reason.isBlank()) {
            errors.add(new InvalidInput.FieldError("reason", "is required: say why the guidelines change"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < guidelines.size(); i++) {
            Guideline g = guidelines.get(i);
            String at = "guidelines[" + i + "]";
            if (g.item().isBlank() || g.item().length() > 100) {
                errors.add(new InvalidInput.FieldError(at + ".item", "is required, up to 100 characters"));
            }
            if (g.adults() < 1 || g.adults() > 20) {
                errors.add(new InvalidInput.FieldError(at + ".adults", "must be 1 to 20"));
            }
            if (g.children() < 0 || g.children() > 20) {
                errors.add(new InvalidInput.FieldError(at + ".children", "must be 0 to 20"));
            }
            if (g.monthly().isNegative() || g.monthly().pence() > 100_000_000L) {
                errors.add(new InvalidInput.FieldError(at + ".monthlyPence", "must be 0 to 100000000 pence"));
            }
            if (!seen.add(key(g.item()) + "/" + g.adults() + "/" + g.children())) {
                errors.add(new InvalidInput.FieldError(at, "repeats an item for the same household"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        jdbc.sql("select 1 from billing_authority where id = ? for update").param(authorityId).query(Integer.class).single();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from spending_guideline_version where authority_id = ?")
                .param(authorityId).query(Integer.class).single();
        jdbc.sql("""
                insert into spending_guideline_version (authority_id, version, effective_from, source, reason, set_at, set_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, next, effectiveFrom, source.trim(), reason.trim(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        for (Guideline g : guidelines) {
            jdbc.sql("insert into spending_guideline (authority_id, version, item, adults, children, monthly_pence) values (?, ?, ?, ?, ?, ?)")
                    .params(authorityId, next, g.item().trim(), g.adults(), g.children(), g.monthly().pence()).update();
        }
        return read(authorityId, next);
    }
}
