package io.signaldesk.feed.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;

/**
 * One simulated coin: a log-price random walk whose drift depends on the regime and on a latent
 * order-flow pressure. The pressure shows in the book (bid sizes up, ask sizes down) at once and
 * moves the price over the following seconds, so book imbalance partly leads price.
 */
final class SimulatedCoin {

    static final int LEVELS = 20;
    private static final double SIGMA = 0.00025;
    private static final double TREND_DRIFT = 0.00006;
    private static final double SPIKE_DRIFT = 0.0006;
    private static final double PRESSURE_DRIFT = 0.00015;

    private final CoinProfile profile;
    private final Instrument instrument;
    private final Random random;
    private final BigDecimal spacing;
    private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Collections.reverseOrder());
    private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    private final Map<BigDecimal, Double> baseSizes = new HashMap<>();
    private double logMid;
    private double rangeCentre;
    private double pressure;
    private Regime regime = Regime.RANGE;
    private double regimeLeft;
    private int spikeDirection = 1;
    private double burstLeft;
    private long tradeSeq;
    private boolean published;

    SimulatedCoin(CoinProfile profile, long seed) {
        this.profile = profile;
        this.instrument = Instrument.of(Venue.SIMULATOR, profile.coin() + "USDT", profile.coin());
        this.random = new Random(seed);
        this.spacing = profile.levelSpacing();
        this.logMid = StrictMath.log(profile.startPrice().doubleValue());
        this.rangeCentre = logMid;
        this.regimeLeft = duration(regime);
    }

    CoinProfile profile() {
        return profile;
    }

    Regime regime() {
        return regime;
    }

    double pressure() {
        return pressure;
    }

    void step(Instant now, double dt, List<MarketEvent> out) {
        switchRegime(dt);
        pressure = clamp(pressure - pressure * dt / 8.0 + 0.35 * Math.sqrt(dt) * random.nextGaussian(), -1.0, 1.0);
        if (published) {
            trade(now, dt, out);
        }
        move(dt);
        publishBook(now, out);
    }

    private void switchRegime(double dt) {
        regimeLeft -= dt;
        if (regimeLeft > 0) {
            return;
        }
        double u = random.nextDouble();
        Regime next = switch (regime) {
            case RANGE -> u < 0.4 ? Regime.TREND_UP : u < 0.8 ? Regime.TREND_DOWN : Regime.SPIKE;
            case TREND_UP, TREND_DOWN -> u < 0.6 ? Regime.RANGE : u < 0.8 ? opposite(regime) : Regime.SPIKE;
            case SPIKE -> u < 0.7 ? Regime.RANGE : random.nextBoolean() ? Regime.TREND_UP : Regime.TREND_DOWN;
        };
        regime = next;
        regimeLeft = duration(next);
        rangeCentre = logMid;
        spikeDirection = random.nextBoolean() ? 1 : -1;
    }

    private static Regime opposite(Regime trend) {
        return trend == Regime.TREND_UP ? Regime.TREND_DOWN : Regime.TREND_UP;
    }

    private double duration(Regime r) {
        return r.meanSeconds * (0.5 + random.nextDouble());
    }

    /** Trades hit the current book: buys lift the best ask, sells hit the best bid; bursts come in clusters. */
    private void trade(Instant now, double dt, List<MarketEvent> out) {
        if (burstLeft > 0) {
            burstLeft -= dt;
        } else if (random.nextDouble() < dt / 20.0) {
            burstLeft = 1.0 + 3.0 * random.nextDouble();
        }
        double perSecond = (burstLeft > 0 ? 25.0 : 3.0) * (regime == Regime.SPIKE ? 3.0 : 1.0);
        int count = poisson(perSecond * dt);
        double buyShare = clamp(0.5 + 0.25 * pressure + trendBias(), 0.05, 0.95);
        for (int i = 0; i < count; i++) {
            Aggressor side = random.nextDouble() < buyShare ? Aggressor.BUY : Aggressor.SELL;
            BigDecimal price = side == Aggressor.BUY ? asks.firstKey() : bids.firstKey();
            BigDecimal size = lots(profile.tradeSize() * StrictMath.exp(0.8 * random.nextGaussian() - 0.32));
            Instant venueTime = now.minusMillis(2 + random.nextInt(24));
            out.add(new TradeEvent(instrument, price, size, side, profile.coin() + "-" + (++tradeSeq), venueTime, now));
        }
    }

    private double trendBias() {
        return switch (regime) {
            case TREND_UP -> 0.1;
            case TREND_DOWN -> -0.1;
            case SPIKE -> 0.3 * spikeDirection;
            case RANGE -> 0.0;
        };
    }

    private void move(double dt) {
        double vol = SIGMA * profile.volatility() * (regime == Regime.SPIKE ? 3.0 : 1.0);
        double drift = switch (regime) {
            case TREND_UP -> TREND_DRIFT * profile.volatility();
            case TREND_DOWN -> -TREND_DRIFT * profile.volatility();
            case SPIKE -> SPIKE_DRIFT * profile.volatility() * spikeDirection;
            case RANGE -> -0.02 * (logMid - rangeCentre);
        };
        drift += PRESSURE_DRIFT * profile.volatility() * pressure;
        logMid += drift * dt + vol * Math.sqrt(dt) * random.nextGaussian();
    }

    /** Rebuilds 20 levels a side on a fixed price grid and publishes what changed (a snapshot the first time). */
    private void publishBook(Instant now, List<MarketEvent> out) {
        double mid = StrictMath.exp(logMid);
        double halfSpread = spacing.doubleValue() * (0.5 + 0.5 * random.nextDouble())
                * (regime == Regime.SPIKE ? 2.0 : 1.0);
        BigDecimal bestBid = grid(mid - halfSpread, RoundingMode.FLOOR);
        BigDecimal bestAsk = grid(mid + halfSpread, RoundingMode.CEILING);
        if (bestBid.signum() <= 0) {
            bestBid = spacing;
        }
        if (bestAsk.compareTo(bestBid) <= 0) {
            bestAsk = bestBid.add(spacing);
        }
        double tilt = Math.round(pressure * 10.0) / 10.0 * 0.6;
        NavigableMap<BigDecimal, BigDecimal> newBids = side(bestBid, spacing.negate(), 1.0 + tilt);
        NavigableMap<BigDecimal, BigDecimal> newAsks = side(bestAsk, spacing, 1.0 - tilt);
        baseSizes.keySet().retainAll(union(newBids, newAsks));
        List<PriceLevel> bidChanges = diff(bids, newBids);
        List<PriceLevel> askChanges = diff(asks, newAsks);
        bids.clear();
        bids.putAll(newBids);
        asks.clear();
        asks.putAll(newAsks);
        Instant venueTime = now.minusMillis(2 + random.nextInt(24));
        if (!published) {
            published = true;
            out.add(new BookEvent(instrument, BookEvent.Kind.SNAPSHOT, levels(bids), levels(asks), venueTime, now));
        } else if (!bidChanges.isEmpty() || !askChanges.isEmpty()) {
            out.add(new BookEvent(instrument, BookEvent.Kind.UPDATE, bidChanges, askChanges, venueTime, now));
        }
    }

    private NavigableMap<BigDecimal, BigDecimal> side(BigDecimal best, BigDecimal step, double tilt) {
        NavigableMap<BigDecimal, BigDecimal> levels = new TreeMap<>();
        BigDecimal price = best;
        for (int i = 0; i < LEVELS && price.signum() > 0; i++) {
            final int depth = i;
            double base = baseSizes.compute(price, (p, old) -> old == null || random.nextDouble() < 0.15
                    ? profile.levelSize() * (0.3 + 1.4 * random.nextDouble()) * (1.0 + 0.08 * depth)
                    : old);
            levels.put(price, lots(base * tilt));
            price = price.add(step);
        }
        return levels;
    }

    private static Set<BigDecimal> union(Map<BigDecimal, BigDecimal> a, Map<BigDecimal, BigDecimal> b) {
        Set<BigDecimal> all = new HashSet<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static List<PriceLevel> diff(Map<BigDecimal, BigDecimal> before, Map<BigDecimal, BigDecimal> after) {
        List<PriceLevel> changes = new ArrayList<>();
        before.keySet().stream().filter(p -> !after.containsKey(p)).sorted()
                .forEach(p -> changes.add(new PriceLevel(p, BigDecimal.ZERO)));
        after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> changes.add(new PriceLevel(e.getKey(), e.getValue())));
        return changes;
    }

    private static List<PriceLevel> levels(NavigableMap<BigDecimal, BigDecimal> side) {
        return side.entrySet().stream().map(e -> new PriceLevel(e.getKey(), e.getValue())).toList();
    }

    private BigDecimal grid(double price, RoundingMode mode) {
        return BigDecimal.valueOf(price).divide(spacing, 0, mode).multiply(spacing);
    }

    private BigDecimal lots(double size) {
        BigDecimal lots = BigDecimal.valueOf(size).setScale(profile.lotSize().scale(), RoundingMode.HALF_UP);
        return lots.compareTo(profile.lotSize()) < 0 ? profile.lotSize() : lots;
    }

    private int poisson(double mean) {
        double limit = StrictMath.exp(-Math.min(mean, 30.0));
        double product = random.nextDouble();
        int count = 0;
        while (product > limit && count < 60) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
