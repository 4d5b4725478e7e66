package io.signaldesk.decision.adapter.analyzer;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Whether the answers consumer (channel analysis-results) has its partitions. It reads from the newest record, so an
 * answer published before it has them is never seen and its question falls back at the deadline: in kafka mode a
 * question waits for them (within its deadline) before it is published, and readiness is DOWN until then.
 */
@ApplicationScoped
@Identifier(AnswersAssignment.NAME)
@Readiness
public class AnswersAssignment implements KafkaConsumerRebalanceListener, HealthCheck {

    /** The listener's name in mp.messaging.incoming.analysis-results.consumer-rebalance-listener.name. */
    public static final String NAME = "analysis-results-assignment";

    private final CompletableFuture<Void> assigned = new CompletableFuture<>();
    /** Set at start in the kafka transport ({@code adapter/Transports}); otherwise answers never wait for Kafka. */
    private volatile boolean kafka;

    /** Answers come over Kafka: readiness waits for the partitions. */
    public void expectKafka() {
        kafka = true;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        // the newest offset is looked up now, so that every answer published from here on is read
        partitions.forEach(consumer::position);
        assigned.complete(null);
    }

    /** Whether answers can be read now (always, without Kafka). */
    public boolean ready() {
        return !kafka || assigned.isDone();
    }

    /** Waits until answers can be read or {@code until}; whether they can. */
    public boolean awaitReady(Instant until) throws InterruptedException {
        if (ready()) {
            return true;
        }
        try {
            assigned.get(Math.max(0, Duration.between(Instant.now(), until).toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("analysis answers").status(ready())
                .withData("partitions", kafka ? (assigned.isDone() ? "assigned" : "waiting") : "not used (websocket)")
                .build();
    }
}
