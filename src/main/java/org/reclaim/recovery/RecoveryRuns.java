package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The daily recovery run of an authority for a business date: every Council Tax and Business Rates account's year with
 * an instalment missed, or with recovery under way, gets its next step. Chunks of accounts run side by side, each in
 * its own transaction; one run at a time per authority. Run it again for the same date, or after a crash, and it
 * issues only what is still due: each action exists once per account, year and stage.
 */
@Service
public class RecoveryRuns {

    private static final Logger log = LoggerFactory.getLogger(RecoveryRuns.class);

    public enum Status { RUNNING, COMPLETED, FAILED, INTERRUPTED }

    public record RecoveryRun(long id, String authority, LocalDate businessDate, boolean preview, Status status, int chunks, int chunksDone,
                              @Nullable String failure, OffsetDateTime startedAt, String startedBy, @Nullable OffsetDateTime finishedAt,
                              Map<String, Map<String, Integer>> linesByStageAndState, int held) {
    }

    private final JdbcClient jdbc;
    private final RecoveryPaths paths;
    private final RecoveryRunChunk chunk;
    private final Clock clock;
    private final int threads;
    /** Accounts (by id range) per chunk. */
    int chunkSize;

    RecoveryRuns(JdbcClient jdbc, RecoveryPaths paths, RecoveryRunChunk chunk, Clock clock,
                 @Value("${reclaim.recovery-run.threads:0}") int threads, @Value("${reclaim.recovery-run.chunk-accounts:20000}") int chunkSize) {
        this.jdbc = jdbc;
        this.paths = paths;
        this.chunk = chunk;
        this.clock = clock;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.chunkSize = chunkSize;
    }

    /** Runs to the end on the caller's thread and returns the run with its counts. */
    public RecoveryRun run(BillingAuthority authority, LocalDate date, boolean preview) {
        Map<RevenueStream, RecoveryPath> byStream = new EnumMap<>(RevenueStream.class);
        byStream.put(RevenueStream.COUNCIL_TAX, paths.current(authority.id(), RevenueStream.COUNCIL_TAX));
        byStream.put(RevenueStream.BUSINESS_RATES, paths.current(authority.id(), RevenueStream.BUSINESS_RATES));
        record Range(long min, long max) {
        }
        Range range = jdbc.sql("select coalesce(min(id), 0), coalesce(max(id), 0) from account where authority_id = ?")
                .param(authority.id()).query((rs, n) -> new Range(rs.getLong(1), rs.getLong(2))).single();
        List<long[]> chunks = new ArrayList<>();
        for (long after = range.min() - 1; after < range.max(); after += chunkSize) {
            chunks.add(new long[] {after, Math.min(range.max(), after + chunkSize)});
        }
        long id;
        try {
            id = jdbc.sql("""
                    insert into recovery_run (authority_id, business_date, preview, status, chunks, started_at, started_by)
                    values (?, ?, ?, 'RUNNING', ?, ?, ?) returning id""")
                    .params(authority.id(), date, preview, chunks.size(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Conflict.because("a recovery run for " + authority.name() + " is already running; follow it rather than starting another");
        }
        // proposals of earlier runs not yet reviewed are replaced by this run's, made on today's figures
        jdbc.sql("update recovery_line set state = 'SUPERSEDED', note = 'replaced by run ' || ? where authority_id = ? and state = 'PROPOSED'")
                .params(id, authority.id()).update();
        log.info("recovery run {} started: authority {}, business date {}, {} chunks{}", id, authority.gssCode(), date, chunks.size(),
                preview ? " (preview)" : "");
        execute(id, authority, date, preview, byStream, chunks);
        return get(id);
    }

    private void execute(long runId, BillingAuthority authority, LocalDate date, boolean preview, Map<RevenueStream, RecoveryPath> byStream,
                         List<long[]> ranges) {
        ExecutorService pool = new DelegatingSecurityContextExecutorService(
                Executors.newFixedThreadPool(threads, r -> new Thread(r, "recovery-run-chunk")), SecurityContextHolder.getContext());
        try {
            List<Future<RecoveryRunChunk.Outcome>> done = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                long[] r = ranges.get(i);
                int number = i;
                done.add(pool.submit(() -> chunk.run(runId, number, authority.id(), date, preview, byStream, r[0], r[1])));
            }
            for (Future<RecoveryRunChunk.Outcome> f : done) {
                f.get();
            }
            finish(authority.id(), runId, Status.COMPLETED, null);
        } catch (ExecutionException | RuntimeException e) {
            // the chunks in hand rolled back; committed chunks stay, and a run for the same date carries on from them
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            String cause = org.reclaim.shared.Failures.describe(failure);
            log.error("recovery run {} failed: {}", runId, cause);
            finish(authority.id(), runId, Status.FAILED, cause == null ? failure.toString() : cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(authority.id(), runId, Status.INTERRUPTED, "the process was stopping");
        } finally {
            pool.shutdownNow();
        }
    }

    private void finish(int authorityId, long runId, Status status, @Nullable String failure) {
        jdbc.sql("update recovery_run set status = ?, failure = ?, finished_at = ? where authority_id = ? and id = ?")
                .params(status.name(), failure, OffsetDateTime.now(clock), authorityId, runId).update();
    }

    /** A run that was going when this process stopped will not finish: say so, so that it can be run again. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedRuns() {
        int interrupted = jdbc.sql("update recovery_run set status = 'INTERRUPTED', finished_at = ? where status = 'RUNNING'")
                .param(OffsetDateTime.now(clock)).update();
        if (interrupted > 0) {
            log.warn("{} recovery run(s) were interrupted by a restart; run them again for the same date", interrupted);
        }
    }

    public RecoveryRun get(long id) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        int[] held = {0};
        jdbc.sql("select stage_code, state, count(*) from recovery_line where run_id = ? group by 1, 2 order by 1, 2").param(id)
                .query((rs, n) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                    if (rs.getString(2).equals("PASSED_OVER")) {
                        held[0] += rs.getInt(3);
                    }
                    return null;
                }).list();
        return jdbc.sql("""
                select r.id, g.gss_code, r.business_date, r.preview, r.status, r.chunks, r.chunks_done, r.failure, r.started_at, r.started_by,
                       r.finished_at, r.authority_id
                from recovery_run r join billing_authority g on g.id = r.authority_id where r.id = ?""")
                .param(id)
                .query((rs, n) -> new RecoveryRun(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getBoolean(4),
                        Status.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                        rs.getString(10), rs.getObject(11, OffsetDateTime.class), counts, held[0]))
                .optional().orElseThrow(() -> NotFound.of("recovery run", id));
    }

    int authorityOf(long runId) {
        return jdbc.sql("select authority_id from recovery_run where id = ?").param(runId).query(Integer.class).optional()
                .orElseThrow(() -> NotFound.of("recovery run", runId));
    }

    /** The latest runs of every authority, newest first (runs are few: one an authority a day). */
    public List<RecoveryRun> recent(int limit) {
        return jdbc.sql("select id from recovery_run order by id desc limit ?").param(limit).query(Long.class).list().stream()
                .map(this::get).toList();
    }

    /** The id of the authority's run going now, if there is one (one at a time: index recovery_run_one_running). */
    public java.util.Optional<Long> running(BillingAuthority authority) {
        return jdbc.sql("select id from recovery_run where authority_id = ? and status = 'RUNNING'").param(authority.id())
                .query(Long.class).optional();
    }
}
