package io.signaldesk.feed.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class SubscriptionParserTest {

    private final SubscriptionParser parser = new SubscriptionParser(new ObjectMapper(), List.of("BTC", "ETH", "SOL"));

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
}
