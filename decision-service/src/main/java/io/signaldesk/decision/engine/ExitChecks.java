package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;


import org.jboss.logging.Logger;

import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.domain.Position;

/**
 * An open position on each evaluation: stop-loss / take-profit first, then an exit check when the trading core's
 * {@link ExitPolicy} says one is due (every strategy.exit.check-every, on {@link EngineTime}, or after a move of
 * strategy.exit.adverse-move-pct against it since the last check). Only prices of the market the position was opened on count.
 */
public class ExitChecks {

    private static final Logger LOG = Logger.getLogger(ExitChecks.class);

    private final DecisionEngine engine;
    private final FeedStateService market;
    private final PaperTradingService trading;
    private final EngineTime time;
    private final ExitPolicy exitPolicy;
    private final Map<String, Instant> lastExitCheck = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> lastExitCheckPrice = new ConcurrentHashMap<>();
    private final Set<String> warnedForeign = ConcurrentHashMap.newKeySet();

    ExitChecks(DecisionEngine engine, FeedStateService market, PaperTradingService trading,
            EngineTime time, ExitPolicy exitPolicy) {
        this.exitPolicy = exitPolicy;
        this.engine = engine;
        this.market = market;
        this.trading = trading;
        this.time = time;
    }

    /** A position is managed only on prices of the market it was opened on; another feed's prices never stop it. */
    public void manageOwn(Position position, CoinSnapshot coin) {
        if (market.sameMarket(position)) {
            warnedForeign.remove(position.proposalId());
            manage(position, coin);
        } else if (warnedForeign.add(position.proposalId())) {
            LOG.warnf("%s: not marked, stopped or exited on these prices", trading.foreignNote(position));
            engine.entrySkippedForForeignPosition(position, coin);
        }
    }

    /** Stops first, then an exit check when one is due or the price moved against the position. */
    public void manage(Position position, CoinSnapshot coin) {
        if (engine.checkStops(position, coin).isPresent()) {
            lastExitCheck.remove(coin.coin());
            return;
        }
        Instant now = time.now(coin);
        BigDecimal lastPrice = lastExitCheckPrice.getOrDefault(coin.coin(), position.entryPrice());
        exitPolicy.checkDue(position.side(), lastExitCheck.get(coin.coin()), lastPrice, now, coin.markPrice())
                .ifPresent(reason -> {
                    lastExitCheck.put(coin.coin(), now);
                    lastExitCheckPrice.put(coin.coin(), coin.markPrice());
                    engine.checkExit(position, coin, reason.text());
                });
    }
}
