package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;


import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.edge.EdgeEstimate;
import io.signaldesk.core.edge.EdgeVerdict;
import io.signaldesk.core.exit.ExitPolicy;
import io.signaldesk.core.exit.ExitTrigger;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.rules.RuleSignal;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.ExitResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.MarketContext;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.domain.RiskVerdict;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.SentimentService.CoinSentiment;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.CooldownStore;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.engine.port.DecisionLog;

/**
 * Where the decision is made. Entries: the rules (or, in AI mode, the AI's sentiment) spot an
 * opportunity, the mode and policy decide whether the analyzer's entry answer is needed and how it
 * counts (acted on at its streamed decision, the reason filled in after), and deterministic sizing from the
 * paper settings: one model call at most on an entry's critical path. Exits: stop-loss and take-profit at once;
 * otherwise rules and/or the analyzer's exit answer, combined the same way.
  * <p>
 * A decision's {@code source} says who decided: {@code RULES}, {@code AI} (the model), {@code RULES+AI} (both had to
 * agree: HYBRID VETO or AGREE) or {@code RULES_FALLBACK} (the rules, because no model answer arrived;
 * {@code fallbackReason} says why: the analyzer's TIMEOUT, ANALYZER_DOWN, CIRCUIT_OPEN, INVALID_ANSWER, or the
 * analyzer's own reason for answering from its rules, e.g. MODEL_DOWN or MODE_RULES). An answer the analyzer made
 * with its rules is never counted as the model's. The confidence is the one that decided (the lower of the two when
 * both had to agree).
 */
public class DecisionEngine {

    private final DecisionConfig config;
    private final StrategySettings.Sizing sizing;
    private final BigDecimal stopLossPct;
    private final TradingRules rules;
    private final AnalyzerPort analyzer;
    private final SentimentService sentiments;
    private final ModeService modes;
    private final ProposalService proposals;
    private final PaperTradingService trading;
    private final DecisionLog decisions;
    private final SignalScoringService scoring;
    private final RiskService risk;
    private final FeedStateService market;
    private final Clock clock;
    private final EngineTime time;
    private final EdgeService edge;
    private final EntryCooldowns cooldowns;
    private final ModelProbes probes;

    DecisionEngine(DecisionConfig config, StrategySettings strategy, TradingRules rules, AnalyzerPort analyzer, SentimentService sentiments,
            ModeService modes, ProposalService proposals, PaperTradingService trading, DecisionLog decisions,
            SignalScoringService scoring, RiskService risk, FeedStateService market, Clock clock, EngineTime time,
            EdgeService edge, CooldownStore cooldownStore) {
        this.edge = edge;
        this.cooldowns = new EntryCooldowns(cooldownStore, strategy.entryCooldown());
        this.probes = new ModelProbes(analyzer, edge);
        this.sizing = strategy.sizing();
        this.stopLossPct = strategy.exits().stopLossPct();
        this.clock = clock;
        this.time = time;
        this.risk = risk;
        this.market = market;
        this.config = config;
        this.rules = rules;
        this.analyzer = analyzer;
        this.sentiments = sentiments;
        this.modes = modes;
        this.proposals = proposals;
        this.trading = trading;
        this.decisions = decisions;
        this.scoring = scoring;
    }

    /** Looks for an entry in {@code coin}; empty when there is nothing to decide (a cooldown runs, or trading is halted). */
    public Optional<Decision> evaluateEntry(CoinSnapshot coin) {
        if (risk.halted()) {
            return Optional.empty();
        }
        String name = coin.coin();
        Instant now = time.now(coin);
        if (cooldowns.runningUntil(name, now).isPresent()) {
            return Optional.empty();
        }
        if (!proposals.entryFree(name)) {
            return Optional.empty();
        }
        ModeSetting setting = modes.current();
        RuleSignal ruleSignal = rules.evaluate(coin);
        Optional<PositionSide> ruleSide = side(ruleSignal.direction());
        Optional<CoinSentiment> sentiment = sentiments.of(name);
        Optional<PositionSide> candidate = ruleSide;
        if (setting.mode() == Mode.AI && candidate.isEmpty()) {
            candidate = sentiment.flatMap(s -> side(SentimentService.parse(s.result().signal())));
        }
        if (candidate.isEmpty()) {
            return Optional.empty();
        }
        PositionSide side = candidate.get();
        cooldowns.start(name, now);
        DecisionDraft draft = new DecisionDraft(ProposalKind.ENTRY, name, side, setting, ruleSide.isPresent() ? ruleSignal.reason() : null,
                ruleSignal.confidence());
        if (setting.mode() == Mode.RULES) {
            return Optional.of(propose(draft.source(DecisionSource.RULES), coin));
        }
        // the gate first: the model is asked only where its answer could be let through, or its record is still short
        Direction wanted = Direction.valueOf(side.name());
        if (setting.mode() == Mode.HYBRID && setting.policy() == Policy.ADVISORY) {
            if (!edge.wouldPropose(coin, DecisionSource.RULES.label(), wanted, ruleSignal.confidence())) {
                return Optional.of(propose(draft.source(DecisionSource.RULES), coin));
            }
        } else {
            DecisionSource answering = setting.mode() == Mode.AI ? DecisionSource.AI : DecisionSource.RULES_AND_AI;
            Optional<String> refused = edge.refusesUnasked(coin, answering.label(), wanted, 1,
                    setting.mode() == Mode.AI ? 10 : ruleSignal.confidence());
            if (refused.isPresent()) {
                probes.askIfDue(coin, side, setting, answering, ruleSignal.confidence(), sentimentAgrees(sentiment, side), now);
                return Optional.of(log(draft.source(answering).edge(EdgeVerdict.NO_EDGE).unasked(refused.get())
                        .outcome(DecisionOutcome.NO_EDGE), null));
            }
        }
        EntryRequest question = new EntryRequest(name, side.name(), coin.markPrice(),
                MarketContext.of(coin, now), edge.modelRecord(ModelRecords.Kind.ENTRY, name, side.name(), now));
        String asked = edge.marketOf(name); // the market of the price asked about, whatever the feed is on by the answer
        AiAnswer<EntryResult> ai = modelAnswer(analyzer.entry(question));
        if (ai.fromModel()) {
            // the shadow model (if any) is asked the same question on idle time, scored beside this answer
            edge.modelAnswered(new ModelRecords.Answer(ModelRecords.Kind.ENTRY, name, side.name(), ai.result().enter(),
                    ai.result().confidence(), ai.model(), decisionFields("enter", ai.result().enter(), ai.result().confidence()),
                    ai.prompt(), ai.reasonLater(), analyzer.shadowEntry(question)), coin.markPrice(), now, asked);
        }
        if (ai.available()) {
            EntryResult answer = ai.result();
            scoring.record(new Signal(name, ai.label(), answer.enter() ? Direction.valueOf(side.name()) : Direction.WAIT,
                    answer.confidence(), coin.markPrice(), rules.momentumOnly(coin.momentum60sPct()), now).on(asked));
        }
        if (!ai.fromModel()) {
            // no model answer (the analyzer unreachable, or it answered with its own rules): the rules decide, labelled
            if (ruleSide.isEmpty()) {
                return Optional.of(log(draft.fallback(ai.whyNoModel()).outcome(DecisionOutcome.AI_UNAVAILABLE), null));
            }
            return Optional.of(propose(draft.source(DecisionSource.RULES_FALLBACK).fallback(ai.whyNoModel()), coin));
        }
        EntryResult answer = ai.result();
        draft = draft.ai(answer.reason(), ai.sourceDetail());
        Decision decision;
        int both = Math.min(ruleSignal.confidence(), answer.confidence());
        if (setting.mode() == Mode.AI) {
            decision = answer.enter() ? propose(draft.source(DecisionSource.AI).confidence(answer.confidence()), coin)
                    : log(draft.source(DecisionSource.AI).confidence(answer.confidence()).outcome(DecisionOutcome.AI_DECLINED), null);
        } else {
            decision = switch (setting.policy()) {
                case ADVISORY -> propose(draft.source(DecisionSource.RULES), coin);
                case VETO -> answer.enter() ? propose(draft.source(DecisionSource.RULES_AND_AI).confidence(both), coin)
                        : log(draft.source(DecisionSource.AI).confidence(answer.confidence()).outcome(DecisionOutcome.VETOED), null);
                case AGREE -> answer.enter() && sentimentAgrees(sentiment, side)
                        ? propose(draft.source(DecisionSource.RULES_AND_AI).confidence(both), coin)
                        : log(draft.source(DecisionSource.RULES_AND_AI).confidence(both).outcome(DecisionOutcome.NO_AGREEMENT), null);
            };
        }
        return Optional.of(followReason(decision, ai));
    }

    /** The decision was acted on at the analyzer's signal; its reason replaces the placeholder once written. */
    private Decision followReason(Decision decision, AiAnswer<?> ai) {
        ai.reasonLater().thenAccept(reason -> {
            if (reason != null && !reason.isBlank()) {
                decisions.amendAiReason(decision, AiAnswer.REASON_FOLLOWS, reason);
            }
        });
        return decision;
    }

    /** {@code refusedBy} of an entry skipped because the coin's open position is of another market. */
    public static final String POSITION_OF_ANOTHER_MARKET = "positionOfAnotherMarket";

    /**
     * An entry in {@code coin} is not looked for while its open position is of another market (an entry needs the coin
     * flat): logged as REFUSED by {@code positionOfAnotherMarket}, with the way out, so the silence has a reason.
     */
    public Decision entrySkippedForForeignPosition(Position position, CoinSnapshot coin) {
        String why = trading.foreignNote(position) + "; no entry in " + coin.coin()
                + " until it is written off (the dashboard's Write off, or POST /api/portfolio/positions/"
                + coin.coin() + "/write-off)";
        DecisionDraft draft = new DecisionDraft(ProposalKind.ENTRY, coin.coin(), position.side(), modes.current(), null, 0)
                .source(DecisionSource.RULES).refused(POSITION_OF_ANOTHER_MARKET, why).outcome(DecisionOutcome.REFUSED);
        return log(draft, null);
    }

    /** Stop-loss and take-profit: closes at once, whatever the mode, when the mark crosses either. */
    public Optional<Decision> checkStops(Position position, CoinSnapshot coin) {
        BigDecimal mark = coin.markPrice();
        Optional<ExitTrigger> trigger = ExitPolicy.stopOrTarget(position.side(), position.stopLoss(),
                position.takeProfit(), mark);
        if (trigger.isEmpty()) {
            return Optional.empty();
        }
        DecisionOutcome outcome = trigger.get().outcome();
        String reason = outcome + " hit: mark " + mark.stripTrailingZeros().toPlainString() + " vs "
                + (trigger.get() == ExitTrigger.STOP_LOSS ? position.stopLoss() : position.takeProfit()).stripTrailingZeros()
                        .toPlainString();
        DecisionDraft draft = new DecisionDraft(ProposalKind.EXIT, position.coin(), position.side(), modes.current(), reason, 10)
                .source(DecisionSource.RULES).outcome(outcome);
        Proposal proposal = draft.toProposal(position.qty(), mark, null, clock.instant(), config);
        Decision closed = decision(draft, proposal.id());
        Decision cancelled = decision(draft.outcome(DecisionOutcome.CANCELLED), proposal.id());
        Proposal done = proposals.executeStop(proposal, reason,
                stored -> stored == ProposalStatus.AUTO_EXECUTED ? closed : cancelled);
        return Optional.of(done.status() == ProposalStatus.AUTO_EXECUTED ? closed : cancelled);
    }

    /** Exit analysis for one open position; {@code trigger} says why it runs now (schedule or adverse move). */
    public Optional<Decision> checkExit(Position position, CoinSnapshot coin, String trigger) {
        if (!proposals.exitFree(position)) {
            return Optional.empty();
        }
        ModeSetting setting = modes.current();
        RuleSignal ruleSignal = rules.evaluate(coin);
        PositionSide opposite = position.side() == PositionSide.LONG ? PositionSide.SHORT : PositionSide.LONG;
        boolean rulesClose = side(ruleSignal.direction()).filter(s -> s == opposite).isPresent();
        DecisionDraft draft = new DecisionDraft(ProposalKind.EXIT, position.coin(), position.side(), setting,
                rulesClose ? trigger + "; rules turned " + ruleSignal.reason() : null, ruleSignal.confidence());
        if (setting.mode() == Mode.RULES) {
            return rulesClose ? Optional.of(propose(draft.source(DecisionSource.RULES), coin)) : Optional.empty();
        }
        Instant now = time.now(coin);
        ExitRequest question = new ExitRequest(position.coin(), position.side().name(),
                position.entryPrice(), coin.markPrice(), position.qty(), position.openedAt(),
                MarketContext.of(coin, now),
                edge.modelRecord(ModelRecords.Kind.EXIT, position.coin(), position.side().name(), now));
        String asked = edge.marketOf(position.coin());
        AiAnswer<ExitResult> ai = modelAnswer(analyzer.exit(question));
        if (ai.fromModel()) {
            edge.modelAnswered(new ModelRecords.Answer(ModelRecords.Kind.EXIT, position.coin(), position.side().name(),
                    "HOLD".equals(ai.result().action()), ai.result().confidence(), ai.model(),
                    decisionFields("action", ai.result().action(), ai.result().confidence()), ai.prompt(),
                    ai.reasonLater(), analyzer.shadowExit(question)), coin.markPrice(), now, asked);
        }
        if (!ai.fromModel()) {
            return rulesClose ? Optional.of(propose(draft.source(DecisionSource.RULES_FALLBACK).fallback(ai.whyNoModel()), coin))
                    : Optional.empty();
        }
        ExitResult answer = ai.result();
        boolean aiClose = "CLOSE".equals(answer.action());
        draft = draft.ai(trigger + "; " + answer.reason(), ai.sourceDetail());
        int both = Math.min(ruleSignal.confidence(), answer.confidence());
        if (setting.mode() == Mode.AI) {
            return aiClose ? Optional.of(followReason(propose(draft.source(DecisionSource.AI).confidence(answer.confidence()), coin), ai))
                    : Optional.empty();
        }
        boolean close = switch (setting.policy()) {
            case ADVISORY -> rulesClose;
            case VETO, AGREE -> rulesClose && aiClose;
        };
        if (close) {
            return Optional.of(followReason(setting.policy() == Policy.ADVISORY ? propose(draft.source(DecisionSource.RULES), coin)
                    : propose(draft.source(DecisionSource.RULES_AND_AI).confidence(both), coin), ai));
        }
        if (setting.policy() != Policy.ADVISORY && (rulesClose || aiClose)) {
            return Optional.of(followReason(setting.policy() == Policy.VETO && rulesClose
                    ? log(draft.source(DecisionSource.AI).confidence(answer.confidence()).outcome(DecisionOutcome.VETOED), null)
                    : log(draft.source(DecisionSource.RULES_AND_AI).confidence(both).outcome(DecisionOutcome.NO_AGREEMENT), null), ai));
        }
        return Optional.empty();
    }

    /** The rules' view of a coin, recorded for scoring whether acted on or not. */
    public void recordRulesSignal(CoinSnapshot coin, Instant at) {
        RuleSignal signal = rules.evaluate(coin);
        scoring.record(new Signal(coin.coin(), "RULES", signal.direction(), signal.confidence(), coin.markPrice(),
                rules.momentumOnly(coin.momentum60sPct()), at));
    }

    /** When {@code coin}'s entry cooldown ends, if it still runs at {@code now}. */
    public Optional<Instant> cooldownUntil(String coin, Instant now) {
        return cooldowns.runningUntil(coin, now);
    }

    /** Forgets cooldowns (in the ledger too); tests use it to evaluate the same coin again. */
    public void resetCooldowns() {
        cooldowns.clear();
    }

    /**
     * Sizing is deterministic (paper settings), so an entry needs one model call on its critical path: the entry
     * question. The analyzer's risk analysis stays available on its own endpoint.
     */
    private Decision propose(DecisionDraft draft, CoinSnapshot coin) {
        BigDecimal price = coin.markPrice();
        BigDecimal size;
        BigDecimal stopLossPct = null;
        boolean proven = true;
        if (draft.kind() == ProposalKind.EXIT) {
            size = trading.position(draft.coin()).map(Position::qty).orElse(BigDecimal.ONE);
        } else {
            // the edge gate: every entry call is scored for its setup's track record, whatever comes of it
            EdgeEstimate measured = edge.call(coin, setupSource(draft.source()), Direction.valueOf(draft.side().name()),
                    draft.confidence(), time.now(coin));
            EdgeVerdict verdict = edge.mode().verdict(measured);
            draft = draft.edge(verdict);
            if (!verdict.proposes()) {
                return log(draft.noEdge(measured).outcome(DecisionOutcome.NO_EDGE), null);
            }
            if (verdict == EdgeVerdict.UNPROVEN) {
                draft = draft.unproven(measured);
            }
            proven = verdict.mayAutoExecute();
            BigDecimal equity = trading.cachedPortfolio().equity();
            BigDecimal sizePct = sizing.sizePct();
            stopLossPct = this.stopLossPct;
            size = PaperMath.quantity(equity, sizePct, price);
            if (size.signum() <= 0) {
                return log(draft.outcome(DecisionOutcome.TOO_SMALL), null);
            }
            RiskVerdict limits = risk.checkEntry(draft.coin(), size, price, draft.source().label(), trading.cachedPortfolio());
            if (!limits.allowed()) {
                return log(draft.refused(limits.refusedBy(), limits.reason()).outcome(DecisionOutcome.REFUSED), null);
            }
            if (limits.resizedBy() != null) {
                size = limits.size();
                draft = draft.resized(limits.resizedBy());
            }
        }
        Proposal proposal = draft.toProposal(size, price, stopLossPct, clock.instant(), config);
        Decision decision = decision(draft.outcome(DecisionOutcome.PROPOSED), proposal.id());
        proposals.submit(proposal, proven, stored -> decision); // the proposal and its decision: one transaction
        return decision;
    }

    /** Logs a decision that proposed nothing. */
    private Decision log(DecisionDraft draft, String proposalId) {
        Decision decision = decision(draft, proposalId);
        decisions.insert(decision);
        return decision;
    }

    private Decision decision(DecisionDraft draft, String proposalId) {
        Instant marketAt = market.latest(draft.coin()).map(CoinSnapshot::updatedAt).orElse(null);
        return new Decision(0, clock.instant(), marketAt, draft.coin(), draft.kind(), draft.outcome(),
                draft.setting().mode(), draft.setting().mode() == Mode.HYBRID ? draft.setting().policy() : null,
                draft.source(), draft.outcome() == DecisionOutcome.NO_EDGE ? Direction.WAIT : Direction.valueOf(draft.side().name()),
                draft.confidence(), draft.ruleReason(),
                draft.aiReason(), draft.fallbackReason(), proposalId, draft.refusedBy(), draft.resizedBy(), draft.edge(),
                draft.kind() == ProposalKind.ENTRY ? Direction.valueOf(draft.side().name()) : null);
    }

    /** Tells the risk service whether the model itself answered (safe mode counts the failures in a row). */
    private <T> AiAnswer<T> modelAnswer(AiAnswer<T> answer) {
        boolean ok = answer.available() && "AI".equals(answer.label());
        risk.modelAnswered(ok, ok ? null : FallbackReason.failure(answer.available() ? answer.sourceDetail() : answer.fallbackReason()));
        return answer;
    }

    /** An answer's decision fields in the analyzer's schema order (the decision, then the confidence). */
    private static Map<String, Object> decisionFields(String decision, Object value, int confidence) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put(decision, value);
        fields.put("confidence", confidence);
        return fields;
    }

    /** The setup's source: the rules answering for an absent model are the rules. */
    private static String setupSource(DecisionSource source) {
        return source == DecisionSource.RULES_FALLBACK ? DecisionSource.RULES.label() : source.label();
    }

    private static boolean sentimentAgrees(Optional<CoinSentiment> sentiment, PositionSide side) {
        return sentiment.map(s -> side.name().equals(s.result().signal())).orElse(true);
    }

    private static Optional<PositionSide> side(Direction direction) {
        return direction == null || direction == Direction.WAIT ? Optional.empty() : Optional.of(PositionSide.valueOf(direction.name()));
    }
}
