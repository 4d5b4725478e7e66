package io.signaldesk.decision.adapter.feed;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.MarketIntake;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * Where a market tick comes in with SIGNAL_TRANSPORT=kafka: the feed's compacted latest-state topic
 * (signal.market.latest), read from its start by a consumer group of this process alone, so the service starts with
 * every coin's current price and then follows each change. A record is a one-coin /ws/market snapshot frame keyed by
 * its coin; it goes to the engine's one entry point, {@link MarketIntake#accept} (feed identity check, counters), as a
 * WebSocket frame does, and counts in decision.feed.malformed / decision.feed.connected like one ({@link FeedClient});
 * a record older than decision.feed.kafka-max-age is skipped (counted in decision.feed.kafka.old). A
 * record that is not one (not JSON, another shape, too long, a coin other than its key) is counted as malformed and
 * nacked: the channel's failure strategy puts it on the dead-letter topic and the stream goes on.
 */
@ApplicationScoped
@Typed(FeedKafkaConsumer.class)
public class FeedKafkaConsumer implements FeedLink {

    /** The longest record taken, in characters (a one-coin frame is about 1 KiB). */
    static final int MAX_RECORD_CHARS = 64 * 1024;

    private final MarketIntake intake;
    private final ObjectMapper mapper;
    private final DecisionConfig config;
    private final Counter old;
    /** The same counter as the WebSocket's ({@link FeedClient#malformedCount()}). */
    private final Counter malformed;
    private volatile long lastRecordNanos;

    FeedKafkaConsumer(MarketIntake intake, ObjectMapper mapper, DecisionConfig config, MeterRegistry registry) {
        this.intake = intake;
        this.mapper = mapper;
        this.config = config;
        this.old = registry.counter("decision.feed.kafka.old");
        this.malformed = registry.counter("decision.feed.malformed");
    }

    /** A record came within decision.feed.stale-after: the feed is connected while they keep coming. */
    @Override
    public boolean connected() {
        long last = lastRecordNanos;
        return last != 0 && System.nanoTime() - last < config.feed().staleAfter().toNanos();
    }

    @Incoming("market-in")
    public CompletionStage<Void> onSnapshot(Message<String> record) {
        Optional<IncomingKafkaRecordMetadata> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class);
        String key = metadata.map(m -> (Object) m.getKey()).map(String::valueOf).orElse(null);
        Instant sentAt = metadata.map(m -> m.getTimestamp()).orElse(null);
        if (sentAt != null && sentAt.isBefore(Instant.now().minus(config.feed().kafkaMaxAge()))) {
            old.increment(); // the catch-up of the latest-state topic: not a price to trade on now
            return record.ack();
        }
        String value = record.getPayload();
        FeedMessage message = value == null || value.length() > MAX_RECORD_CHARS ? null : parse(value);
        Optional<String> problem = problem(key, value, message);
        lastRecordNanos = System.nanoTime();
        if (problem.isPresent()) {
            malformed.increment();
            return record.nack(new PoisonRecordException(problem.get()));
        }
        intake.accept(message);
        return record.ack();
    }

    private static Optional<String> problem(String key, String value, FeedMessage message) {
        if (value == null || value.isEmpty()) {
            return Optional.of("empty record");
        }
        if (value.length() > MAX_RECORD_CHARS) {
            return Optional.of("record of " + value.length() + " characters, over " + MAX_RECORD_CHARS);
        }
        if (key == null || key.isBlank()) {
            return Optional.of("record without a coin key");
        }
        if (message == null) {
            return Optional.of("not a snapshot frame (JSON)");
        }
        if (!"snapshot".equals(message.type()) || message.coins() == null || message.coins().isEmpty()) {
            return Optional.of("not a snapshot frame with coins");
        }
        List<CoinSnapshot> coins = message.coins();
        if (coins.stream().anyMatch(c -> c == null || !key.equals(c.coin()))) {
            return Optional.of("a coin other than the record's key " + shorten(key));
        }
        return Optional.empty();
    }

    private FeedMessage parse(String value) {
        try {
            return mapper.readValue(value, FeedMessage.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** Why a record went to the dead-letter topic (its message becomes the record's dead-letter-reason header). */
    static final class PoisonRecordException extends RuntimeException {
        PoisonRecordException(String reason) {
            super(reason, null, false, false);
        }
    }
}
