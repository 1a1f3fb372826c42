package org.reclaim.officer.queues;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Starts a run from a page without holding the page until the run ends: the module's own run (synchronous, idempotent,
 * one at a time per authority) goes on a thread of its own as the signed-in user, and the page waits only until the
 * run has an id to follow — it finished, or it is found running — then shows it. A run started twice for the same
 * day is the module's business: it issues nothing twice, and refuses a second run while one is going.
 */
@Component
class RunStarter implements DisposableBean {

    /** What the page learnt: the run's id, and the run itself if it has already finished. */
    record Started<T>(long id, @Nullable T finished) {
    }

    private static final Duration WAIT_FOR_AN_ID = Duration.ofSeconds(15);
    private static final Duration SHORT_RUN = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 100;

    // two: a recovery run and a payment file at once; each run has its own pool of workers for its chunks
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "officer-run");
        t.setDaemon(true);
        return t;
    });

    /**
     * Runs {@code run} in the background and returns once its id is known. {@code idOf} reads the id of a finished
     * run; {@code running} finds the authority's run going now. A refusal (bad input, a run already going) is thrown
     * here, as it would be had the run been called directly.
     */
    <T> Started<T> start(Callable<T> run, java.util.function.ToLongFunction<T> idOf, Supplier<Optional<Long>> running) {
        Future<T> future = pool.submit(DelegatingSecurityContextCallable.create(run, SecurityContextHolder.getContext()));
        long deadline = System.nanoTime() + WAIT_FOR_AN_ID.toNanos();
        try {
            while (true) {
                if (future.isDone()) {
                    T done = future.get();
                    return new Started<>(idOf.applyAsLong(done), done);
                }
                Optional<Long> id = running.get();
                if (id.isPresent()) {
                    // a short run (a small file, a small council) is shown with its results rather than as going
                    try {
                        T done = future.get(SHORT_RUN.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                        return new Started<>(idOf.applyAsLong(done), done);
                    } catch (java.util.concurrent.TimeoutException stillGoing) {
                        return new Started<>(id.get(), null);
                    }
                }
                if (System.nanoTime() > deadline) {
                    // still preparing: the page lists the latest runs, where it appears
                    return new Started<>(-1, null);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the run", e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
