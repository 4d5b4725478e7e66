package io.signaldesk.decision.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.engine.EngineExecutor;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;
import io.signaldesk.decision.engine.port.FeedIdentity;

@QuarkusTest
@TestProfile(Profiles.EngineOn.class)
class FeedFrameEngineTest {

    @Inject
    FeedClient feed;

    @Inject
    EngineExecutor executor;

    @Inject
    ModeService modes;

    @Inject
    ProposalService proposals;

    @Inject
    ObjectMapper mapper;

    @Inject
    io.signaldesk.decision.ledger.DecisionRepository decisions;

    @BeforeEach
    void rulesModeWithConfirmation() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(true, 7);
    }

    @Test
    void aFrameWithALongSetupProposesAnEntryWithoutWaitingForTheScheduler() throws Exception {
        feed.onFrame(mapper.writeValueAsString(Market.snapshot(Market.bullish("FF1", "1000"))));
        executor.awaitIdle();

        List<Proposal> entries = pendingEntries("FF1");
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(PositionSide.LONG, entries.get(0).side());
        assertEquals("RULES", entries.get(0).source());
    }

    @Test
    void framesEverySecondForTheSameCoinDoNotFloodProposals() throws Exception {
        for (String price : new String[] { "2000", "2001", "2002", "2003", "2004" }) {
            feed.onFrame(mapper.writeValueAsString(Market.snapshot(Market.bullish("FF2", price))));
        }
        executor.awaitIdle();
        feed.onFrame(mapper.writeValueAsString(Market.snapshot(Market.bullish("FF2", "2005"))));
        executor.awaitIdle();

        assertEquals(1, pendingEntries("FF2").size());
    }

    @Test
    void aFrameWithoutASetupProposesNothing() throws Exception {
        feed.onFrame(mapper.writeValueAsString(Market.snapshot(Market.flat("FF3", "3000"))));
        executor.awaitIdle();

        assertEquals(List.of(), pendingEntries("FF3"));
    }

    @Test
    void aReplaysFramesAreEachEvaluatedInOrderWithTheCooldownOnMarketTime() throws Exception {
        FeedIdentity replay = new FeedIdentity("replay", "r1", "replay#r1");
        Instant t0 = Instant.parse("2024-08-08T23:55:00Z");
        feed.onFrame(mapper.writeValueAsString(Market.snapshot(replay, Market.at(Market.bullish("FR1", "1000"), t0))));
        executor.awaitIdle();
        assertEquals(1, pendingEntries("FR1").size());
        pendingEntries("FR1").forEach(proposals::reject);
        // 10 s of market time later: still within the 30 s entry cooldown, however much wall time passed
        feed.onFrame(mapper.writeValueAsString(Market.snapshot(replay,
                Market.at(Market.bullish("FR1", "1001"), t0.plusSeconds(10)))));
        executor.awaitIdle();
        assertEquals(List.of(), pendingEntries("FR1"));
        // 31 s of market time later (a few milliseconds of wall time): the cooldown is over
        feed.onFrame(mapper.writeValueAsString(Market.snapshot(replay,
                Market.at(Market.bullish("FR1", "1002"), t0.plusSeconds(31)))));
        executor.awaitIdle();

        List<Proposal> entries = pendingEntries("FR1");
        assertEquals(1, entries.size(), entries.toString());
        assertEquals(0, new java.math.BigDecimal("1002").compareTo(entries.get(0).price()));
        var decision = decisions.latest(200).stream().filter(d -> d.coin().equals("FR1")).findFirst().orElseThrow();
        assertEquals(t0.plusSeconds(31), decision.marketAt());
    }

    private List<Proposal> pendingEntries(String coin) {
        return proposals.list(ProposalStatus.PENDING, 200).stream()
                .filter(p -> p.coin().equals(coin) && p.kind() == ProposalKind.ENTRY).toList();
    }
}
