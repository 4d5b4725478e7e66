package io.signaldesk.decision.adapter.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.decision.ledger.EventOutbox;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the ledger's outbox (decisions and fills, see {@link EventOutbox}) to Kafka with SIGNAL_TRANSPORT=kafka:
 * the unsent events in the order recorded, a batch at a time on one thread, each with its {@code event-id} header
 * through the idempotent producer; a batch is marked sent once the broker acknowledged all of it. After a start with
 * unsent events it first reads back the end of the event topics and marks those already there, so an event sent
 * just before a kill -9 is not sent twice. Each batch is claimed first (EventOutbox.claim), so of several decision
 * services on one PostgreSQL ledger one sends an event. Counted as decision.events.published / .failures.
 */
@Singleton
public class LedgerEventPublisher {

    private static final Logger LOG = Logger.getLogger(LedgerEventPublisher.class);
    static final String EVENT_ID = "event-id";
    /** Events in flight at most: what a restart reads back per partition to find the ones already published. */
    static final int BATCH = 100;
    /** How long a claim keeps other publishers (decision services on the same ledger) off an event. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);

    private final String instance = java.util.UUID.randomUUID().toString();

    private final EventOutbox outbox;
    private final MutinyEmitter<String> emitter;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failures;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-events");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean recovered;
    private volatile boolean stopped;

    LedgerEventPublisher(EventOutbox outbox,
            @Channel("ledger-events") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024) MutinyEmitter<String> emitter,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.outbox = outbox;
        this.emitter = emitter;
        this.kafkaConfig = kafkaConfig;
        this.published = registry.counter("decision.events.published");
        this.failures = registry.counter("decision.events.failures");
        registry.gauge("decision.events.backlog", this, p -> p.backlogOrNaN());
    }

    /**
     * Asks for a drain in a moment: called while the event's transaction commits (and every second by the
     * scheduler, which also catches an event whose commit took longer).
     */
    public void wake() {
        if (!stopped && queued.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    queued.set(false);
                    drain();
                }, 20, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // stopping
            }
        }
    }

    void stop() {
        stopped = true;
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double backlogOrNaN() {
        try {
            return outbox.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Publishes batches until none is left or one fails (the next wake retries it with the same event ids). */
    void drain() {
        try {
            if (!recovered) {
                recover();
                recovered = true;
            }
            List<EventOutbox.Row> unsent;
            while (!stopped && !(unsent = outbox.unsent(BATCH)).isEmpty()) {
                Set<String> claimed = new HashSet<>(outbox.claim(unsent.stream().map(EventOutbox.Row::eventId).toList(),
                        instance, CLAIM_LEASE));
                List<EventOutbox.Row> batch = unsent.stream().filter(r -> claimed.contains(r.eventId())).toList();
                if (batch.isEmpty()) {
                    return; // another decision service on this ledger is sending them
                }
                List<CompletableFuture<Void>> acks = new ArrayList<>();
                for (EventOutbox.Row row : batch) {
                    acks.add(send(row));
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
                outbox.markSent(batch.stream().map(EventOutbox.Row::eventId).toList());
                published.increment(batch.size());
            }
        } catch (Exception e) {
            failures.increment();
            LOG.warnf("ledger events not published yet (%s); retrying", e.getCause() != null ? e.getCause() : e);
        }
    }

    private CompletableFuture<Void> send(EventOutbox.Row row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add(EVENT_ID, row.eventId().getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(row.topic()).withKey(row.key())
                        .withHeaders(headers).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.sendMessageAndForget(message);
        return acked;
    }

    /**
     * The unsent events that are on their topic already (sent, then the process died before marking them): read
     * back the last {@link #BATCH} records of each partition of the event topics and mark the ids found.
     */
    private void recover() {
        List<EventOutbox.Row> unsent = outbox.unsent(BATCH);
        if (unsent.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (EventOutbox.Row row : unsent) {
            wanted.add(row.eventId());
            topics.add(row.topic());
        }
        Set<String> found = new HashSet<>();
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            for (TopicPartition tp : partitions) {
                consumer.seek(tp, Math.max(begins.get(tp), ends.get(tp) - BATCH));
            }
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header id = record.headers().lastHeader(EVENT_ID);
                    if (id != null) {
                        String eventId = new String(id.value(), StandardCharsets.UTF_8);
                        if (wanted.contains(eventId)) {
                            found.add(eventId);
                        }
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            LOG.infof("%d ledger event(s) were published before the last stop without being marked: not sent again",
                    found.size());
            outbox.markSent(found);
        }
    }
}
