package io.signaldesk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The contract check fails on every kind of drift, on either side, and only there. */
class ContractsTest {

    private static final String REQUEST = Contracts.fixture(Contracts.ANALYZER_ENTRY_REQUEST);

    @Test
    void acceptsTheFixtureItselfWithNumbersWrittenAnotherWay() {
        Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST, REQUEST);
        // 100.55 and 100.550 are the same number on the wire
        Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST, REQUEST.replace("\"price\":100.55", "\"price\":100.550"));
    }

    @Test
    void failsOnARenamedMissingOrAddedField() {
        AssertionFailedError renamed = assertThrows(AssertionFailedError.class, () -> Contracts.assertProduces(
                Contracts.ANALYZER_ENTRY_REQUEST, REQUEST.replace("\"trades60s\"", "\"tradeFlow\"")));
        assertTrue(renamed.getMessage().contains("market.coins[0].trades60s: missing"), renamed.getMessage());
        assertTrue(renamed.getMessage().contains("market.coins[0].tradeFlow: not in the contract"), renamed.getMessage());
    }

    @Test
    void failsOnAChangedValueOrTypeButNotOnAVolatileOne() {
        assertThrows(AssertionFailedError.class, () -> Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST,
                REQUEST.replace("\"side\":\"LONG\"", "\"side\":\"SHORT\"")));
        assertThrows(AssertionFailedError.class, () -> Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST,
                REQUEST.replace("\"price\":100.55", "\"price\":\"100.55\"")));
        String later = REQUEST.replaceFirst("\"asOf\":\"[^\"]+\"", "\"asOf\":\"2030-01-01T00:00:00Z\"");
        assertThrows(AssertionFailedError.class, () -> Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST, later));
        Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST, later, "market.asOf");
    }

    @Test
    void readsServerSentEventsInOrder() {
        var events = Contracts.events(Contracts.fixture(Contracts.ANALYZER_ENTRY_EVENTS));
        assertEquals(java.util.List.of("signal", "reason", "done"), events.stream().map(Contracts.Event::name).toList());
        assertEquals(9, events.get(0).data().path("decision").path("confidence").asInt());
    }
}
