package io.signaldesk.decision.backtest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * 1-minute candles as feed frames: at the close of bar {@code i} (i ≥ 1) one frame with every coin's snapshot, last
 * price = the close, 60 s momentum = the bar's close-to-close change, venue {@link CoinSnapshot#CANDLES_VENUE} (no book,
 * no trade flow: those fields are null, and the rules' book and flow votes abstain).
 */
public final class CandleTape implements MarketTape {

    private final AlignedCandles data;

    public CandleTape(AlignedCandles data) {
        this.data = data;
    }

    @Override
    public String kind() {
        return "candles";
    }

    @Override
    public List<String> coins() {
        return data.coins();
    }

    @Override
    public List<String> notes() {
        return List.of("book imbalance and taker trade flow are not in candles: those two votes of the rules abstain, "
                + "so the rules trade on 1-minute momentum alone (confidence 6-8)",
                "one snapshot per coin at each bar's close: fills, stops and exit checks happen at closes, not inside a bar");
    }

    public AlignedCandles data() {
        return data;
    }

    /** One frame a bar after the first (a bar's momentum is against the one before). */
    @Override
    public long size() {
        return Math.max(0, data.bars() - 1);
    }

    @Override
    public Iterator<FeedMessage> frames() {
        return new Iterator<>() {
            private int bar = 1;

            @Override
            public boolean hasNext() {
                return bar < data.bars();
            }

            @Override
            public FeedMessage next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int i = bar++;
                Instant close = data.time(i + 1);
                List<CoinSnapshot> coins = new ArrayList<>(data.coins().size());
                for (String coin : data.coins()) {
                    BigDecimal last = data.close(coin, i);
                    BigDecimal momentum = SignalScorer.movePct(data.close(coin, i - 1), last);
                    coins.add(new CoinSnapshot(coin, coin + "USDT", CoinSnapshot.CANDLES_VENUE, last, null, null, null,
                            null, momentum, null, null, null, null, 0L, close));
                }
                return new FeedMessage("snapshot", close, coins, null, IDENTITY);
            }
        };
    }
}
