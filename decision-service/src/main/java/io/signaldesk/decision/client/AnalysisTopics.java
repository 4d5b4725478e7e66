package io.signaldesk.decision.client;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.TransportConfig;
import io.signaldesk.common.kafka.KafkaTopics;

/**
 * In kafka mode, creates the analysis topics when missing before the first request is published (the analyzers do
 * the same): requests and results with {@code decision.kafka-analysis.partitions} partitions, and the results'
 * dead-letter topic. Never fails the start: the channels' health says whether the broker is there.
 */
@ApplicationScoped
public class AnalysisTopics {

    private static final Logger LOG = Logger.getLogger(AnalysisTopics.class);

    private final boolean kafka;
    private final String bootstrap;
    private final int partitions;
    private final List<String> topics;

    AnalysisTopics(TransportConfig transport, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "decision.kafka-analysis.partitions") int partitions,
            @ConfigProperty(name = "mp.messaging.outgoing.analysis-requests.topic") String requests,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.topic") String results,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-results.dead-letter-queue.topic") String resultsDlq) {
        this.kafka = transport.kafka();
        this.bootstrap = bootstrap;
        this.partitions = partitions;
        this.topics = List.of(requests, results, resultsDlq);
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        if (!kafka) {
            return;
        }
        try {
            KafkaTopics.ensure(Map.of("bootstrap.servers", bootstrap),
                    topics.stream().map(name -> KafkaTopics.topic(name, partitions, Map.of())).toList());
            LOG.infof("analysis topics %s ready (%d partitions when created here)", topics, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not create the analysis topics on %s: %s", bootstrap, e.toString());
        }
    }
}
