package io.signaldesk.decision.adapter;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.decision.adapter.analyzer.AnalyzerClient;
import io.signaldesk.decision.adapter.analyzer.ShadowedAnalyzer;
import io.signaldesk.decision.adapter.feed.FeedClient;
import io.signaldesk.decision.adapter.feed.FeedLink;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.ledger.EventOutbox;

/**
 * The default transport (websocket) as the service sees it: the engine's analyzer is the HTTP/SSE client, the market
 * comes from the feed's WebSocket, the outbox keeps nothing, and no Kafka channel is enabled (signal.transport alone
 * decides, no table in application.properties). The kafka side: FeedKafkaConsumerTest.kafkaAdaptersAreTheOnesInUse.
 */
@QuarkusTest
public class TransportChoiceTest {

    /** Every Kafka channel of the service (application.properties). */
    public static final List<String> CHANNELS = List.of("incoming.market-in", "outgoing.ledger-events",
            "outgoing.analysis-requests", "incoming.analysis-results");

    @Inject
    AnalyzerPort analyzer;

    @Inject
    FeedLink feed;

    @Inject
    EventOutbox outbox;

    @Test
    void websocketByDefaultAndNoKafkaChannelEnabled() {
        assertInstanceOf(AnalyzerClient.class, assertInstanceOf(ShadowedAnalyzer.class, analyzer).model());
        assertInstanceOf(FeedClient.class, feed);
        assertFalse(outbox.enabled());
        for (String channel : CHANNELS) {
            assertFalse(ConfigProvider.getConfig().getValue("mp.messaging." + channel + ".enabled", Boolean.class), channel);
        }
    }
}
