package io.signaldesk.decision.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.signaldesk.decision.client.FeedCoin;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Side;

/**
 * An open position on each evaluation: stop-loss / take-profit first, then an exit check when one is due
 * (every decision.exit-check.every, on {@link EngineTime}) or the price moved decision.exit-check.adverse-move-pct
 * against it since the last check. Only prices of the market the position was opened on count.
 */
@ApplicationScoped
public class ExitChecks {

    private static final Logger LOG = Logger.getLogger(ExitChecks.class);

    private final DecisionConfig config;
    private final DecisionEngine engine;
    private final MarketStateService market;
    private final PaperTradingService trading;
    private final EngineTime time;
    private final Map<String, Instant> lastExitCheck = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> lastExitCheckPrice = new ConcurrentHashMap<>();
    private final Set<String> warnedForeign = ConcurrentHashMap.newKeySet();

    ExitChecks(DecisionConfig config, DecisionEngine engine, MarketStateService market, PaperTradingService trading,
            EngineTime time) {
        this.config = config;
        this.engine = engine;
        this.market = market;
        this.trading = trading;
        this.time = time;
    }

    /** A position is managed only on prices of the market it was opened on; another feed's prices never stop it. */
    public void manageOwn(Position position, FeedCoin coin) {
        if (market.sameMarket(position)) {
            warnedForeign.remove(position.proposalId());
            manage(position, coin);
        } else if (warnedForeign.add(position.proposalId())) {
            LOG.warnf("%s: not marked, stopped or exited on these prices", trading.foreignNote(position));
        }
    }

    /** Stops first, then an exit check when one is due or the price moved against the position. */
    public void manage(Position position, FeedCoin coin) {
        if (engine.checkStops(position, coin).isPresent()) {
            lastExitCheck.remove(coin.coin());
            return;
        }
        Instant now = time.now(coin);
        Instant last = lastExitCheck.get(coin.coin());
        BigDecimal lastPrice = lastExitCheckPrice.getOrDefault(coin.coin(), position.entryPrice());
        String trigger = null;
        if (last == null || !last.plus(config.exitCheck().every()).isAfter(now)) {
            trigger = "scheduled exit check";
        } else if (adverse(position.side(), lastPrice, coin.markPrice())) {
            trigger = "adverse move since last check";
        }
        if (trigger != null) {
            lastExitCheck.put(coin.coin(), now);
            lastExitCheckPrice.put(coin.coin(), coin.markPrice());
            engine.checkExit(position, coin, trigger);
        }
    }

    private boolean adverse(Side side, BigDecimal reference, BigDecimal mark) {
        BigDecimal move = SignalScorer.movePct(reference, mark);
        BigDecimal against = side == Side.LONG ? move.negate() : move;
        return against.compareTo(config.exitCheck().adverseMovePct()) >= 0;
    }
}
