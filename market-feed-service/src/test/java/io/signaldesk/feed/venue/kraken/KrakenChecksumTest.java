package io.signaldesk.feed.venue.kraken;

import static io.signaldesk.feed.venue.ws.VenueTestSupport.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.market.domain.PriceLevel;

class KrakenChecksumTest {

    @Test
    void documentedSnapshotExampleHashesToItsPublishedChecksum() {
        KrakenBookMessage message = (KrakenBookMessage) KrakenAdapter.parse(fixture("kraken/book_snapshot.json"));
        KrakenBookData data = message.data().get(0);

        assertEquals(3310070434L, data.checksum());
        assertEquals(3310070434L, KrakenChecksum.of(data.asks(), data.bids()));
    }

    @Test
    void formatsEachLevelAsDigitsWithoutDotOrLeadingZerosAsksFirst() {
        // Kraken's guide: ask 45285.2 / 0.00100000 becomes "452852" + "100000"
        String input = KrakenChecksum.input(List.of(PriceLevel.of("45285.2", "0.00100000")),
                List.of(PriceLevel.of("45283.5", "0.10000000")));

        assertEquals("452852100000" + "45283510000000", input);
    }

    @Test
    void keepsTheTrailingZerosReceivedOnTheWire() {
        KrakenBookMessage message = (KrakenBookMessage) KrakenAdapter.parse(fixture("kraken/book_snapshot.json"));
        PriceLevel firstBid = message.data().get(0).bids().get(0);

        assertEquals("0.10000000", firstBid.size().toPlainString());
        assertEquals("45281.0", message.data().get(0).bids().get(3).price().toPlainString());
    }

    @Test
    void usesOnlyTheTopTenLevelsOfEachSide() {
        List<PriceLevel> asks = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            asks.add(PriceLevel.of("100." + i, "1.0"));
        }
        String input = KrakenChecksum.input(asks, List.of());

        assertTrue(input.endsWith("100910"));
        assertEquals(KrakenChecksum.of(asks.subList(0, 10), List.of()), KrakenChecksum.of(asks, List.of()));
    }
}
