package io.signaldesk.feed.venue.binance;

import io.signaldesk.market.binance.BinanceAdapter;
import io.signaldesk.market.binance.BinanceBookSync;
import io.signaldesk.market.binance.BinanceBookTicker;
import io.signaldesk.market.binance.BinanceDepthSnapshot;
import io.signaldesk.market.binance.BinanceDepthUpdate;
import io.signaldesk.market.binance.BinanceMessage;
import io.signaldesk.market.binance.BinanceStreamHandler;
import io.signaldesk.market.binance.BinanceTrade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.OrderBook;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.feed.venue.ws.VenueTelemetry;
import io.signaldesk.feed.venue.ws.VenueTestSupport;
import io.signaldesk.feed.venue.ws.VenueTestSupport.RecordingSink;

/**
 * The first 3,000 frames of a real Binance capture (see src/test/resources/venue/binance/README.md)
 * through the parser and the book synchroniser.
 */
class BinanceCaptureTest {

    private static final Instrument BTC = BinanceAdapter.instrument("BTC", "USDT");

    @Test
    void realCaptureSyncsOnItsSnapshotWithoutAnyResyncAndMatchesEveryComparableBookTicker() throws IOException {
        RecordingSink sink = new RecordingSink();
        VenueTelemetry telemetry = VenueTestSupport.telemetry(Venue.BINANCE);
        List<Instrument> requested = new ArrayList<>();
        BinanceStreamHandler handler = new BinanceStreamHandler(List.of(BTC), sink, telemetry, requested::add);
        BinanceBookSync sync = handler.sync("BTCUSDT").orElseThrow();
        // A consumer's book, built only from the emitted events, to prove the events are complete.
        OrderBook consumerBook = new OrderBook(BTC);
        Map<Long, PriceLevel[]> bestByUpdateId = new HashMap<>();
        List<BinanceBookTicker> tickers = new ArrayList<>();
        List<Boolean> makerFlags = new ArrayList<>();
        int frames = 0;

        for (String line : lines()) {
            int space = line.indexOf(' ');
            long receiveNs = Long.parseLong(line.substring(0, space));
            Instant receivedAt = Instant.ofEpochSecond(0, receiveNs);
            int eventsBefore = sink.events.size();
            BinanceMessage message = handler.onFrame(line.substring(space + 1), receivedAt).orElseThrow();
            frames++;
            sink.events.subList(eventsBefore, sink.events.size()).stream()
                    .filter(BookEvent.class::isInstance).map(BookEvent.class::cast).forEach(consumerBook::apply);
            if (message instanceof BinanceBookTicker ticker) {
                tickers.add(ticker);
            } else if (message instanceof BinanceTrade trade) {
                makerFlags.add(trade.buyerIsMaker());
            } else if (sync.synced() && (message instanceof BinanceDepthUpdate || message instanceof BinanceDepthSnapshot)) {
                bestByUpdateId.put(sync.lastUpdateId(), new PriceLevel[] {
                        consumerBook.bestBid().orElseThrow(), consumerBook.bestAsk().orElseThrow() });
                assertEquals(sync.book().bestBid(), consumerBook.bestBid());
                assertEquals(sync.book().bestAsk(), consumerBook.bestAsk());
            }
        }

        assertEquals(3000, frames);
        assertEquals(0, telemetry.parseErrors());
        assertEquals(0, telemetry.resyncs(), "the depth chain of the capture is unbroken");
        assertEquals(List.of(BTC), requested, "one snapshot was asked for; the capture carries it inline");
        assertEquals(1, sink.snapshots());
        assertTrue(sync.synced());
        assertEquals(false, consumerBook.isCrossed());

        // bookTicker is real time and names one update id; depth@100ms diffs end on their own u every
        // 100 ms. The book equals the ticker exactly where the ticker's id is a diff's final id.
        int compared = 0;
        for (BinanceBookTicker ticker : tickers) {
            PriceLevel[] best = bestByUpdateId.get(ticker.updateId());
            if (best != null) {
                assertEquals(ticker.bestBid(), best[0], "best bid at update " + ticker.updateId());
                assertEquals(ticker.bestAsk(), best[1], "best ask at update " + ticker.updateId());
                compared++;
            }
        }
        assertTrue(compared >= 40, "only " + compared + " tickers were comparable");

        List<TradeEvent> trades = sink.trades();
        assertEquals(makerFlags.size(), trades.size());
        for (int i = 0; i < trades.size(); i++) {
            assertEquals(makerFlags.get(i) ? Aggressor.SELL : Aggressor.BUY, trades.get(i).aggressor());
        }
        assertTrue(trades.stream().anyMatch(t -> t.aggressor() == Aggressor.BUY));
        assertTrue(trades.stream().anyMatch(t -> t.aggressor() == Aggressor.SELL));
    }

    private static List<String> lines() throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                BinanceCaptureTest.class.getResourceAsStream("/venue/binance/spot-btcusdt_20240808-first3000.gz")),
                StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
