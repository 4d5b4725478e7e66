package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What confirming a pending proposal does, computed once on the server so the dashboard only shows it. Money in the
 * quote currency (USDT) to the cent, prices at the proposal's scale.
 *
 * @param notional        size x the proposal's price
 * @param equityPct       the notional in percent of the account's equity now
 * @param expectedFill    the fill at the proposal's price, moved against us by the paper slippage
 * @param stopPrice       an entry's stop-loss from the expected fill (null for an exit)
 * @param targetPrice     an entry's take-profit from the expected fill (null for an exit)
 * @param fee             this fill's fee at the expected fill
 * @param roundTripFees   this fill's fee and the exit's at the same price (an exit: its own fee)
 * @param maxSlippagePct  how far the live price may move from the proposal's before an entry is refused (null: exit)
 * @param worstFill       the worst fill that guard allows (null for an exit: exits fill at the live price)
 * @param secondsLeft     until the proposal expires
 * @param onExpiry        what happens if nobody confirms
 * @param confidence      what the proposal's confidence has been worth: its source's direction, at the scoring horizon
 * @param edge            an entry's setup as the edge gate judges it: expectancy at the gate's horizon after costs (null
 *                        for an exit)
 * @param lowConfidence   confidence in the 1-3 bucket
 * @param unproven        proposed without a measured edge (strategy.edge.mode advise, or off: EdgeVerdict.warning)
 * @param warnings        the lines a trader must read before confirming
 */
@RegisterForReflection
public record ConfirmCard(BigDecimal notional, BigDecimal equityPct, BigDecimal expectedFill, BigDecimal stopPrice,
        BigDecimal targetPrice, BigDecimal fee, BigDecimal roundTripFees, BigDecimal maxSlippagePct,
        BigDecimal worstFill, long secondsLeft, String onExpiry, ConfidenceRecord confidence, EdgeRecord edge,
        boolean lowConfidence, boolean unproven, List<String> warnings) {

    /**
     * The measured direction accuracy of this source's calls in this confidence bucket at {@code horizon}: {@code
     * calls} directional calls, {@code hits} right, rate with its 95 % interval (0-1; null when nothing is measured).
     * {@code meaning} says it in words.
     */
    /**
     * The gate's figure for an entry's setup: {@code estimate} (scored calls, expectancy per trade net of the fee and
     * slippage round trip {@code roundTripPct}, its one-sided lower bound) at {@code horizon}; {@code atCall} whether it is
     * what the gate read when it let the entry through (false: the record as it stands now, after a restart).
     * {@code meaning} says it in words, horizon and costs named.
     */
    @RegisterForReflection
    public record EdgeRecord(String horizon, boolean atCall, io.signaldesk.core.edge.EdgeEstimate estimate, String meaning,
            String market) {
    }

    @RegisterForReflection
    public record ConfidenceRecord(int stated, String bucket, String source, String horizon, int calls, int hits,
            Double rate, Double low, Double high, String meaning) {
    }
}
