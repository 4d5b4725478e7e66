package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.evaluation.Trade;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;

/** Fills as the ledger writes them, paired into round trips for an evaluation. */
class ClosedTradesTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:03:00Z");
    private static final BigDecimal SLIP = new BigDecimal("0.05");

    @Test
    void pairsEachExitWithTheOldestEntryOfItsCoinAndTakesTheEntrysSourceAndConfidence() {
        // LONG 2 BTC marked 100: buy fill 100.05 (slippage 0.05 %), fee 0.2001; sold at mark 101: 100.9495, fee 0.201899;
        // realised 2 × 0.8995 - 0.2001 - 0.201899 = 1.397001, on 2 × 100.05 = 200.1 of notional: 0.698151 %
        List<Fill> fills = List.of(
                fill(1, "p1", ProposalKind.ENTRY, "BTC", "2", "100.05", "0", T0),
                fill(2, "p2", ProposalKind.ENTRY, "ETH", "1", "10.005", "0", T0.plusSeconds(30)),
                fill(3, "p3", ProposalKind.EXIT, "BTC", "2", "100.9495", "1.397001", T0.plusSeconds(300)));
        Map<String, Proposal> proposals = Map.of("p1", proposal("p1", "RULES+AI", 8));

        List<Trade> trades = ClosedTrades.of(fills, id -> Optional.ofNullable(proposals.get(id)), SLIP);

        assertEquals(1, trades.size(), "the ETH position is still open");
        Trade t = trades.get(0);
        assertEquals("BTC", t.coin());
        assertEquals("RULES+AI", t.source());
        assertEquals(8, t.confidence());
        assertEquals(100, t.entryMark(), 1e-9);
        assertEquals(101, t.exitMark(), 1e-9);
        assertEquals(0.698151, t.netPct(), 1e-6);
        assertEquals(T0.plusSeconds(300), t.exitAt());
    }

    private static Fill fill(long id, String proposal, ProposalKind kind, String coin, String qty, String price,
            String realized, Instant at) {
        return new Fill(id, proposal, kind, coin, PositionSide.LONG, new BigDecimal(qty), new BigDecimal(price),
                BigDecimal.ZERO, new BigDecimal(realized), null, at);
    }

    private static Proposal proposal(String id, String source, int confidence) {
        return new Proposal(id, ProposalKind.ENTRY, "BTC", PositionSide.LONG, BigDecimal.ONE, new BigDecimal("100"),
                confidence, null, source, Mode.HYBRID, Policy.AGREE, null, null, null, ProposalStatus.CONFIRMED, T0, T0,
                T0, null, null);
    }
}
