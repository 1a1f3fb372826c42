package org.reclaim.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.reclaim.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters run for a business date: every pending document request rendered and stored, in chunks side by side
 * (one per core by default). Each chunk is stored in one transaction after it is rendered, and the document's unique
 * request key makes a repeat, a resumed run after a crash or two runs at once produce each letter once.
 */
@Component
class DocumentRuns {

    static final int CHUNK = 100;

    /** What a run did: requests found, letters made, summonses waiting for a hearing, and each request it could not render. */
    record Outcome(LocalDate businessDate, int pending, int produced, int waitingForHearing, List<Failure> failed) {
    }

    record Failure(String sourceKey, String documentCode, String reason) {
    }

    private final PendingRequests pending;
    private final Documents documents;
    private final TransactionTemplate transaction;
    private final int threads;

    DocumentRuns(PendingRequests pending, Documents documents, TransactionTemplate transaction,
                 @Value("${reclaim.documents.threads:0}") int threads) {
        this.pending = pending;
        this.documents = documents;
        this.transaction = transaction;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    Outcome run(LocalDate date) {
        PendingRequests.Pending found = pending.on(date);
        List<DocumentRequest> requests = found.requests();
        AtomicInteger produced = new AtomicInteger();
        List<Failure> failed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, (requests.size() + CHUNK - 1) / CHUNK)));
        try {
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < requests.size(); from += CHUNK) {
                List<DocumentRequest> chunk = requests.subList(from, Math.min(requests.size(), from + CHUNK));
                chunks.add(pool.submit(() -> produced.addAndGet(produce(chunk, failed))));
            }
            for (Future<?> f : chunks) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the letters run was interrupted; run it again to finish", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a chunk of the letters run failed; run it again to finish", e.getCause());
        } finally {
            pool.shutdown();
        }
        List<Failure> sorted = new ArrayList<>(failed);
        sorted.sort(java.util.Comparator.comparing(Failure::sourceKey));
        return new Outcome(date, requests.size(), produced.get(), found.waitingForHearing(), sorted);
    }

    private int produce(List<DocumentRequest> chunk, List<Failure> failed) {
        List<Documents.Rendered> rendered = new ArrayList<>(chunk.size());
        java.util.Map<String, DocumentTemplates.Template> templates = new java.util.HashMap<>();
        for (DocumentRequest r : chunk) {
            try {
                DocumentTemplates.Template t = templates.get(r.authorityId() + ":" + r.documentCode());
                if (t == null) {
                    t = documents.template(r);
                    templates.put(r.authorityId() + ":" + r.documentCode(), t);
                }
                rendered.add(documents.render(r, t));
            } catch (InvalidInput e) {
                failed.add(new Failure(r.sourceKey(), r.documentCode(),
                        e.errors().stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b).orElse("invalid")));
            }
        }
        Integer stored = transaction.execute(status -> (int) rendered.stream().filter(documents::store).count());
        return stored == null ? 0 : stored;
    }
}
