package io.signaldesk.decision.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.evaluation.Call;
import io.signaldesk.core.evaluation.DirectionAccuracy;
import io.signaldesk.core.evaluation.Evaluation;
import io.signaldesk.core.evaluation.Trade;
import io.signaldesk.core.scoring.SignalScorer;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;
import io.signaldesk.decision.engine.ClosedTrades;
import io.signaldesk.decision.engine.Evaluations;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.SignalScoringService;

/**
 * The live engine's own evaluation, as the backtest report gives it: its scored calls at the longest horizon and the
 * paper account's closed trades (the latest {@link #TRADES} fills), with the verdict, on one market (the desk's unless
 * asked: the simulator's made-up prices never count with a venue's). The calls and fills are read at most every
 * {@link #EVERY} per market (the dashboard asks on every push) and the figures recomputed only when either changed; the
 * latest {@link #MARKETS} markets asked are kept, the desk's and those with calls or fills only: a market with neither
 * (any well-formed name asked) is answered empty and not kept, so made-up names never push the desk's figures out.
 */
@ApplicationScoped
public class LiveEvaluationService {

    static final int TRADES = 5000;
    static final Duration EVERY = Duration.ofSeconds(5);
    static final int MARKETS = 8;

    /** One market's figures: the evaluation, its calls, what they were computed from and when they were read. */
    private record Figures(Evaluation evaluation, List<Call> calls, String key, long readAt) {
    }

    private final SignalScoringService scoring;
    private final PaperTradingService trading;
    private final ProposalService proposals;
    private final DecisionConfig config;
    private final FeeModel fees;
    private final Clock clock;
    private final Map<String, Figures> latest = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Figures> eldest) {
            return size() > MARKETS;
        }
    };

    LiveEvaluationService(SignalScoringService scoring, PaperTradingService trading, ProposalService proposals,
            DecisionConfig config, FeeModel fees, Clock clock) {
        this.scoring = scoring;
        this.trading = trading;
        this.proposals = proposals;
        this.config = config;
        this.fees = fees;
        this.clock = clock;
    }

    /** The evaluation on the market the desk trades now. */
    public Evaluation evaluation() {
        return evaluation(scoring.deskMarket());
    }

    /** The evaluation on {@code market}: its calls and the paper trades filled on its prices only. */
    public synchronized Evaluation evaluation(String market) {
        return figures(market).evaluation();
    }

    private Figures figures(String market) {
        long now = System.nanoTime();
        Figures before = latest.get(market);
        if (before != null && now - before.readAt() < EVERY.toNanos()) {
            return before; // the ledger's fills are read at most every EVERY, whoever asks
        }
        List<Outcome> outcomes = scoring.outcomesOn(market);
        // the market's own fills, filtered in the ledger: another market's newer fills never push them out of the read
        List<Fill> fills = new ArrayList<>(trading.tradesOn(market, TRADES));
        String key = outcomes.size() + "|" + (outcomes.isEmpty() ? "" : outcomes.get(outcomes.size() - 1).signal().at())
                + "|" + (fills.isEmpty() ? "" : fills.get(0).id());
        if (before != null && key.equals(before.key())) {
            Figures same = new Figures(before.evaluation(), before.calls(), key, now);
            latest.put(market, same);
            return same;
        }
        Collections.reverse(fills); // oldest first
        List<Trade> trades = ClosedTrades.of(fills, proposals::find, fees.slippagePct());
        Duration horizon = config.scoring().horizons().stream().max(Duration::compareTo).orElse(Duration.ofMinutes(5));
        Instant from = Stream.concat(outcomes.stream().map(o -> o.signal().at()), trades.stream().map(Trade::entryAt))
                .min(Instant::compareTo).orElse(clock.instant());
        Instant to = Stream.concat(outcomes.stream().map(o -> o.signal().at()), trades.stream().map(Trade::exitAt))
                .max(Instant::compareTo).orElse(from);
        Figures figures = new Figures(Evaluations.of(outcomes, trades, horizon, fees, from, to.isBefore(from) ? from : to, 1),
                Evaluations.calls(outcomes, horizon), key, now);
        if (!outcomes.isEmpty() || !fills.isEmpty() || market.equals(scoring.deskMarket())) {
            latest.put(market, figures);
        } else {
            latest.remove(market); // its rows are gone (cleared): nothing to keep
        }
        return figures;
    }

    /** The markets whose figures are kept, least recently asked first (tests). */
    synchronized List<String> keptMarkets() {
        return List.copyOf(latest.keySet());
    }

    /**
     * Drops the figures read, so that the next ask reads the calls and fills again however recent the last read was
     * (for tests in this package that score calls and must not wait out {@link #EVERY}).
     */
    synchronized void expire() {
        latest.clear();
    }

    /**
     * How often {@code source}'s directional calls with a confidence in {@code confidence}'s bucket went the called way
     * at the evaluation's horizon on the desk's market (the figures of {@link #evaluation()}, read at most every
     * {@link #EVERY}).
     */
    public synchronized DirectionAccuracy accuracyOf(String source, int confidence) {
        String bucket = SignalScorer.bucket(confidence);
        List<Call> in = figures(scoring.deskMarket()).calls().stream().filter(Call::directional)
                .filter(c -> source.equals(c.source()) && bucket.equals(SignalScorer.bucket(c.confidence()))).toList();
        return DirectionAccuracy.of((int) in.stream().filter(Call::hit).count(), in.size());
    }
}
