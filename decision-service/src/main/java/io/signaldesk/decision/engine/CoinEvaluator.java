package io.signaldesk.decision.engine;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import org.jboss.logging.Logger;

import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.port.LedgerState;

/**
 * One coin, from its latest state, on the engine thread: an open position is managed ({@link ExitChecks}),
 * otherwise the engine looks for an entry ({@link DecisionEngine#evaluateEntry}); the rules' view is sampled for
 * scoring every decision.scoring.sample-every (on {@link EngineTime}).
 */
public class CoinEvaluator {

    private static final Logger LOG = Logger.getLogger(CoinEvaluator.class);

    private final DecisionConfig config;
    private final DecisionEngine engine;
    private final ExitChecks exits;
    private final FeedStateService market;
    private final PaperTradingService trading;
    private final LedgerState database;
    private final EngineTime time;
    private final EdgeService edge;
    private final Map<String, Instant> lastRulesSample = new ConcurrentHashMap<>();

    CoinEvaluator(DecisionConfig config, DecisionEngine engine, ExitChecks exits, FeedStateService market,
            PaperTradingService trading, LedgerState database, EngineTime time, EdgeService edge) {
        this.edge = edge;
        this.config = config;
        this.engine = engine;
        this.exits = exits;
        this.market = market;
        this.trading = trading;
        this.database = database;
        this.time = time;
    }

    /** Manages the coin's open position or looks for an entry; on market time also samples the rules. */
    public void evaluate(String name) {
        if (!config.engineEnabled() || !database.ready() || market.stale()) {
            return;
        }
        try {
            market.latest(name).ifPresent(coin -> {
                edge.observe(coin, time.now(coin)); // calls past their horizon are scored first: the past only
                trading.position(name).ifPresentOrElse(p -> exits.manageOwn(p, coin), () -> engine.evaluateEntry(coin));
                if (time.onMarketTime(name)) {
                    sampleRules(coin);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "engine evaluation of %s failed", name);
        }
    }

    /** The rules' view recorded for scoring, at most every decision.scoring.sample-every per coin. */
    public void sampleRules(CoinSnapshot coin) {
        Instant now = time.now(coin);
        Instant last = lastRulesSample.get(coin.coin());
        if (last == null || !last.plus(config.scoring().sampleEvery()).isAfter(now)) {
            lastRulesSample.put(coin.coin(), now);
            engine.recordRulesSignal(coin, now);
        }
    }
}
