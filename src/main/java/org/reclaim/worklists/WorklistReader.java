package org.reclaim.worklists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.recovery.StageCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a worklist's items as they stand now, scored and ordered in one query over the list's candidates, and counts
 * them. Only the page asked for is joined to names.
 */
@Component
class WorklistReader {

    /** A VULNERABILITY_REVIEW hold ending or due for review within this many days puts the customer on the list to call. */
    static final int REVIEW_SOON_DAYS = 14;

    /** Whose items: everyone's, the unassigned ones, or one user's (only tasks are ever assigned). */
    record Assignee(boolean unassignedOnly, @Nullable String username) {
        static final Assignee ANYONE = new Assignee(false, null);
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    WorklistReader(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Row(String itemId, long accountId, String accountReference, String partyName, String stream, @Nullable Integer financialYear,
               String suggestion, @Nullable String rule, String reason, @Nullable LocalDate dueOn, @Nullable String state,
               @Nullable String assignedTo, WorklistScore.Parts parts) {
    }

    List<Row> page(Worklist worklist, int authorityId, Assignee assignee, int limit, int offset) {
        return params(jdbc.sql(pageSql(worklist)), worklist, authorityId, assignee).param("limit", limit).param("offset", offset)
                .query(WorklistReader::map).list();
    }

    /** The plan PostgreSQL follows for a first page, with its timings (for the benchmark). */
    List<String> explainFirstPage(Worklist worklist, int authorityId) {
        return params(jdbc.sql("explain (analyze, buffers) " + pageSql(worklist)), worklist, authorityId, Assignee.ANYONE)
                .param("limit", 50).param("offset", 0).query(String.class).list();
    }

    private static String pageSql(Worklist worklist) {
        return """
                with items as (%1$s),
                page as (
                    select items.*, %2$s as score from items where %3$s
                    order by score desc, item_order limit :limit offset :offset)
                select page.item_id, page.account_id, a.reference, coalesce(n.name, ''), a.stream, page.financial_year, page.suggestion,
                       page.rule, page.reason, page.due_on, page.state, page.assigned_to, page.arrears_pence, page.age_days, page.projected_pence,
                       page.vulnerable, page.contact_days
                from page
                join account a on a.authority_id = :authority and a.id = page.account_id
                left join lateral (
                    select coalesce(p.organisation_name, concat_ws(' ', p.title, p.forenames, p.surname)) as name
                    from account_party ap join party p on p.authority_id = ap.authority_id and p.id = ap.party_id
                    where ap.authority_id = :authority and ap.account_id = page.account_id
                    order by ap.party_id limit 1) n on true
                order by page.score desc, page.item_order""".formatted(candidates(worklist), WorklistScore.SQL, ASSIGNEE);
    }

    long count(Worklist worklist, int authorityId, Assignee assignee) {
        String sql = "select count(*) from (%s) items where %s".formatted(candidates(worklist), ASSIGNEE);
        return params(jdbc.sql(sql), worklist, authorityId, assignee).query(Long.class).single();
    }

    private static final String ASSIGNEE = """
            (not :unassignedOnly or items.assigned_to is null)
            and (cast(:assignee as text) is null or items.assigned_to = :assignee)""";

    private static String candidates(Worklist worklist) {
        return switch (worklist) {
            case DECISIONS, SUMMONS_REVIEW -> ItemSql.LINES;
            case VULNERABLE_BEFORE_ESCALATION -> ItemSql.VULNERABLE;
            case TASKS -> ItemSql.TASKS;
        };
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Worklist worklist, int authorityId, Assignee assignee) {
        LocalDate today = LocalDate.now(clock);
        spec = spec.param("authority", authorityId).param("today", today)
                .param("unassignedOnly", assignee.unassignedOnly()).param("assignee", assignee.username());
        return switch (worklist) {
            case DECISIONS -> spec.param("authorisation", false);
            case SUMMONS_REVIEW -> spec.param("authorisation", true);
            case VULNERABLE_BEFORE_ESCALATION -> spec.param("soon", today.plusDays(REVIEW_SOON_DAYS)).param("beyond", SUMMONS_OR_LATER);
            case TASKS -> spec;
        };
    }

    /** The stages from the summons on, in the law's order (StageCode). */
    private static final String[] SUMMONS_OR_LATER = Arrays.stream(StageCode.values())
            .filter(s -> s.ordinal() >= StageCode.SUMMONS.ordinal()).map(Enum::name).toArray(String[]::new);

    private static Row map(ResultSet rs, int n) throws SQLException {
        Object contactDays = rs.getObject(17);
        return new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12),
                new WorklistScore.Parts(rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getBoolean(16),
                        contactDays == null ? null : ((Number) contactDays).longValue()));
    }
}
