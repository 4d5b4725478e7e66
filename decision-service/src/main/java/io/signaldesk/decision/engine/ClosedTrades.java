package io.signaldesk.decision.engine;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.signaldesk.core.evaluation.Trade;
import io.signaldesk.core.paper.PaperMath;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Proposal;

/**
 * The ledger's fills as closed round trips for an evaluation: each exit paired with the oldest open entry of its coin,
 * the net result its realised P&amp;L over the entry notional, the marks its fill prices before the slippage, and the
 * source and confidence of the entry's proposal.
 */
public final class ClosedTrades {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ClosedTrades() {
    }

    /** {@code fills} oldest first; {@code proposals} finds a fill's proposal (its source and confidence). */
    public static List<Trade> of(List<Fill> fills, Function<String, Optional<Proposal>> proposals, BigDecimal slippagePct) {
        Map<String, Deque<Fill>> open = new HashMap<>();
        List<Trade> trades = new ArrayList<>();
        for (Fill fill : fills) {
            if (fill.kind() == ProposalKind.ENTRY) {
                open.computeIfAbsent(fill.coin(), c -> new ArrayDeque<>()).addLast(fill);
                continue;
            }
            Deque<Fill> entries = open.get(fill.coin());
            Fill entry = entries == null ? null : entries.pollFirst();
            if (entry == null || entry.qty().signum() == 0) {
                continue; // an exit of a position opened before these fills: nothing to pair it with
            }
            Optional<Proposal> proposal = entry.proposalId() == null ? Optional.empty() : proposals.apply(entry.proposalId());
            double notional = fill.qty().multiply(entry.price()).doubleValue();
            trades.add(new Trade(fill.coin(), proposal.map(Proposal::source).orElse("UNKNOWN"),
                    proposal.map(Proposal::confidence).orElse(0), entry.side(), entry.at(), fill.at(),
                    mark(entry, slippagePct), mark(fill, slippagePct), fill.realizedPnl().doubleValue() / notional * 100));
        }
        return trades;
    }

    /** The mark a fill was made at: its price with the slippage taken back out. */
    private static double mark(Fill fill, BigDecimal slippagePct) {
        double factor = slippagePct.divide(HUNDRED).doubleValue();
        double price = fill.price().doubleValue();
        return PaperMath.buys(fill.kind(), fill.side()) ? price / (1 + factor) : price / (1 - factor);
    }
}
