package io.signaldesk.decision.engine;

import java.time.Instant;

import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.engine.ModeService.ModeSetting;
import io.signaldesk.decision.engine.port.AnalyzerPort;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.MarketContext;

/** The engine's probes: the entry question a setup refused by the edge gate is still asked, on idle time, to be scored. */
final class ModelProbes {

    private final AnalyzerPort analyzer;
    private final EdgeService edge;

    ModelProbes(AnalyzerPort analyzer, EdgeService edge) {
        this.analyzer = analyzer;
        this.edge = edge;
    }

    /**
     * A setup the gate refused to ask about can earn its way back: at most once strategy.edge.probe-every, the model is
     * asked the same question on the analyzer's idle time; an answer the engine would have called (entered; in AGREE
     * with the sentiment agreeing) is scored as that call at this price and time, marked a probe, never proposed; every
     * answer, entered or not, is scored as the model's answer on the setup (model_answer role PROBE: its record, the arena).
     */
    void askIfDue(CoinSnapshot coin, PositionSide side, ModeSetting setting, DecisionSource answering,
            int rulesConfidence, boolean sentimentAgrees, Instant now) {
        edge.probeDue(coin, answering.label(), Direction.valueOf(side.name()), now).ifPresent(probe -> {
            EntryRequest question = new EntryRequest(coin.coin(), side.name(), coin.markPrice(),
                    MarketContext.of(coin, now),
                    edge.modelRecord(ModelRecords.Kind.ENTRY, coin.coin(), side.name(), now));
            analyzer.probeEntry(question).whenComplete((answer, failure) -> {
                Integer called = null;
                if (answer != null && answer.answered() && answer.acted() && answer.confidence() != null
                        && answer.confidence() >= 1 && answer.confidence() <= 10
                        && (setting.mode() == Mode.AI || setting.policy() != Policy.AGREE || sentimentAgrees)) {
                    called = setting.mode() == Mode.AI ? answer.confidence() : Math.min(rulesConfidence, answer.confidence());
                }
                if (answer != null && answer.answered() && answer.confidence() != null
                        && answer.confidence() >= 1 && answer.confidence() <= 10) {
                    edge.modelAnswered(ModelRecords.Answer.probe(coin.coin(), side.name(), answer.acted(),
                            answer.confidence(), answer.model()), coin.markPrice(), now, probe.market());
                }
                edge.probed(probe, answer == null ? null : answer.status(), called);
            });
        });
    }
}
