package io.signaldesk.decision.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.TransportConfig;

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
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            var created = admin.createTopics(topics.stream().map(name -> new NewTopic(name, partitions, (short) -1)).toList())
                    .values();
            for (var entry : created.entrySet()) {
                try {
                    entry.getValue().get(10, TimeUnit.SECONDS);
                    LOG.infof("created topic %s with %d partitions", entry.getKey(), partitions);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("could not create topic %s: %s", entry.getKey(), e.getCause().toString());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("could not create the analysis topics on %s: %s", bootstrap, e.toString());
        }
    }
}
