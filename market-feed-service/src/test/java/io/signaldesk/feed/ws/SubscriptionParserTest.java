package io.signaldesk.feed.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SubscriptionParserTest {

    private final SubscriptionParser parser = new SubscriptionParser(new ObjectMapper(), List.of("BTC", "ETH", "SOL"),
            new PublishIntervalParser(Duration.ofMillis(10)));

    @Test
    void acceptsFollowedCoinsInAnyCaseWithoutDuplicates() {
        SubscriptionParser.Result result = parser.parse("{\"subscribe\":[\"eth\",\"BTC\",\"Eth\"]}");
        assertNull(result.error());
        assertEquals(List.of("ETH", "BTC"), result.coins());
    }

    @Test
    void emptyListMeansEveryCoin() {
        assertEquals(List.of("BTC", "ETH", "SOL"), parser.parse("{\"subscribe\":[]}").coins());
    }

    @Test
    void refusesEverythingElseWithAReason() {
        assertTrue(parser.parse("").error().contains("empty"));
        assertTrue(parser.parse("{").error().contains("not valid JSON"));
        assertTrue(parser.parse("{\"subscribe\":[1]}").error().contains("strings"));
        assertTrue(parser.parse("{\"subscribe\":[\"XRP\"]}").error().contains("unknown coin: XRP"));
        assertTrue(parser.parse("{\"unsubscribe\":[\"BTC\"]}").error().contains("expected"));
        assertTrue(parser.parse("null").error().contains("expected"));
        assertTrue(parser.parse(" ".repeat(10) + "x".repeat(SubscriptionParser.MAX_FRAME_CHARS)).error()
                .contains("too large"));
    }

    @Test
    void readsAnIntervalAloneOrBesideTheCoinsAndLeavesWhatAFrameOmitsUnchanged() {
        SubscriptionParser.Result interval = parser.parse("{\"interval\":\"10ms\"}");
        assertNull(interval.error());
        assertEquals(Duration.ofMillis(10), interval.interval());
        assertNull(interval.coins(), "coins unchanged");

        SubscriptionParser.Result both = parser.parse("{\"subscribe\":[\"sol\"],\"interval\":\"2s\"}");
        assertEquals(List.of("SOL"), both.coins());
        assertEquals(Duration.ofSeconds(2), both.interval());

        assertNull(parser.parse("{\"subscribe\":[\"BTC\"]}").interval(), "interval unchanged");
    }

    @Test
    void refusesAnIntervalThatIsNotAWholeMsOrSDurationInRangeNamingTheField() {
        for (String bad : List.of("\"5ms\"", "\"61s\"", "10", "\"10\"", "\"PT0.01S\"", "\" 10ms\"", "\"-10ms\"",
                "\"1.5s\"", "\"10MS\"", "null", "[\"10ms\"]", "\"9999999ms\"")) {
            SubscriptionParser.Result result = parser.parse("{\"interval\":" + bad + "}");
            assertEquals("interval", result.field(), bad);
            assertTrue(result.error().contains("between 10ms and 60s"), bad + ": " + result.error());
            assertNull(result.interval());
        }
    }

    @Test
    void namesTheFieldAtFaultAndRefusesUnknownFields() {
        assertEquals("subscribe", parser.parse("{\"subscribe\":[\"XRP\"]}").field());
        assertEquals("subscribe", parser.parse("{\"subscribe\":\"BTC\"}").field());
        SubscriptionParser.Result unknown = parser.parse("{\"subscribe\":[],\"speed\":1}");
        assertEquals("speed", unknown.field());
        assertTrue(unknown.error().contains("unknown field: speed"));
        assertNull(parser.parse("not json").field(), "the frame, not a field");
    }
}
