package io.signaldesk.decision.adapter.events;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.signaldesk.decision.ledger.EventOutbox;

/**
 * Runs the ledger-event publisher in the kafka transport only (its channel is disabled in the websocket transport,
 * where no bean holding its emitter may be created): wakes it when the outbox gets an event and every second (a
 * retry after a broker outage, events of a previous run), and forgets events sent more than a day ago once an hour.
 */
@ApplicationScoped
public class LedgerEventRelay {

    private static final Duration KEEP_SENT = Duration.ofDays(1);

    private final Instance<LedgerEventPublisher> publisher;
    private final EventOutbox outbox;
    private volatile Instant lastPurge = Instant.EPOCH;
    private volatile boolean running;
    private volatile boolean enabled;

    LedgerEventRelay(Instance<LedgerEventPublisher> publisher, EventOutbox outbox) {
        this.publisher = publisher;
        this.outbox = outbox;
    }

    public boolean enabled() {
        return enabled;
    }

    /** At start in the kafka transport ({@code adapter/Transports}): the outbox is published from now on. */
    public void start() {
        enabled = true;
        outbox.onAdded(() -> {
            if (running) {
                publisher.get().wake();
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (running) {
            running = false;
            publisher.get().stop();
        }
    }

    /** Not before the application runs: until then SmallRye has not connected the channel's emitter (SRMSG00019). */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishPending() {
        if (!enabled()) {
            return;
        }
        publisher.get().wake();
        running = true;
        Instant now = Instant.now();
        if (lastPurge.plus(Duration.ofHours(1)).isBefore(now)) {
            lastPurge = now;
            outbox.purgeSentBefore(now.minus(KEEP_SENT));
        }
    }
}
