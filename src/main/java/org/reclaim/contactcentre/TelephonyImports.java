package org.reclaim.contactcentre;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the telephony system's interval statistics: the whole file or nothing. An interval is its queue and start: a
 * later file with the same interval replaces its figures (the telephony system's corrected export wins), the same figures
 * again change nothing, and the same file again (same bytes) is recognised and writes nothing at all.
 */
@Service
public class TelephonyImports {

    /**
     * What an import did. {@code alreadyImported}: these bytes were imported before (by import {@code importId}), nothing written.
     */
    public record Outcome(long importId, @Nullable String fileName, int lines, int added, int replaced, int unchanged,
                          List<String> ignoredColumns, boolean alreadyImported, OffsetDateTime importedAt, String importedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    TelephonyImports(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Outcome importFile(int authorityId, byte[] content, @Nullable String fileName) {
        // one import of an authority's statistics at a time: the overlap checks below read what the others write
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('telephony_interval'), ?)").param(authorityId).query(Integer.class).single();
        String sha256 = sha256(content);
        Optional<Outcome> earlier = bySha(authorityId, sha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        IntervalFile.Parsed parsed = IntervalFile.parse(content, LocalDateTime.now(clock));
        List<IntervalFile.Interval> intervals = parsed.intervals();
        refuseOverlapsWithEarlierFiles(authorityId, intervals);
        int[] counts = jdbc.sql(FILE + """
                select count(*) filter (where t.queue is null),
                       count(*) filter (where t.queue is not null and (t.minutes, t.offered, t.answered, t.abandoned, t.answered_within_service_level)
                                      is distinct from (f.minutes, f.offered, f.answered, f.abandoned, f.within_sl)),
                       count(*) filter (where t.queue is not null and (t.minutes, t.offered, t.answered, t.abandoned, t.answered_within_service_level)
                                      is not distinct from (f.minutes, f.offered, f.answered, f.abandoned, f.within_sl))
                from f left join telephony_interval t on t.authority_id = :authority and t.queue = f.queue and t.starts_at = f.starts_at""")
                .params(params(authorityId, intervals))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        long importId = jdbc.sql("""
                insert into telephony_import (authority_id, file_name, sha256, lines, added, replaced, unchanged, imported_at, imported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorityId, fileName, sha256, intervals.size(), counts[0], counts[1], counts[2], OffsetDateTime.now(clock),
                        AccessAudit.currentUser())
                .query(Long.class).single();
        jdbc.sql(FILE + """
                insert into telephony_interval (authority_id, queue, starts_at, minutes, offered, answered, abandoned,
                    answered_within_service_level, import_id)
                select :authority, f.queue, f.starts_at, f.minutes, f.offered, f.answered, f.abandoned, f.within_sl, :importId from f
                on conflict (authority_id, queue, starts_at) do update set minutes = excluded.minutes, offered = excluded.offered,
                    answered = excluded.answered, abandoned = excluded.abandoned,
                    answered_within_service_level = excluded.answered_within_service_level, import_id = excluded.import_id
                where (telephony_interval.minutes, telephony_interval.offered, telephony_interval.answered, telephony_interval.abandoned,
                       telephony_interval.answered_within_service_level)
                      is distinct from (excluded.minutes, excluded.offered, excluded.answered, excluded.abandoned,
                                        excluded.answered_within_service_level)""")
                .params(params(authorityId, intervals)).param("importId", importId).update();
        Outcome done = bySha(authorityId, sha256).orElseThrow();
        return new Outcome(done.importId(), done.fileName(), done.lines(), done.added(), done.replaced(), done.unchanged(),
                parsed.ignoredColumns(), false, done.importedAt(), done.importedBy());
    }

    /** Whether any interval has been imported for the authority. */
    public boolean any(int authorityId) {
        return jdbc.sql("select exists (select 1 from telephony_interval where authority_id = ?)").param(authorityId)
                .query(Boolean.class).single();
    }

    /** An interval of a queue may not overlap one imported earlier with another start (that one would be counted twice). */
    private void refuseOverlapsWithEarlierFiles(int authorityId, List<IntervalFile.Interval> intervals) {
        List<InvalidInput.FieldError> errors = jdbc.sql(FILE + """
                select f.line, t.starts_at, t.minutes
                from f join telephony_interval t on t.authority_id = :authority and t.queue = f.queue and t.starts_at <> f.starts_at
                     and t.starts_at < f.starts_at + make_interval(mins => f.minutes)
                     and f.starts_at < t.starts_at + make_interval(mins => t.minutes)
                where not exists (select 1 from f g where g.queue = t.queue and g.starts_at = t.starts_at)
                order by f.line, t.starts_at limit 1000""")
                .params(params(authorityId, intervals))
                .query((rs, n) -> new InvalidInput.FieldError("file", "line " + rs.getInt(1) + ": the interval overlaps one imported "
                        + "earlier for the same queue (from " + rs.getObject(2, LocalDateTime.class) + " for " + rs.getInt(3) + " minutes)"))
                .list();
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
    }

    private static final String FILE = """
            with f (line, queue, starts_at, minutes, offered, answered, abandoned, within_sl) as (
                select * from unnest(cast(:lines as int[]), cast(:queues as text[]), cast(:starts as timestamp[]), cast(:minutes as int[]),
                                     cast(:offered as int[]), cast(:answered as int[]), cast(:abandoned as int[]), cast(:withinSl as int[])))
            """;

    private static java.util.Map<String, Object> params(int authorityId, List<IntervalFile.Interval> intervals) {
        return java.util.Map.of("authority", authorityId,
                "lines", intervals.stream().map(IntervalFile.Interval::line).toArray(Integer[]::new),
                "queues", intervals.stream().map(IntervalFile.Interval::queue).toArray(String[]::new),
                "starts", intervals.stream().map(i -> i.startsAt().toString()).toArray(String[]::new),
                "minutes", intervals.stream().map(IntervalFile.Interval::minutes).toArray(Integer[]::new),
                "offered", intervals.stream().map(IntervalFile.Interval::offered).toArray(Integer[]::new),
                "answered", intervals.stream().map(IntervalFile.Interval::answered).toArray(Integer[]::new),
                "abandoned", intervals.stream().map(IntervalFile.Interval::abandoned).toArray(Integer[]::new),
                "withinSl", intervals.stream().map(IntervalFile.Interval::answeredWithinServiceLevel).toArray(Integer[]::new));
    }

    private Optional<Outcome> bySha(int authorityId, String sha256) {
        return jdbc.sql("""
                select id, file_name, lines, added, replaced, unchanged, imported_at, imported_by
                from telephony_import where authority_id = ? and sha256 = ?""")
                .params(authorityId, sha256)
                .query((rs, n) -> new Outcome(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                        List.of(), true, rs.getObject(7, OffsetDateTime.class), rs.getString(8)))
                .optional();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
