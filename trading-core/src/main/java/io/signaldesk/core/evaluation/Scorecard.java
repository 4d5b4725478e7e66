package io.signaldesk.core.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

/**
 * One group's evaluation (overall, a source, a coin or a confidence bucket), beside the baselines over the same
 * instants and with the same costs: {@code direction} of the group's directional calls with always-long and
 * always-short at the same instants; {@code expectancy} of its trades with always-long and always-short taking the
 * very same entries and exits (always-WAIT trades nothing: 0 % per trade); {@code grossMeanPct} before costs;
 * Sharpe; calibration of the calls' confidence.
 */
public record Scorecard(DirectionAccuracy direction, DirectionAccuracy alwaysLongDirection,
        DirectionAccuracy alwaysShortDirection, Expectancy expectancy, Expectancy alwaysLong, Expectancy alwaysShort,
        Double grossMeanPct, Sharpe sharpe, Calibration calibration) {

    private static final FeeModel BEFORE_COSTS = new FeeModel(BigDecimal.ZERO, BigDecimal.ZERO);

    public static Scorecard of(List<Call> calls, List<Trade> trades, FeeModel fees, Instant from, Instant to, int trials) {
        List<Call> directional = calls.stream().filter(Call::directional).toList();
        int hits = (int) directional.stream().filter(Call::hit).count();
        int ups = (int) directional.stream().filter(c -> c.actual() == Direction.LONG).count();
        return new Scorecard(DirectionAccuracy.of(hits, directional.size()), DirectionAccuracy.of(ups, directional.size()),
                DirectionAccuracy.of(directional.size() - ups, directional.size()), Expectancy.byDay(trades),
                Expectancy.byDay(forced(trades, PositionSide.LONG, fees)),
                Expectancy.byDay(forced(trades, PositionSide.SHORT, fees)),
                trades.isEmpty() ? null : trades.stream().mapToDouble(t -> RoundTrip.netPct(t.side(), t.entryMark(),
                        t.exitMark(), BEFORE_COSTS)).average().orElseThrow(),
                Sharpe.of(trades, from, to, trials), Calibration.of(calls));
    }

    /** The same entries and exits on {@code side}, at the same costs. */
    private static List<Trade> forced(List<Trade> trades, PositionSide side, FeeModel fees) {
        return trades.stream().map(t -> new Trade(t.coin(), t.source(), t.confidence(), side, t.entryAt(), t.exitAt(),
                t.entryMark(), t.exitMark(), RoundTrip.netPct(side, t.entryMark(), t.exitMark(), fees))).toList();
    }
}
