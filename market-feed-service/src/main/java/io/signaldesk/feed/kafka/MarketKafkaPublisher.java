package io.signaldesk.feed.kafka;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.common.kafka.KafkaTopics;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.feed.config.FeedConfig;
import io.signaldesk.feed.service.MarketStateService;
import io.signaldesk.feed.service.SourceManager;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;

/**
 * SIGNAL_TRANSPORT=kafka: every coin's snapshot, keyed by coin, to the stream topic (signal.market.snapshots) and
 * the compacted latest-state topic (signal.market.latest), each record the same JSON as a /ws/market snapshot frame
 * with that one coin. A coin goes out when it changed (checked every feed.publish-interval) and at least every
 * feed.full-snapshot-every (the heartbeat that keeps a consumer from calling the feed stale). Nothing runs in the
 * websocket transport (where this bean is never created: its channels are disabled there). Counted as feed.kafka.records{topic} and feed.kafka.failures{topic}.
 */
@Singleton
public class MarketKafkaPublisher {

    private static final Logger LOG = Logger.getLogger(MarketKafkaPublisher.class);

    private final MarketStateService state;
    private final SourceManager sources;
    private final FeedConfig config;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final MutinyEmitter<String> stream;
    private final MutinyEmitter<String> latest;
    private final Map<String, Object> kafkaConfig;
    private final String streamTopic;
    private final String latestTopic;
    private final MeterRegistry registry;
    private final Map<String, Instant> sentUpdatedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> sentAtNanos = new ConcurrentHashMap<>();
    private final AtomicBoolean topicsReady = new AtomicBoolean();
    private volatile boolean stopped;
    private long timerId = -1;

    MarketKafkaPublisher(MarketStateService state,
            SourceManager sources, FeedConfig config, ObjectMapper mapper, Vertx vertx,
            @Channel("market-snapshots") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> stream,
            @Channel("market-latest") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096) MutinyEmitter<String> latest,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.outgoing.market-snapshots.topic") String streamTopic,
            @ConfigProperty(name = "mp.messaging.outgoing.market-latest.topic") String latestTopic,
            MeterRegistry registry) {
        this.state = state;
        this.sources = sources;
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        this.stream = stream;
        this.latest = latest;
        this.kafkaConfig = kafkaConfig;
        this.streamTopic = streamTopic;
        this.latestTopic = latestTopic;
        this.registry = registry;
    }

    /** Called once by {@link KafkaTransport} in the kafka transport (creating this bean resolves its emitters). */
    void start() {
        for (String topic : List.of(streamTopic, latestTopic)) {
            registry.counter("feed.kafka.records", "topic", topic);
            registry.counter("feed.kafka.failures", "topic", topic);
        }
        makeTopics();
        timerId = vertx.setPeriodic(Math.max(20, config.publishInterval().toMillis()), id -> publishDue());
    }

    void stop() {
        stopped = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Whether the topics exist (made at start, retried every 5 s while the broker is away); nothing is sent before. */
    public boolean topicsReady() {
        return topicsReady.get();
    }

    private void makeTopics() {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                KafkaTopics.ensure(kafkaConfig, MarketTopics.of(streamTopic, latestTopic, config.kafka().partitions()));
                topicsReady.set(true);
                LOG.infof("publishing snapshots to Kafka topics %s and %s (compacted)", streamTopic, latestTopic);
            } catch (Exception e) {
                if (stopped) {
                    return;
                }
                LOG.warnf("Kafka topics %s/%s not made yet (%s); retrying in 5 s", streamTopic, latestTopic,
                        e.getCause() != null ? e.getCause().toString() : e.toString());
                vertx.setTimer(5000, id -> makeTopics());
            }
        });
    }

    /** The coins that changed since they were last sent, or were last sent a full-snapshot period ago. */
    void publishDue() {
        if (!topicsReady.get() || stopped) {
            return;
        }
        long now = System.nanoTime();
        long heartbeat = config.fullSnapshotEvery().toNanos();
        for (CoinSnapshot coin : state.snapshot()) {
            if (coin.updatedAt() == null || coin.lastPrice() == null && coin.midPrice() == null) {
                continue; // nothing known yet: a consumer has no use for a coin without a price
            }
            Long lastSent = sentAtNanos.get(coin.coin());
            boolean changed = !coin.updatedAt().equals(sentUpdatedAt.get(coin.coin()));
            if (changed || lastSent == null || now - lastSent >= heartbeat) {
                sentUpdatedAt.put(coin.coin(), coin.updatedAt());
                sentAtNanos.put(coin.coin(), now);
                String json = frame(coin);
                send(stream, streamTopic, coin.coin(), json);
                send(latest, latestTopic, coin.coin(), json);
            }
        }
    }

    private void send(MutinyEmitter<String> emitter, String topic, String key, String json) {
        Message<String> message = Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
        try {
            emitter.sendMessageAndForget(message.withAck(() -> {
                registry.counter("feed.kafka.records", "topic", topic).increment();
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }).withNack(failure -> {
                registry.counter("feed.kafka.failures", "topic", topic).increment();
                LOG.debugf("snapshot of %s to %s failed: %s", key, topic, failure.toString());
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }));
        } catch (RuntimeException e) { // buffer full while the broker is away: the next change or heartbeat resends
            registry.counter("feed.kafka.failures", "topic", topic).increment();
        }
    }

    private String frame(CoinSnapshot coin) {
        try {
            return mapper.writeValueAsString(new KafkaSnapshot("snapshot", Instant.now(), sources.identity(), List.of(coin)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the snapshot of " + coin.coin(), e);
        }
    }

    /** The record value: a /ws/market snapshot frame with one coin, so both transports carry one contract. */
    @io.quarkus.runtime.annotations.RegisterForReflection
    record KafkaSnapshot(String type, Instant asOf, io.signaldesk.feed.domain.FeedIdentity feed, List<CoinSnapshot> coins) {
    }

}
