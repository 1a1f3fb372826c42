package org.reclaim.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
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
 * Imports payment files, once. The same bytes again post nothing (the file's SHA-256 is kept); the same line in
 * another file posts nothing (each payment is unique by its channel's transaction reference); a bad line is rejected
 * with its number, reason and text, and the good lines are posted. Lines are posted in chunks of about {@value #CHUNK},
 * each its own transaction, side by side on as many threads as there are cores; a file whose import stopped part-way
 * (a crash, a failed chunk) is carried on by uploading it again: what was committed is recognised and not posted twice.
 */
@Service
public class PaymentFiles {

    private static final Logger log = LoggerFactory.getLogger(PaymentFiles.class);
    static final int CHUNK = 5_000;

    public enum Status { RUNNING, COMPLETED, FAILED, INTERRUPTED, REPEAT }

    public record RejectedLine(int line, String reason) {
    }

    public record SuspenseLine(int line, long paymentId, String reason) {
    }

    /**
     * What became of a file's lines. {@code alreadyReceived} counts lines whose money had come before, in another file;
     * {@code skipped} bank statement lines that are money paid out.
     */
    public record FileOutcome(long fileId, String authority, PaymentFileFormat format, Status status, int lines, int posted, int suspense,
                              int alreadyReceived, int skipped, List<RejectedLine> rejected, List<SuspenseLine> suspenseLines,
                              @Nullable Long repeatOfFileId) {
    }

    private record Earlier(long id, Status status) {
    }

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final PaymentFileChunk chunks;
    private final Clock clock;
    private final int threads;

    PaymentFiles(JdbcClient jdbc, Authorities authorities, PaymentFileChunk chunks, Clock clock,
                 @Value("${reclaim.payment-files.threads:0}") int threads) {
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.chunks = chunks;
        this.clock = clock;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Imports the file for the authority, or recognises it as one imported before. A malformed file writes nothing. */
    public FileOutcome importFile(int authorityId, PaymentFileFormat format, byte[] content, @Nullable String fileName) {
        authorities.byId(authorityId);
        PaymentFileLines.Parsed parsed = PaymentFileLines.parse(format, content, LocalDate.now(clock));
        String sha256 = PaymentFileLines.sha256(content);
        Optional<Earlier> earlier = earlier(authorityId, format, sha256);
        long fileId;
        if (earlier.isPresent() && earlier.get().status() == Status.COMPLETED) {
            return repeat(authorityId, format, sha256, content.length, fileName, parsed, earlier.get().id());
        } else if (earlier.isPresent()) {
            fileId = earlier.get().id();
            int resumed = jdbc.sql("""
                    update payment_file set status = 'RUNNING', failure = null, finished_at = null
                    where authority_id = ? and id = ? and status in ('FAILED', 'INTERRUPTED')""")
                    .params(authorityId, fileId).update();
            if (resumed == 0) {
                throw Conflict.because("payment file " + fileId + " with the same content is being imported now; follow it with "
                        + "GET /api/v1/payment-files/" + fileId);
            }
            log.info("payment file {} carried on after it stopped part-way", fileId);
        } else {
            try {
                fileId = jdbc.sql("""
                        insert into payment_file (authority_id, format, content_sha256, file_name, size_bytes, status, lines, received_at, received_by)
                        values (?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?) returning id""")
                        .params(authorityId, format.name(), sha256, fileName, content.length, parsed.lines(), OffsetDateTime.now(clock),
                                AccessAudit.currentUser())
                        .query(Long.class).single();
            } catch (DuplicateKeyException sameFileJustNow) {
                throw Conflict.because("the same payment file is being imported now; try again when it has finished");
            }
        }
        try {
            chunks.reject(authorityId, fileId, parsed.rejections());
            post(authorityId, fileId, format, parsed);
            return finish(authorityId, fileId, parsed);
        } catch (RuntimeException e) {
            // never left RUNNING: that would refuse every upload of the file until a restart
            jdbc.sql("update payment_file set status = 'FAILED', failure = ?, finished_at = ? where authority_id = ? and id = ? and status = 'RUNNING'")
                    .params(org.reclaim.shared.Failures.describe(e), OffsetDateTime.now(clock), authorityId, fileId).update();
            throw e;
        }
    }

    /**
     * Posts the lines in chunks, side by side. Every line naming the same account goes in the same chunk, in file order,
     * so that the chunks lock different accounts and each account's payments are allocated as they would be one by one.
     */
    private void post(int authorityId, long fileId, PaymentFileFormat format, PaymentFileLines.Parsed parsed) {
        Map<String, List<PaymentFileChunk.Line>> byAccount = new LinkedHashMap<>();
        for (PaymentFileLines.Payment p : parsed.payments()) {
            PaymentReceipt receipt = new PaymentReceipt(authorityId, p.reference(), p.amount(), format.method(), p.paidOn(), null,
                    format.source(), p.transactionReference(), p.payerName());
            String key = PayingAccounts.reference(p.reference()).map(r -> r.value()).orElse("line " + p.line());
            byAccount.computeIfAbsent(key, k -> new ArrayList<>()).add(new PaymentFileChunk.Line(p.line(), receipt));
        }
        List<List<PaymentFileChunk.Line>> work = new ArrayList<>();
        List<PaymentFileChunk.Line> chunk = new ArrayList<>();
        for (List<PaymentFileChunk.Line> account : byAccount.values()) {
            if (chunk.size() + account.size() > CHUNK && !chunk.isEmpty()) {
                work.add(chunk);
                chunk = new ArrayList<>();
            }
            chunk.addAll(account);
        }
        if (!chunk.isEmpty()) {
            work.add(chunk);
        }
        ExecutorService pool = new DelegatingSecurityContextExecutorService(
                Executors.newFixedThreadPool(Math.max(1, Math.min(threads, work.size())), r -> new Thread(r, "payment-file-chunk")),
                SecurityContextHolder.getContext());
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (List<PaymentFileChunk.Line> lines : work) {
                posted.add(pool.submit(() -> postChunk(authorityId, fileId, format, lines)));
            }
            for (Future<?> f : posted) {
                f.get();
            }
        } catch (ExecutionException | RuntimeException e) {
            Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
            String cause = org.reclaim.shared.Failures.describe(failure);
            log.error("payment file {} failed part-way, upload it again to carry on: {}", fileId, cause);
            stop(authorityId, fileId, Status.FAILED, cause);
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(authorityId, fileId, Status.INTERRUPTED, "the process was stopping");
            throw new IllegalStateException("interrupted importing payment file " + fileId, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A chunk that meets a line another import has just posted rolls back and is tried once more, seeing it then. */
    private void postChunk(int authorityId, long fileId, PaymentFileFormat format, List<PaymentFileChunk.Line> lines) {
        try {
            chunks.post(authorityId, fileId, format.source(), lines);
        } catch (RuntimeException raced) {
            log.warn("a chunk of payment file {} failed ({}); trying it once more", fileId, raced.getMessage());
            chunks.post(authorityId, fileId, format.source(), lines);
        }
    }

    private FileOutcome finish(int authorityId, long fileId, PaymentFileLines.Parsed parsed) {
        record Counts(int posted, int suspense, int rejected) {
        }
        Counts counts = jdbc.sql("""
                select (select count(*) from payment p where p.authority_id = :a and p.file_id = :f and p.suspense_reason is null),
                       (select count(*) from payment p where p.authority_id = :a and p.file_id = :f and p.suspense_reason is not null),
                       (select count(*) from payment_file_rejection r where r.authority_id = :a and r.file_id = :f)""")
                .param("a", authorityId).param("f", fileId)
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
        int already = parsed.lines() - parsed.skipped() - counts.posted() - counts.suspense() - counts.rejected();
        jdbc.sql("""
                update payment_file set status = 'COMPLETED', lines = ?, posted = ?, suspense = ?, already_received = ?, rejected = ?,
                                        skipped = ?, finished_at = ?
                where authority_id = ? and id = ?""")
                .params(parsed.lines(), counts.posted(), counts.suspense(), already, counts.rejected(), parsed.skipped(), OffsetDateTime.now(clock),
                        authorityId, fileId)
                .update();
        log.info("payment file {}: {} lines, {} posted, {} to suspense, {} received before, {} rejected", fileId, parsed.lines(),
                counts.posted(), counts.suspense(), already, counts.rejected());
        return get(fileId);
    }

    private FileOutcome repeat(int authorityId, PaymentFileFormat format, String sha256, long size, @Nullable String fileName,
                               PaymentFileLines.Parsed parsed, long firstId) {
        long id = jdbc.sql("""
                insert into payment_file (authority_id, format, content_sha256, file_name, size_bytes, status, repeat_of_file_id, lines,
                                          already_received, skipped, received_at, received_by, finished_at)
                values (?, ?, ?, ?, ?, 'REPEAT', ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorityId, format.name(), sha256, fileName, size, firstId, parsed.lines(), parsed.lines() - parsed.skipped(),
                        parsed.skipped(), OffsetDateTime.now(clock), AccessAudit.currentUser(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        log.info("payment file {} repeats file {}: nothing posted", id, firstId);
        return get(id);
    }

    private Optional<Earlier> earlier(int authorityId, PaymentFileFormat format, String sha256) {
        return jdbc.sql("""
                select id, status from payment_file
                where authority_id = ? and format = ? and content_sha256 = ? and repeat_of_file_id is null""")
                .params(authorityId, format.name(), sha256)
                .query((rs, n) -> new Earlier(rs.getLong(1), Status.valueOf(rs.getString(2)))).optional();
    }

    private void stop(int authorityId, long fileId, Status status, @Nullable String failure) {
        jdbc.sql("update payment_file set status = ?, failure = ?, finished_at = ? where authority_id = ? and id = ?")
                .params(status.name(), failure, OffsetDateTime.now(clock), authorityId, fileId).update();
    }

    /** An import that was going when this process stopped will not finish: say so, so that uploading it again carries it on. */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedImports() {
        int interrupted = jdbc.sql("update payment_file set status = 'INTERRUPTED', finished_at = ? where status = 'RUNNING'")
                .param(OffsetDateTime.now(clock)).update();
        if (interrupted > 0) {
            log.warn("{} payment file import(s) were interrupted by a restart; upload the same file again to carry on", interrupted);
        }
    }

    /** A file by its id (ids are unique across authorities), with its rejected lines and its lines held in suspense. */
    public FileOutcome get(long fileId) {
        record Row(int authorityId, PaymentFileFormat format, Status status, int lines, int posted, int suspense, int already, int skipped,
                   @Nullable Long repeatOf) {
        }
        Row row = jdbc.sql("""
                select authority_id, format, status, lines, posted, suspense, already_received, skipped, repeat_of_file_id
                from payment_file where id = ?""")
                .param(fileId)
                .query((rs, n) -> new Row(rs.getInt(1), PaymentFileFormat.valueOf(rs.getString(2)), Status.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), (Long) rs.getObject(9)))
                .optional().orElseThrow(() -> NotFound.of("payment file", fileId));
        List<RejectedLine> rejected = jdbc.sql("select line, reason from payment_file_rejection where authority_id = ? and file_id = ? order by line")
                .params(row.authorityId(), fileId).query((rs, n) -> new RejectedLine(rs.getInt(1), rs.getString(2))).list();
        List<SuspenseLine> suspense = jdbc.sql("""
                select file_line, id, suspense_reason from payment
                where authority_id = ? and file_id = ? and suspense_reason is not null order by file_line""")
                .params(row.authorityId(), fileId).query((rs, n) -> new SuspenseLine(rs.getInt(1), rs.getLong(2), rs.getString(3))).list();
        return new FileOutcome(fileId, authorities.byId(row.authorityId()).gssCode(), row.format(), row.status(), row.lines(), row.posted(),
                row.suspense(), row.already(), row.skipped(), rejected, suspense, row.repeatOf());
    }

    /** The latest files of every authority, newest first, with what became of their lines. */
    public List<FileOutcome> recent(int limit) {
        return jdbc.sql("select id from payment_file order by id desc limit ?").param(limit).query(Long.class).list().stream()
                .map(this::get).toList();
    }

    /** The id of this file (these bytes, in this format) if it is being imported now. */
    public Optional<Long> running(int authorityId, PaymentFileFormat format, byte[] content) {
        return jdbc.sql("""
                select id from payment_file where authority_id = ? and format = ? and content_sha256 = ? and status = 'RUNNING'
                  and repeat_of_file_id is null""")
                .params(authorityId, format.name(), PaymentFileLines.sha256(content)).query(Long.class).optional();
    }
}
