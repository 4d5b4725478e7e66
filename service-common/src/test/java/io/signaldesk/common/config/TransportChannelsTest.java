package io.signaldesk.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** signal.transport alone turns the Kafka channels on or off, as the services' application.properties declare them. */
class TransportChannelsTest {

    private static final Map<String, String> CHANNELS = Map.of(
            "mp.messaging.incoming.market-in.connector", "smallrye-kafka",
            "mp.messaging.outgoing.ledger-events.connector", "smallrye-kafka",
            "mp.messaging.outgoing.in-memory.connector", "smallrye-in-memory");

    private static SmallRyeConfig config(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(CHANNELS);
        properties.putAll(extra);
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new TransportChannels())
                .build();
    }

    private static Boolean enabled(SmallRyeConfig config, String channel) {
        return config.getValue("mp.messaging." + channel + ".enabled", Boolean.class);
    }

    @Test
    void kafkaTurnsOnEveryKafkaChannelInAnyCase() {
        for (String kafka : new String[] { "kafka", "KAFKA", " Kafka " }) {
            SmallRyeConfig config = config(Map.of("signal.transport", kafka));
            assertTrue(enabled(config, "incoming.market-in"), kafka);
            assertTrue(enabled(config, "outgoing.ledger-events"), kafka);
        }
    }

    @Test
    void websocketOrNoTransportLeavesThemOff() {
        for (Map<String, String> transport : new Map[] { Map.of("signal.transport", "websocket"), Map.of() }) {
            SmallRyeConfig config = config(transport);
            assertFalse(enabled(config, "incoming.market-in"), transport.toString());
            assertFalse(enabled(config, "outgoing.ledger-events"), transport.toString());
        }
    }

    @Test
    void aChannelsOwnEnabledLineWinsAndOtherConnectorsAreLeftAlone() {
        SmallRyeConfig config = config(Map.of("signal.transport", "kafka",
                "mp.messaging.outgoing.ledger-events.enabled", "false"));
        assertFalse(enabled(config, "outgoing.ledger-events"), "written in the properties file: kept");
        assertTrue(enabled(config, "incoming.market-in"));
        assertEquals(java.util.Optional.empty(),
                config.getOptionalValue("mp.messaging.outgoing.in-memory.enabled", Boolean.class));
    }
}
