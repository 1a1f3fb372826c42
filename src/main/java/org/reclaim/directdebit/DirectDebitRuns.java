package org.reclaim.directdebit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.directdebit.bacs.BankAccount;
import org.reclaim.directdebit.bacs.BankDetails;
import org.reclaim.directdebit.bacs.CollectionFile;
import org.reclaim.directdebit.bacs.Debit;
import org.reclaim.directdebit.bacs.Originator;
import org.reclaim.directdebit.bacs.Standard18File;
import org.reclaim.directdebit.bacs.TransactionCode;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.BusinessCalendar;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Direct Debit collection run for a processing day. In order:
 * <ol>
 * <li>the AUDDIS instructions waiting go out in an AUDDIS file for the day (new mandates are lodged);</li>
 * <li>mandates lodged at least {@code reclaim.direct-debit.first-collection-working-days} (10) working days before the
 *     day become active;</li>
 * <li>every instalment of a current bill due in the day's window — the day itself and the weekend and bank-holiday days
 *     just before it, since a due date on a non-banking day is collected on the next banking day (REFERENCE.md 8.4) —
 *     is collected under each active mandate, in chunks of accounts side by side, if the payer had the advance notice;</li>
 * <li>returns with reason 0 (refer to payer) are re-presented once (code 18), see {@link #REPRESENT_AFTER_WORKING_DAYS};</li>
 * <li>one Standard 18 collection file is written for everything the run collected, stored with the run.</li>
 * </ol>
 * Running the same day again collects nothing twice; a run that failed half-way leaves its committed chunks, which the
 * next run for the same day takes into its own file.
 */
@Service
public class DirectDebitRuns {

    private static final Logger log = LoggerFactory.getLogger(DirectDebitRuns.class);
    static final int CHUNK = 5_000;

    /**
     * A reason 0 return is re-presented by the first run at least this many working days after the original processing
     * day: up to 2 working days for the ARUDD to arrive and 5 working days' notice to the payer (REFERENCE.md 8.3,
     * accesspaysuite.com "ARUDD reason codes"); and no later than one month after it.
     */
    static final int REPRESENT_AFTER_WORKING_DAYS = 7;

    public record Skipped(String accountReference, String mandateReference, LocalDate dueOn, int financialYear, Money amount, String reason) {
    }

    public record Run(long id, String authority, LocalDate processingDay, String status, int collections, Money total, int skipped,
                      @Nullable Long auddisFileId, @Nullable String failure, OffsetDateTime startedAt, String startedBy) {
    }

    private final JdbcClient jdbc;
    private final CollectionChunk chunk;
    private final AuddisFiles auddis;
    private final Originators originators;
    private final BusinessCalendar calendar;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int firstCollectionWorkingDays;
    private final int threads;

    DirectDebitRuns(JdbcClient jdbc, CollectionChunk chunk, AuddisFiles auddis, Originators originators, BusinessCalendar calendar,
                    TransactionTemplate transactions, Clock clock,
                    @Value("${reclaim.direct-debit.first-collection-working-days:10}") int firstCollectionWorkingDays,
                    @Value("${reclaim.direct-debit.threads:0}") int threads) {
        this.jdbc = jdbc;
        this.chunk = chunk;
        this.auddis = auddis;
        this.originators = originators;
        this.calendar = calendar;
        this.transactions = transactions;
        this.clock = clock;
        this.firstCollectionWorkingDays = firstCollectionWorkingDays;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** A run that was going when the process stopped will not finish: marked failed, so the next run takes over its collections. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        int stopped = jdbc.sql("""
                update collection_run set status = 'FAILED', failure = 'interrupted by a restart', finished_at = ?
                where status = 'RUNNING'""").param(OffsetDateTime.now(clock)).update();
        if (stopped > 0) {
            log.warn("{} Direct Debit run(s) were interrupted by a restart; the next run puts their collections in its file", stopped);
        }
    }

    /** Runs the collection for the processing day to the end on the caller's thread and returns the run. */
    public Run run(BillingAuthority authority, LocalDate processingDay) {
        if (!calendar.isWorkingDay(processingDay)) {
            throw InvalidInput.of("date", processingDay + " is not a banking day: Bacs processes on working days; run the next one, "
                    + calendar.onOrNextWorkingDay(processingDay) + ", which collects what falls due on " + processingDay);
        }
        Originator originator = originators.get(authority);
        long runId;
        try {
            runId = jdbc.sql("""
                    insert into collection_run (authority_id, processing_day, status, started_at, started_by)
                    values (?, ?, 'RUNNING', ?, ?) returning id""")
                    .params(authority.id(), processingDay, OffsetDateTime.now(clock), AccessAudit.currentUser()).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Conflict.because("a Direct Debit run for " + authority.name() + " is already running");
        }
        long started = System.nanoTime();
        try {
            Optional<AuddisFiles.Written> file = auddis.write(authority, processingDay);
            file.ifPresent(f -> jdbc.sql("update collection_run set auddis_file_id = ? where authority_id = ? and id = ?")
                    .params(f.id(), authority.id(), runId).update());
            activate(authority.id(), processingDay);
            List<LocalDate> window = window(processingDay);
            collectInChunks(runId, authority.id(), processingDay, window);
            transactions.executeWithoutResult(s -> represent(runId, authority.id(), processingDay));
            transactions.executeWithoutResult(s -> writeFile(runId, authority.id(), processingDay, originator));
            log.info("Direct Debit run {} for {} on {} done in {} ms", runId, authority.gssCode(), processingDay, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            String cause = org.reclaim.shared.Failures.describe(e);
            log.error("Direct Debit run {} failed: {}", runId, cause);
            jdbc.sql("update collection_run set status = 'FAILED', failure = ?, finished_at = ? where authority_id = ? and id = ?")
                    .params(cause, OffsetDateTime.now(clock), authority.id(), runId).update();
            if (e instanceof InvalidInput || e instanceof Conflict) {
                throw e;
            }
        }
        return get(runId);
    }

    /** The due dates a run on this working day collects: the day, and the non-working days just before it. */
    List<LocalDate> window(LocalDate processingDay) {
        List<LocalDate> days = new ArrayList<>();
        days.add(processingDay);
        for (LocalDate d = processingDay.minusDays(1); !calendar.isWorkingDay(d); d = d.minusDays(1)) {
            days.add(d);
        }
        return days;
    }

    /**
     * Lodged mandates whose AUDDIS processing day is at least {@code firstCollectionWorkingDays} working days before the
     * run become active. Bacs processes an AUDDIS lodgement in its 3-day cycle (REFERENCE.md 8.1); the wait of 10 working
     * days also gives the payer the Direct Debit Guarantee's 10 working days' notice of the first collection (8.4).
     */
    private void activate(int authorityId, LocalDate processingDay) {
        LocalDate lodgedBy = calendar.minusWorkingDays(processingDay, firstCollectionWorkingDays);
        transactions.executeWithoutResult(s -> jdbc.sql("""
                with activated as (
                    update mandate set status = 'ACTIVE' where authority_id = ? and status = 'LODGED' and lodged_on <= ? returning id)
                insert into mandate_event (authority_id, mandate_id, event, detail, source, at, by_user)
                select ?, id, 'ACTIVE', ?, 'direct-debit run', ?, ? from activated""")
                .params(authorityId, lodgedBy, authorityId, "lodged on or before " + lodgedBy + ", " + firstCollectionWorkingDays
                        + " working days before the run of " + processingDay, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update());
    }

    private void collectInChunks(long runId, int authorityId, LocalDate processingDay, List<LocalDate> window) {
        List<Long> ends = jdbc.sql("""
                select account_id from (select account_id, row_number() over (order by account_id) as n, count(*) over () as total
                                        from mandate where authority_id = ? and status = 'ACTIVE') x
                where n % ? = 0 or n = total order by account_id""")
                .params(authorityId, CHUNK).query(Long.class).list();
        ExecutorService pool = new DelegatingSecurityContextExecutorService(
                Executors.newFixedThreadPool(threads, r -> new Thread(r, "direct-debit-chunk")), SecurityContextHolder.getContext());
        try {
            List<Future<CollectionChunk.Result>> results = new ArrayList<>();
            for (int i = 0; i < ends.size(); i++) {
                long after = i == 0 ? 0 : ends.get(i - 1);
                long upTo = ends.get(i);
                results.add(pool.submit(() -> chunk.collect(runId, authorityId, processingDay, window, after, upTo)));
            }
            for (Future<CollectionChunk.Result> r : results) {
                r.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Re-presents, once, each reason 0 return in its window (see {@link #REPRESENT_AFTER_WORKING_DAYS}). */
    private void represent(long runId, int authorityId, LocalDate processingDay) {
        LocalDate returnedBy = calendar.minusWorkingDays(processingDay, REPRESENT_AFTER_WORKING_DAYS);
        List<CollectionChunk.Due> due = jdbc.sql("""
                select m.id, m.reference, m.payer_name, m.account_id, a.reference, m.agreed_notice_days, c.bill_id, c.financial_year,
                       c.processing_day, c.due_on, c.amount_pence
                from direct_debit_return r
                join collection c on c.authority_id = r.authority_id and c.mandate_id = r.mandate_id and c.due_on = r.due_on
                                 and c.financial_year = r.financial_year and c.attempt = r.attempt
                join mandate m on m.authority_id = r.authority_id and m.id = r.mandate_id
                join account a on a.authority_id = m.authority_id and a.id = m.account_id
                where r.authority_id = ? and r.attempt = 1 and r.represent_by >= ? and r.processing_day <= ? and m.status = 'ACTIVE'
                  and not exists (select 1 from collection c2 where c2.authority_id = r.authority_id and c2.mandate_id = r.mandate_id
                                    and c2.due_on = r.due_on and c2.financial_year = r.financial_year and c2.attempt = 2)
                order by m.account_id""")
                .params(authorityId, processingDay, returnedBy)
                .query((rs, n) -> new CollectionChunk.Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getInt(6), rs.getLong(7), rs.getInt(8), rs.getObject(9, LocalDate.class), null, rs.getObject(10, LocalDate.class),
                        rs.getLong(11), true))
                .list();
        long pence = chunk.post(runId, authorityId, processingDay, due, 2);
        jdbc.sql("update collection_run set collections = collections + ?, total_pence = total_pence + ? where authority_id = ? and id = ?")
                .params(due.size(), pence, authorityId, runId).update();
    }

    /**
     * The run's file: its collections, and those of any earlier run that failed (or died with the process) before
     * writing its file: their payments are on the ledger, so the banks must be asked for the money in this file.
     */
    private void writeFile(long runId, int authorityId, LocalDate processingDay, Originator originator) {
        jdbc.sql("""
                update collection set run_id = ? where authority_id = ? and processing_day <= ? and run_id in
                    (select id from collection_run where authority_id = ? and processing_day <= ? and status = 'FAILED' and file_content is null)""")
                .params(runId, authorityId, processingDay, authorityId, processingDay).update();
        List<Debit> debits = jdbc.sql("""
                select m.payer_name, m.sort_code, m.account_number, c.amount_pence, c.transaction_code, m.reference
                from collection c join mandate m on m.authority_id = c.authority_id and m.id = c.mandate_id
                where c.authority_id = ? and c.run_id = ? order by c.account_id, c.financial_year, c.due_on""")
                .params(authorityId, runId)
                .query((rs, n) -> new Debit(new BankDetails(new BankAccount(rs.getString(2), rs.getString(3)), rs.getString(1)),
                        Money.ofPence(rs.getLong(4)), code(rs.getString(5)), rs.getString(6)))
                .list();
        String content = null;
        long total = 0;
        if (!debits.isEmpty()) {
            Standard18File file = CollectionFile.write(originator, AuddisFiles.serial(runId), AuddisFiles.created(clock, processingDay), processingDay, debits);
            content = file.text();
            total = file.total().pence();
        }
        jdbc.sql("""
                update collection_run set status = 'COMPLETED', file_content = ?, collections = ?, total_pence = ?, finished_at = ?
                where authority_id = ? and id = ?""")
                .params(content, debits.size(), total, OffsetDateTime.now(clock), authorityId, runId).update();
    }

    private static TransactionCode code(String code) {
        return switch (code) {
            case "01" -> TransactionCode.FIRST_COLLECTION;
            case "18" -> TransactionCode.REPRESENTATION;
            default -> TransactionCode.REGULAR_COLLECTION;
        };
    }

    /** A run by id (ids are unique across authorities). */
    public Run get(long id) {
        return jdbc.sql("""
                select r.id, b.gss_code, r.processing_day, r.status, r.collections, r.total_pence, r.skipped, r.auddis_file_id, r.failure,
                       r.started_at, r.started_by
                from collection_run r join billing_authority b on b.id = r.authority_id where r.id = ?""")
                .param(id)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getInt(5),
                        Money.ofPence(rs.getLong(6)), rs.getInt(7), (Long) rs.getObject(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class), rs.getString(11)))
                .optional().orElseThrow(() -> NotFound.of("Direct Debit run", id));
    }

    /** The instalments a run did not collect, with the reason. */
    public List<Skipped> skipped(long id, int limit) {
        return jdbc.sql("""
                select a.reference, m.reference, s.due_on, s.financial_year, s.amount_pence, s.reason
                from collection_skip s join mandate m on m.authority_id = s.authority_id and m.id = s.mandate_id
                join account a on a.authority_id = m.authority_id and a.id = m.account_id
                where s.run_id = ? order by a.reference, s.due_on limit ?""")
                .params(id, limit)
                .query((rs, n) -> new Skipped(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4),
                        Money.ofPence(rs.getLong(5)), rs.getString(6)))
                .list();
    }

    /** The run's Standard 18 file, if it collected anything. */
    Optional<String> file(long id) {
        get(id);
        return jdbc.sql("select file_content from collection_run where id = ?").param(id)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).single();
    }

    /** The latest runs of every authority, newest first (runs are few: one an authority a working day). */
    public List<Run> recent(int limit) {
        return jdbc.sql("select id from collection_run order by id desc limit ?").param(limit).query(Long.class).list().stream()
                .map(this::get).toList();
    }

    /** The id of the authority's run going now, if there is one (one at a time: index collection_run_one_running). */
    public Optional<Long> running(BillingAuthority authority) {
        return jdbc.sql("select id from collection_run where authority_id = ? and status = 'RUNNING'").param(authority.id())
                .query(Long.class).optional();
    }
}
