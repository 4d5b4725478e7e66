package io.signaldesk.decision.adapter;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.common.config.Transport;
import io.signaldesk.common.config.TransportConfig;
import io.signaldesk.decision.adapter.analyzer.AnalysisResultConsumer;
import io.signaldesk.decision.adapter.analyzer.AnalysisStreamClient;
import io.signaldesk.decision.adapter.analyzer.AnalysisTopics;
import io.signaldesk.decision.adapter.analyzer.AnalyzerClient;
import io.signaldesk.decision.adapter.analyzer.AnswersAssignment;
import io.signaldesk.decision.adapter.analyzer.KafkaAnalysisClient;
import io.signaldesk.decision.adapter.analyzer.ShadowQuestions;
import io.signaldesk.decision.adapter.analyzer.ShadowedAnalyzer;
import io.signaldesk.decision.adapter.events.LedgerEventRelay;
import io.signaldesk.decision.adapter.feed.FeedClient;
import io.signaldesk.decision.adapter.feed.FeedKafkaConsumer;
import io.signaldesk.decision.adapter.feed.FeedLink;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.ledger.Db;
import io.signaldesk.decision.ledger.EventOutbox;
import io.smallrye.common.annotation.Identifier;

/**
 * The one place that reads {@code signal.transport} (env SIGNAL_TRANSPORT; the Kafka channels follow it through
 * service-common's TransportChannels): it hands the engine its {@link AnalyzerPort}, the dashboard its
 * {@link FeedLink} and the ledger its {@link EventOutbox} for that transport, and starts that transport's adapters.
 * websocket: the feed's /ws/market, the analyzer over HTTP/SSE, its /ws/analysis relayed to the dashboard. kafka: the
 * feed's latest-state topic, analyses asked and answered on topics, decisions and fills published from the outbox.
 * Nothing else asks which transport is on.
 */
@Singleton
public class Transports {

    private final Transport transport;

    Transports(TransportConfig config) {
        this.transport = config.transport();
    }

    private boolean kafka() {
        return transport == Transport.KAFKA;
    }

    /** The model in use over the chosen transport, its shadow over HTTP in either (ShadowedAnalyzer says why). */
    @Produces
    @Singleton
    AnalyzerPort analyzer(Instance<AnalyzerClient> http, Instance<KafkaAnalysisClient> kafka, ShadowQuestions shadow) {
        return new ShadowedAnalyzer(kafka() ? kafka.get() : http.get(), shadow);
    }

    @Produces
    @Singleton
    FeedLink feed(Instance<FeedClient> webSocket, Instance<FeedKafkaConsumer> kafka) {
        return kafka() ? kafka.get() : webSocket.get();
    }

    /** Events are kept for Kafka in the kafka transport only; in the websocket one nothing is written. */
    @Produces
    @Singleton
    EventOutbox outbox(ObjectMapper mapper, Db db) {
        return new EventOutbox(kafka(), mapper, db);
    }

    /** Kafka: the analysis topics first of all, before a channel uses them. */
    void makeTopics(@Observes @Priority(1) StartupEvent event, Instance<AnalysisTopics> topics) {
        if (kafka()) {
            topics.get().ensure();
        }
    }

    void start(@Observes StartupEvent event, FeedLink feed, MeterRegistry registry, Instance<FeedClient> feedClient,
            Instance<AnalysisStreamClient> analysisStream, @Identifier(AnswersAssignment.NAME) Instance<AnswersAssignment> answers,
            Instance<AnalysisResultConsumer> results, Instance<LedgerEventRelay> relay) {
        registry.gauge("decision.feed.connected", feed, link -> link.connected() ? 1 : 0);
        if (kafka()) {
            answers.get().expectKafka();
            results.get().registerMeters();
            relay.get().start();
        } else {
            feedClient.get().startIfConfigured();
            analysisStream.get().startIfConfigured();
        }
    }
}
