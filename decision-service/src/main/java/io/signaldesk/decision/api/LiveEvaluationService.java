package io.signaldesk.decision.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * paper account's closed trades (the latest {@link #TRADES} fills), with the verdict. The calls and fills are read at
 * most every {@link #EVERY} (the dashboard asks on every push) and the figures recomputed only when either changed.
 */
@ApplicationScoped
public class LiveEvaluationService {

    static final int TRADES = 5000;
    static final Duration EVERY = Duration.ofSeconds(5);

    private final SignalScoringService scoring;
    private final PaperTradingService trading;
    private final ProposalService proposals;
    private final DecisionConfig config;
    private final FeeModel fees;
    private final Clock clock;
    private Evaluation latest;
    private List<Call> latestCalls = List.of();
    private String latestKey;
    private long computedAt;

    LiveEvaluationService(SignalScoringService scoring, PaperTradingService trading, ProposalService proposals,
            DecisionConfig config, FeeModel fees, Clock clock) {
        this.scoring = scoring;
        this.trading = trading;
        this.proposals = proposals;
        this.config = config;
        this.fees = fees;
        this.clock = clock;
    }

    public synchronized Evaluation evaluation() {
        long now = System.nanoTime();
        if (latest != null && now - computedAt < EVERY.toNanos()) {
            return latest; // the ledger's fills are read at most every EVERY, whoever asks
        }
        computedAt = now;
        // the desk's market only: the simulator's made-up prices never count with a venue's (nor a replay's)
        String market = scoring.deskMarket();
        List<Outcome> outcomes = scoring.outcomesOn(market);
        List<Fill> fills = new ArrayList<>(trading.trades(TRADES).stream()
                .filter(f -> market.equals(f.feedMarket() == null ? SignalScoringService.NOT_RECORDED : f.feedMarket()))
                .toList());
        String key = market + "|" + outcomes.size() + "|" + (outcomes.isEmpty() ? "" : outcomes.get(outcomes.size() - 1).signal().at())
                + "|" + (fills.isEmpty() ? "" : fills.get(0).id());
        if (latest != null && key.equals(latestKey)) {
            return latest;
        }
        Collections.reverse(fills); // oldest first
        List<Trade> trades = ClosedTrades.of(fills, proposals::find, fees.slippagePct());
        Duration horizon = config.scoring().horizons().stream().max(Duration::compareTo).orElse(Duration.ofMinutes(5));
        Instant from = Stream.concat(outcomes.stream().map(o -> o.signal().at()), trades.stream().map(Trade::entryAt))
                .min(Instant::compareTo).orElse(clock.instant());
        Instant to = Stream.concat(outcomes.stream().map(o -> o.signal().at()), trades.stream().map(Trade::exitAt))
                .max(Instant::compareTo).orElse(from);
        latestCalls = Evaluations.calls(outcomes, horizon);
        latest = Evaluations.of(outcomes, trades, horizon, fees, from,
                to.isBefore(from) ? from : to, 1);
        latestKey = key;
        return latest;
    }

    /**
     * Drops the figures read, so that the next ask reads the calls and fills again however recent the last read was
     * (for tests in this package that score calls and must not wait out {@link #EVERY}).
     */
    synchronized void expire() {
        latest = null;
        latestKey = null;
    }

    /**
     * How often {@code source}'s directional calls with a confidence in {@code confidence}'s bucket went the called way
     * at the evaluation's horizon (the figures of {@link #evaluation()}, read at most every {@link #EVERY}).
     */
    public synchronized DirectionAccuracy accuracyOf(String source, int confidence) {
        evaluation();
        String bucket = SignalScorer.bucket(confidence);
        List<Call> in = latestCalls.stream().filter(Call::directional)
                .filter(c -> source.equals(c.source()) && bucket.equals(SignalScorer.bucket(c.confidence()))).toList();
        return DirectionAccuracy.of((int) in.stream().filter(Call::hit).count(), in.size());
    }
}
