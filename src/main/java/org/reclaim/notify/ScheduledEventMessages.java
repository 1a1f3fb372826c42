package org.reclaim.notify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Looks each minute whether the day's event messages are due ({@link EventMessageRuns}); off with {@code event-messages-at=off}. */
@Component
class ScheduledEventMessages {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledEventMessages.class);

    private final EventMessageRuns runs;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notify-event-messages");
        t.setDaemon(true);
        return t;
    });

    ScheduledEventMessages(EventMessageRuns runs) {
        this.runs = runs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (runs.enabled()) {
            executor.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.MINUTES);
        }
    }

    private void tick() {
        try {
            // counts only: no personal data
            runs.runDue().forEach(r -> LOG.info("Event messages for {} on {}: {} queued, {} repeated, {} suppressed, {} not sent",
                    r.authority(), r.date(), r.queued(), r.repeated(), r.suppressed(), r.notSent().size()));
        } catch (RuntimeException e) {
            LOG.warn("Event messages run failed; the next minute's look takes the day again once its claim is stale: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
