package io.signaldesk.decision.api;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.signaldesk.core.evaluation.Proportion;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.adapter.feed.FeedClient;
import io.signaldesk.decision.adapter.feed.FeedLink;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.ledger.LedgerHealth;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.EngineExecutor;
import io.signaldesk.decision.engine.FeedStateService;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.PaperTradingService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.engine.SignalScoringService;
import io.signaldesk.decision.adapter.analyzer.AnalyzerStatusService;

/** Everything the dashboard shows, in one state message. */
@ApplicationScoped
public class DashboardService {

    private final FeedStateService market;
    private final FeedClient feed;
    private final FeedLink link;
    private final EngineExecutor executor;
    private final AnalyzerStatusService analyzer;
    private final ModeService modes;
    private final ProposalService proposals;
    private final PaperTradingService trading;
    private final SignalScoringService scoring;
    private final DecisionRepository decisions;
    private final RiskService risk;
    private final LedgerHealth ledger;
    private final LiveEvaluationService evaluation;
    private final EdgeService edge;
    private final ProposalCards cards;

    DashboardService(LiveEvaluationService evaluation, FeedStateService market, FeedClient feed, FeedLink link, AnalyzerStatusService analyzer, ModeService modes,
            ProposalService proposals, PaperTradingService trading, SignalScoringService scoring,
            DecisionRepository decisions, RiskService risk, EngineExecutor executor, EdgeService edge,
            LedgerHealth ledger, ProposalCards cards) {
        this.cards = cards;
        this.ledger = ledger;
        this.evaluation = evaluation;
        this.edge = edge;
        this.risk = risk;
        this.executor = executor;
        this.market = market;
        this.feed = feed;
        this.link = link;
        this.analyzer = analyzer;
        this.modes = modes;
        this.proposals = proposals;
        this.trading = trading;
        this.scoring = scoring;
        this.decisions = decisions;
    }

    /** The status of both upstreams: feed connected/stale, analyzer reachable, with its status line. */
    public Map<String, Object> status() {
        Map<String, Object> feedState = new LinkedHashMap<>();
        feedState.put("connected", link.connected());
        feedState.put("stale", market.stale());
        feedState.put("lastFrameAt", market.lastFrameAt().map(Instant::toString).orElse(null));
        // the venue's time of the newest data: a replay's own date, not the wall clock
        feedState.put("marketTime", market.all().stream().map(CoinSnapshot::updatedAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).map(Instant::toString).orElse(null));
        feedState.put("drops", (long) feed.dropCount());
        feedState.put("malformed", (long) feed.malformedCount());
        feedState.put("replayQueued", executor.replayQueued());
        feedState.put("replayDropped", executor.replayDropped());
        feedState.put("identity", market.currentFeed().orElse(null));
        feedState.put("warnings", feedWarnings());
        Map<String, Object> ai = new LinkedHashMap<>();
        ai.put("reachable", analyzer.reachable());
        ai.put("failure", analyzer.lastFailure().orElse(null));
        ai.put("status", analyzer.status().orElse(null));
        ai.put("latest", analyzer.latest().orElse(null));
        ai.put("answers", analyzer.aiAnswers());
        // the analyzer's own switch forced to RULES (an operator setting): said, with the way back (the dashboard's Undo)
        ai.put("override", analyzer.override().orElse(null));
        ai.put("modelShare", modelShare());
        // the engine's own model failures: when safe mode came on, why, and when and why it cleared
        ai.put("safeMode", risk.safeMode());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("feed", feedState);
        status.put("ledger", ledger.status());
        status.put("analyzer", ai);
        status.put("mode", modes.current());
        status.put("requireConfirmation", proposals.requireConfirmation());
        status.put("autoMinConfidence", proposals.autoMinConfidence());
        status.put("edge", edge.status());
        return status;
    }

    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("type", "state");
        state.put("at", Instant.now().toString());
        state.putAll(status());
        state.put("market", market.all());
        state.put("pending", cards.view(proposals.list(ProposalStatus.PENDING, 50)));
        state.put("recentProposals", proposals.list(null, 10));
        state.put("portfolio", trading.cachedPortfolio());
        state.put("trades", trading.trades(10));
        state.put("decisions", DecisionLines.view(decisions.latest(10)));
        state.put("accuracy", scoring.accuracy());
        state.put("evaluation", evaluation.evaluation());
        state.put("risk", risk.state());
        return state;
    }

    /**
     * The share of the analyzer's answers of the last 15 minutes that were model calls (not its cache, not its rules):
     * the count of the total, with a Wilson 95 % interval; null before it has answered. No p-value: it was one against
     * 50 %, and whether the model answers half the time is no question anyone asks of it.
     */
    private Proportion modelShare() {
        return analyzer.status().map(s -> s.machine()).filter(m -> m != null && m.path("answersLast15m").asInt() > 0)
                .map(m -> Proportion.of(Math.min(m.path("modelAnswersLast15m").asInt(), m.path("answersLast15m").asInt()),
                        m.path("answersLast15m").asInt()))
                .orElse(null);
    }

    /** A refused feed, and positions the feed's prices do not mark (opened on another market). */
    private List<String> feedWarnings() {
        List<String> warnings = new java.util.ArrayList<>();
        feed.refusedFeed().ifPresent(f -> warnings.add("feed " + f.market() + " (" + f.source()
                + ") is not the expected source: its frames are ignored"));
        if (executor.replayDropped() > 0) {
            warnings.add(executor.replayDropped() + " replay frames dropped: the engine could not keep up "
                    + "(decision.engine-replay-queue); the replay's decisions miss them");
        }
        for (var marked : trading.cachedPortfolio().positions()) {
            if (marked.note() != null && marked.note().startsWith("not marked")) {
                warnings.add(marked.note());
            }
        }
        return warnings;
    }

    public List<String> coins() {
        return market.all().stream().map(c -> c.coin()).toList();
    }
}
