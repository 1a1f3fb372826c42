package org.reclaim.notify;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs the outbox sender every {@code reclaim.notify.sender-interval} (0: never; tests call the sender themselves). */
@Component
class ScheduledSending {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSending.class);

    private final OutboxSender sender;
    private final NotifySettings settings;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notify-sender");
        t.setDaemon(true);
        return t;
    });

    ScheduledSending(OutboxSender sender, NotifySettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long millis = settings.senderInterval().toMillis();
        if (millis > 0) {
            executor.scheduleWithFixedDelay(this::pass, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void pass() {
        try {
            OutboxSender.Pass pass = sender.sendDue();
            if (pass.sent() + pass.failed() + pass.retrying() + pass.suppressed() > 0) {
                LOG.info("Notify outbox: {}", pass);   // counts only: no personal data
            }
        } catch (RuntimeException e) {
            LOG.warn("Notify outbox pass failed; the next pass takes the messages again: {}", e.toString());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
