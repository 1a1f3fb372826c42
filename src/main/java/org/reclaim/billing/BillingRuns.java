package org.reclaim.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.CouncilTaxYear;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedRuntimeException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The annual billing run: bills every Council Tax account liable in a financial year that has no bill for it yet, in
 * chunks, and keeps its progress where anyone can read it. Running it again bills only what is still unbilled, so it
 * can be repeated after a crash or for accounts opened since, and never charges twice. One run at a time per
 * authority and year; runs go one after another on a single worker thread, as the signed-in user who started them.
 */
@Service
public class BillingRuns implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);
    static final int CHUNK = 5_000;

    public enum Status { RUNNING, COMPLETED, FAILED, INTERRUPTED }

    public record BillingRun(long id, String authority, FinancialYear year, LocalDate issuedOn, Status status, int accountsToBill,
                             int accountsBilled, int accountsRefused, Money charged, @Nullable String failure, OffsetDateTime startedAt,
                             String startedBy, @Nullable OffsetDateTime finishedAt) {

        /** How far the run has got, in whole percent of the accounts it set out to bill. */
        public int percentDone() {
            if (status == Status.COMPLETED || accountsToBill == 0) {
                return status == Status.COMPLETED ? 100 : 0;
            }
            return (int) Math.min(99, 100L * (accountsBilled + accountsRefused) / accountsToBill);
        }
    }

    public record Refusal(String accountReference, String reason) {
    }

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final AnnualBilling annualBilling;
    private final AccessAudit audit;
    private final Clock clock;
    private final ExecutorService worker = new DelegatingSecurityContextExecutorService(
            Executors.newSingleThreadExecutor(r -> new Thread(r, "billing-run")));

    private final int threads;

    BillingRuns(JdbcClient jdbc, Authorities authorities, AnnualBilling annualBilling, AccessAudit audit, Clock clock,
                @Value("${reclaim.billing-run.threads:0}") int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.annualBilling = annualBilling;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts a run in the background and returns it as it starts; follow it with {@link #get}. */
    public BillingRun start(BillingAuthority authority, FinancialYear year, LocalDate issuedOn) {
        Started started = create(authority, year, issuedOn);
        worker.submit(() -> execute(started.run().id(), authority, year, issuedOn, started.chunks()));
        return started.run();
    }

    /** Runs to the end on the caller's thread (the benchmark, and a scheduler that wants to wait). */
    public BillingRun runNow(BillingAuthority authority, FinancialYear year, LocalDate issuedOn) {
        Started started = create(authority, year, issuedOn);
        execute(started.run().id(), authority, year, issuedOn, started.chunks());
        return get(started.run().id());
    }

    private CouncilTaxYear config(BillingAuthority authority, FinancialYear year) {
        return authorities.councilTax(authority.id(), year).orElseThrow(() -> InvalidInput.of("financialYear",
                "no Council Tax is set for " + authority.name() + " in " + year + ": an administrator sets each body's Band D with "
                        + "PUT /api/v1/authorities/" + authority.gssCode() + "/council-tax/" + year.startYear()));
    }

    private record Started(BillingRun run, AnnualBilling.Chunks chunks) {
    }

    private Started create(BillingAuthority authority, FinancialYear year, LocalDate issuedOn) {
        config(authority, year);
        if (issuedOn.isAfter(year.end())) {
            throw InvalidInput.of("issuedOn", "is after the end of " + year + "; annual bills are issued before or during their year");
        }
        AnnualBilling.Chunks chunks = annualBilling.chunks(authority.id(), year, CHUNK);
        long id;
        try {
            id = jdbc.sql("""
                    insert into billing_run (authority_id, financial_year, issued_on, status, accounts_to_bill, started_at, started_by)
                    values (?, ?, ?, 'RUNNING', ?, ?, ?) returning id""")
                    .params(authority.id(), year.startYear(), issuedOn, chunks.accounts(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Conflict.because("a billing run for " + authority.name() + " " + year + " is already running; follow it rather than "
                    + "starting another");
        }
        log.info("billing run {} started: authority {}, {}, {} accounts to bill", id, authority.gssCode(), year, chunks.accounts());
        return new Started(get(id), chunks);
    }

    /**
     * Bills the run's chunks side by side on as many threads as the machine has cores (PostgreSQL writes one chunk while
     * Java prepares the next). Each chunk commits on its own; if one fails the others stop, and what was committed
     * stays for the next run to build on.
     */
    private void execute(long runId, BillingAuthority authority, FinancialYear year, LocalDate issuedOn, AnnualBilling.Chunks plan) {
        List<Long> ends = plan.ends();
        ExecutorService chunks = new DelegatingSecurityContextExecutorService(
                Executors.newFixedThreadPool(threads, r -> new Thread(r, "billing-run-chunk")), SecurityContextHolder.getContext());
        try {
            List<Future<AnnualBilling.Chunk>> billed = new ArrayList<>();
            for (int i = 0; i < ends.size(); i++) {
                long after = i == 0 ? 0 : ends.get(i - 1);
                long upTo = ends.get(i);
                billed.add(chunks.submit(() -> annualBilling.bill(runId, authority.id(), year, issuedOn, after, upTo)));
            }
            for (Future<AnnualBilling.Chunk> chunk : billed) {
                chunk.get();
            }
            finish(authority.id(), runId, Status.COMPLETED, null);
            log.info("billing run {} completed", runId);
        } catch (ExecutionException | RuntimeException e) {
            // the chunks in hand rolled back; what was committed stays, and a new run carries on from it
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            String cause = org.reclaim.shared.Failures.describe(failure);
            log.error("billing run {} failed: {}", runId, cause);
            finish(authority.id(), runId, Status.FAILED, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(authority.id(), runId, Status.INTERRUPTED, "the process was stopping");
        } finally {
            chunks.shutdownNow();
        }
    }

    private void finish(int authorityId, long runId, Status status, @Nullable String failure) {
        jdbc.sql("update billing_run set status = ?, failure = ?, finished_at = ? where authority_id = ? and id = ?")
                .params(status.name(), failure, OffsetDateTime.now(clock), authorityId, runId).update();
    }

    /** A run that was going when this process stopped will not finish: say so, so that it can be run again. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedRuns() {
        int interrupted = jdbc.sql("update billing_run set status = 'INTERRUPTED', finished_at = ? where status = 'RUNNING'")
                .param(OffsetDateTime.now(clock)).update();
        if (interrupted > 0) {
            log.warn("{} billing run(s) were interrupted by a restart; run them again to bill the rest", interrupted);
        }
    }

    /** A run by its id (ids are unique across authorities). */
    public BillingRun get(long id) {
        return jdbc.sql("""
                select r.id, r.financial_year, r.issued_on, r.status, r.accounts_to_bill, r.accounts_billed, r.accounts_refused,
                       r.charged_pence, r.failure, r.started_at, r.started_by, r.finished_at, r.authority_id
                from billing_run r where r.id = ?""")
                .param(id)
                .query((rs, n) -> new BillingRun(rs.getLong(1), authorities.byId(rs.getInt(13)).gssCode(), FinancialYear.of(rs.getInt(2)),
                        rs.getObject(3, LocalDate.class), Status.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                        Money.ofPence(rs.getLong(8)), rs.getString(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class)))
                .optional().orElseThrow(() -> NotFound.of("billing run", id));
    }

    /** The accounts a run could not bill, with the reason, in account order. */
    public List<Refusal> refusals(long id, int limit) {
        BillingRun run = get(id);
        List<Refusal> refusals = jdbc.sql("""
                select a.reference, f.reason from billing_run_refusal f
                join account a on a.authority_id = f.authority_id and a.id = f.account_id
                where f.run_id = ? order by f.account_id limit ?""")
                .params(id, limit)
                .query((rs, n) -> new Refusal(rs.getString(1), rs.getString(2))).list();
        int authorityId = authorities.byGssCode(run.authority()).id();
        audit.recordAll(AccessAudit.Action.READ, refusals.stream()
                .map(r -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, r.accountReference())).toList(),
                "refused by billing run " + id);
        return refusals;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
