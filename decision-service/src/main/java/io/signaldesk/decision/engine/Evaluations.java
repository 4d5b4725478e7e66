package io.signaldesk.decision.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.signaldesk.core.evaluation.Call;
import io.signaldesk.core.evaluation.Evaluation;
import io.signaldesk.core.evaluation.Trade;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;

/** The engine's scored signals and closed trades put to the trading core's {@link Evaluation} (backtest and dashboard). */
public final class Evaluations {

    private Evaluations() {
    }

    /** The outcomes scored at {@code horizon}, as the core's calls. */
    public static List<Call> calls(List<Outcome> outcomes, Duration horizon) {
        return outcomes.stream().filter(o -> o.horizon().equals(horizon)).map(o -> new Call(o.signal().coin(),
                o.signal().source(), o.signal().direction(), o.signal().confidence(), o.signal().at(),
                o.movePct().doubleValue(), o.actual())).toList();
    }

    /** Calls at {@code horizon} and trades over {@code from}-{@code to}, with the fill costs the trades paid. */
    public static Evaluation of(List<Outcome> outcomes, List<Trade> trades, Duration horizon, FeeModel fees,
            Instant from, Instant to, int trials) {
        return Evaluation.of(calls(outcomes, horizon), trades, fees, SignalScoringService.label(horizon), from, to, trials);
    }
}
