package io.signaldesk.analyzer.kafka;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.analyzer.config.AnalyzerConfig;
import io.signaldesk.common.config.TransportConfig;
import io.signaldesk.common.kafka.KafkaTopics;

/**
 * In kafka mode, creates the analysis topics when they are missing, before the consumer subscribes: the requests
 * topic with enough partitions for a group of analyzers (each takes whole partitions, so partitions bound how many
 * analyzers and in-flight slots can share the work), the results topic and both dead-letter topics. A broker that
 * already has them (or creates topics itself) is left as it is.
 */
@ApplicationScoped
public class AnalysisTopics {

    private static final Logger LOG = Logger.getLogger(AnalysisTopics.class);

    private final boolean kafka;
    private final String bootstrap;
    private final int partitions;
    private final List<String> topics;

    AnalysisTopics(TransportConfig signal, AnalyzerConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-requests.topic") String requests,
            @ConfigProperty(name = "mp.messaging.incoming.analysis-requests.dead-letter-queue.topic") String requestsDlq) {
        this.kafka = signal.kafka();
        this.bootstrap = bootstrap;
        this.partitions = config.kafka().partitions();
        this.topics = List.of(requests, requestsDlq, config.kafka().replyTopicPrefix());
    }

    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (kafka) {
            create(bootstrap, partitions, topics);
        }
    }

    /** Creates what is missing; never fails the start (the channels' health says whether the broker is there). */
    static void create(String bootstrap, int partitions, List<String> names) {
        try {
            KafkaTopics.ensure(Map.of("bootstrap.servers", bootstrap),
                    names.stream().map(name -> KafkaTopics.topic(name, partitions, Map.of())).toList());
            LOG.infof("analysis topics %s ready (%d partitions when created here)", names, partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not create the analysis topics on %s: %s", bootstrap, e.toString());
        }
    }
}
