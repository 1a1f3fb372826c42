package org.reclaim.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The append-only record of who read or changed which party, property or account, and when. Written in the
 * caller's transaction, so a change and its audit line are committed together or not at all.
 */
@Component
public class AccessAudit {

    public enum Action { READ, SEARCH, CHANGE }

    public enum Subject { PARTY, PROPERTY, ACCOUNT }

    public record Entry(long id, @Nullable Integer authorityId, Instant at, String username, Action action,
                        Subject subjectType, String subjectId, String detail) {
    }

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;
    private final Clock clock;

    AccessAudit(JdbcClient jdbc, javax.sql.DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Above this many lines an audit is written with COPY: a billing run or a payment file writes thousands at once. */
    private static final int COPY_FROM = 200;

    public void record(@Nullable Integer authorityId, Action action, Subject subject, Object subjectId, String detail) {
        jdbc.sql("""
                insert into access_audit (authority_id, at, username, action, subject_type, subject_id, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), currentUser(),
                        action.name(), subject.name(), String.valueOf(subjectId), detail)
                .update();
    }

    /** One subject seen, for {@link #recordAll}. */
    public record Seen(@Nullable Integer authorityId, Subject subject, String subjectId) {
    }

    /** Records the same action on many subjects in one statement (a search's hits, the parties on an account). */
    public void recordAll(Action action, List<Seen> seen, String detail) {
        if (seen.isEmpty()) {
            return;
        }
        if (seen.size() >= COPY_FROM) {
            copy(action, seen.stream().map(x -> new Noted(x.authorityId(), x.subject(), x.subjectId(), detail)).toList());
            return;
        }
        jdbc.sql("""
                insert into access_audit (authority_id, at, username, action, subject_type, subject_id, detail)
                select s.authority_id, :at, :username, :action, s.subject_type, s.subject_id, :detail
                from unnest(cast(:authorities as int[]), cast(:subjects as text[]), cast(:ids as text[])) as s (authority_id, subject_type, subject_id)""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("username", currentUser())
                .param("action", action.name())
                .param("detail", detail)
                .param("authorities", seen.stream().map(Seen::authorityId).toArray(Integer[]::new))
                .param("subjects", seen.stream().map(s -> s.subject().name()).toArray(String[]::new))
                .param("ids", seen.stream().map(Seen::subjectId).toArray(String[]::new))
                .update();
    }

    /** One change to a subject with its own words, for {@link #recordEach}. */
    public record Noted(@Nullable Integer authorityId, Subject subject, String subjectId, String detail) {
    }

    /** Records many actions, each on its subject with its own detail, in one statement (a payment file's postings). */
    public void recordEach(Action action, List<Noted> noted) {
        if (noted.isEmpty()) {
            return;
        }
        if (noted.size() >= COPY_FROM) {
            copy(action, noted);
            return;
        }
        jdbc.sql("""
                insert into access_audit (authority_id, at, username, action, subject_type, subject_id, detail)
                select s.authority_id, :at, :username, :action, s.subject_type, s.subject_id, s.detail
                from unnest(cast(:authorities as int[]), cast(:subjects as text[]), cast(:ids as text[]), cast(:details as text[]))
                     as s (authority_id, subject_type, subject_id, detail)""")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("username", currentUser())
                .param("action", action.name())
                .param("authorities", noted.stream().map(Noted::authorityId).toArray(Integer[]::new))
                .param("subjects", noted.stream().map(n -> n.subject().name()).toArray(String[]::new))
                .param("ids", noted.stream().map(Noted::subjectId).toArray(String[]::new))
                .param("details", noted.stream().map(Noted::detail).toArray(String[]::new))
                .update();
    }

    private void copy(Action action, List<Noted> noted) {
        String at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        String user = currentUser();
        CopyRows rows = new CopyRows("access_audit", "authority_id, at, username, action, subject_type, subject_id, detail");
        for (Noted n : noted) {
            rows.add(n.authorityId(), at, user, action.name(), n.subject().name(), n.subjectId(), n.detail());
        }
        rows.copyInto(dataSource);
    }

    public List<Entry> find(@Nullable Subject subject, @Nullable String subjectId, @Nullable String username, int limit) {
        return jdbc.sql("""
                select id, authority_id, at, username, action, subject_type, subject_id, detail
                from access_audit
                where (cast(:subject as text) is null or subject_type = :subject)
                  and (cast(:subjectId as text) is null or subject_id = :subjectId)
                  and (cast(:username as text) is null or username = :username)
                order by id desc
                limit :limit""")
                .param("subject", subject == null ? null : subject.name())
                .param("subjectId", subjectId)
                .param("username", username)
                .param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong("id"), (Integer) rs.getObject("authority_id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("username"),
                        Action.valueOf(rs.getString("action")), Subject.valueOf(rs.getString("subject_type")),
                        rs.getString("subject_id"), rs.getString("detail")))
                .list();
    }

    /** The signed-in user, or "system" for batch runs and start-up work. */
    public static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    /** Whether the signed-in user is a team leader: some decisions are theirs, not an officer's. */
    public static boolean currentUserIsTeamLeader() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_TEAM_LEADER".equals(a.getAuthority()));
    }
}
