package io.signaldesk.core.evaluation;

import java.time.Instant;
import java.util.List;

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

    public static Scorecard of(List<Call> calls, List<Trade> trades, Costs costs, Instant from, Instant to, int trials) {
        List<Call> directional = calls.stream().filter(Call::directional).toList();
        int hits = (int) directional.stream().filter(Call::hit).count();
        int ups = (int) directional.stream().filter(c -> c.actual() == Direction.LONG).count();
        return new Scorecard(DirectionAccuracy.of(hits, directional.size()), DirectionAccuracy.of(ups, directional.size()),
                DirectionAccuracy.of(directional.size() - ups, directional.size()), Expectancy.byDay(trades),
                Expectancy.byDay(forced(trades, PositionSide.LONG, costs)),
                Expectancy.byDay(forced(trades, PositionSide.SHORT, costs)),
                trades.isEmpty() ? null : trades.stream().mapToDouble(t -> RoundTrip.netPct(t.side(), t.entryMark(),
                        t.exitMark(), 0, 0)).average().orElseThrow(),
                Sharpe.of(trades, from, to, trials), Calibration.of(calls));
    }

    /** The same entries and exits on {@code side}, at the same costs. */
    private static List<Trade> forced(List<Trade> trades, PositionSide side, Costs costs) {
        return trades.stream().map(t -> new Trade(t.coin(), t.source(), t.confidence(), side, t.entryAt(), t.exitAt(),
                t.entryMark(), t.exitMark(), RoundTrip.netPct(side, t.entryMark(), t.exitMark(), costs.feePct(),
                        costs.slippagePct()))).toList();
    }

    /** The cost of a fill: fee in percent of notional and slippage in percent of price, paid on entry and exit. */
    public record Costs(double feePct, double slippagePct) {

        /** A round trip's cost in percent, approximately: two fees and two slippages. */
        public double roundTripPct() {
            return 2 * (feePct + slippagePct);
        }
    }
}
