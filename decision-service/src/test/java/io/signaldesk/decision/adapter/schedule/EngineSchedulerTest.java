package io.signaldesk.decision.adapter.schedule;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.ProposalStatus;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Analyzer;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.engine.ExitChecks;

@QuarkusTest
class EngineSchedulerTest {

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    ExitChecks scheduler;

    @Inject
    Desk desk;

    @Test
    void checksExitsOnScheduleThenEarlyOnlyOnAnAdverseMove() {
        analyzer.resetAll();
        desk.analyzerAsAtStart();
        desk.proposals().configure(true, 7);
        desk.modes().change(Mode.RULES, Policy.VETO);
        CoinSnapshot opened = Market.bullish("AD1", "1000");
        desk.market().accept(Market.snapshot(opened));
        desk.engine().resetCooldowns();
        desk.proposals().confirm(desk.proposals().find(desk.engine().evaluateEntry(opened).orElseThrow().proposalId()).orElseThrow(), null);
        Position position = desk.trading().position("AD1").orElseThrow();
        desk.modes().change(Mode.AI, Policy.VETO);
        Analyzer.answers(analyzer, "/api/analysis/exit", "exit-close.json");

        CoinSnapshot first = Market.flat("AD1", "1000");
        desk.market().accept(Market.snapshot(first));
        scheduler.manage(position, first); // first check is due at once
        analyzer.verify(1, postRequestedFor(urlEqualTo("/api/analysis/exit")));
        desk.proposals().list(ProposalStatus.PENDING, 100).stream().filter(p -> p.coin().equals("AD1"))
                .forEach(desk.proposals()::reject);

        CoinSnapshot small = Market.flat("AD1", "999"); // 0.1 % against: below the 0.5 % adverse threshold
        desk.market().accept(Market.snapshot(small));
        scheduler.manage(position, small);
        analyzer.verify(1, postRequestedFor(urlEqualTo("/api/analysis/exit")));

        CoinSnapshot adverse = Market.flat("AD1", "993"); // 0.7 % against since the last check
        desk.market().accept(Market.snapshot(adverse));
        scheduler.manage(position, adverse);
        analyzer.verify(2, postRequestedFor(urlEqualTo("/api/analysis/exit")));
        var exit = desk.proposals().list(ProposalStatus.PENDING, 100).stream()
                .filter(p -> p.coin().equals("AD1") && p.kind() == ProposalKind.EXIT).findFirst().orElseThrow();
        assertTrue(exit.aiReason().contains("adverse move since last check"), exit.aiReason());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> desk.proposals().find(exit.id())
                .orElseThrow().aiReason().contains("Bids are thinning"));
        assertEquals(position.qty(), exit.size());
    }
}
