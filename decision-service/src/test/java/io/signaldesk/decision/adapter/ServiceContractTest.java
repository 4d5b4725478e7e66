package io.signaldesk.decision.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.rules.RuleSignal;
import io.signaldesk.core.rules.TradingRules;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryRequest;
import io.signaldesk.decision.engine.port.AnalyzerPort.EntryResult;
import io.signaldesk.decision.engine.port.AnalyzerPort.MarketContext;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.WireMockAnalyzer;
import io.signaldesk.decision.engine.port.AiAnswer;
import io.signaldesk.decision.adapter.analyzer.AnalyzerClient;
import io.signaldesk.decision.engine.port.FeedMessage;

/**
 * This service's side of the contracts (trading-core's contracts/ fixtures): it reads the feed's /ws/market frame,
 * sends the analyzer the entry request of the contract and reads the analyzer's streamed answer. The feed's and the
 * analyzer's own contract tests produce and read the very same files.
 */
@QuarkusTest
@QuarkusTestResource(WireMockAnalyzer.class)
class ServiceContractTest {

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    ObjectMapper mapper;

    @Inject
    Desk desk;

    @Inject
    AnalyzerClient analyzerClient;

    @Inject
    TradingRules rules;

    @BeforeEach
    void reset() {
        analyzer.resetAll();
        desk.analyzerAsAtStart();
        desk.engine().resetCooldowns();
        desk.proposals().configure(true, 7);
    }

    private FeedMessage frame() throws Exception {
        return mapper.readValue(Contracts.fixture(Contracts.FEED_WS_SNAPSHOT), FeedMessage.class);
    }

    @Test
    void readsTheFeedsSnapshotFrame() throws Exception {
        FeedMessage frame = frame();

        assertEquals("snapshot", frame.type());
        assertEquals("replay#run1", frame.identity().market());
        assertEquals("replay", frame.identity().source());
        CoinSnapshot btc = frame.coins().get(0);
        assertEquals("BTC", btc.coin());
        assertEquals("BINANCE", btc.venue());
        assertEquals(0, new BigDecimal("100.55").compareTo(btc.markPrice()), "mid of 100.4 / 100.7");
        assertEquals(0, new BigDecimal("0.6").compareTo(btc.momentum60sPct()));
        assertEquals(0, new BigDecimal("0.6667").compareTo(btc.bookImbalance().bidShare()));
        assertEquals(2, btc.trades60s().buyCount());
        assertEquals(0, new BigDecimal("3").compareTo(btc.trades60s().buyVolume()));
        assertEquals(0, new BigDecimal("0.5").compareTo(btc.trades60s().sellVolume()));
        assertEquals(Instant.parse("2026-11-25T12:00:50Z"), btc.updatedAt(), "marketAt of a decision on it");
        // the rules read it: +0.6 % (>= 0.2), bids 0.6667 (>= 0.55), buys 3 >= 1.2 x 0.5 -> LONG, 6 + 1 + 1 + 1 = 9
        RuleSignal signal = rules.evaluate(btc);
        assertEquals(Direction.LONG, signal.direction());
        assertEquals(9, signal.confidence());
        CoinSnapshot eth = frame.coins().get(1);
        assertEquals("ETH", eth.coin());
        assertNull(eth.markPrice(), "not seen yet: every feature null");
        assertEquals(Direction.WAIT, rules.evaluate(eth).direction());
    }

    @Test
    void sendsTheEntryRequestOfTheContractAndReadsTheStreamedAnswer() throws Exception {
        stubAnalyzerAnswer();
        desk.modes().change(Mode.HYBRID, Policy.VETO);
        FeedMessage frame = frame();
        desk.market().accept(frame);
        CoinSnapshot btc = frame.coins().get(0);

        Decision decision = desk.engine().evaluateEntry(btc).orElseThrow();

        List<LoggedRequest> sent = analyzer.findAll(postRequestedFor(urlEqualTo("/api/analysis/entry")));
        assertEquals(1, sent.size());
        Contracts.assertProduces(Contracts.ANALYZER_ENTRY_REQUEST, sent.get(0).getBodyAsString(), "market.asOf");
        // the analyzer answered from its rules (MODE_RULES): the engine's rules decide, labelled as a fallback
        assertEquals(DecisionSource.RULES_FALLBACK, decision.source());
        assertEquals("MODE_RULES", decision.fallbackReason());
        assertEquals(Instant.parse("2026-11-25T12:00:50Z"), decision.marketAt());
    }

    @Test
    void readsTheAnalyzersStreamedEntryAnswer() throws Exception {
        stubAnalyzerAnswer();
        CoinSnapshot btc = frame().coins().get(0);

        AiAnswer<EntryResult> answer = analyzerClient.entry(new EntryRequest("BTC", PositionSide.LONG.name(),
                btc.markPrice(), MarketContext.of(btc, Instant.parse("2026-11-25T12:00:51Z"))));

        assertTrue(answer.available());
        assertFalse(answer.fromModel(), "a rules answer is never taken for the model's");
        assertEquals("MODE_RULES", answer.whyNoModel());
        assertTrue(answer.result().enter());
        assertEquals(9, answer.result().confidence());
    }

    private void stubAnalyzerAnswer() {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).withHeader("Accept", containing("text/event-stream"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(Contracts.fixture(Contracts.ANALYZER_ENTRY_EVENTS))));
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).withHeader("Accept", containing("application/json"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(Contracts.fixture(Contracts.ANALYZER_ENTRY_ANSWER))));
    }
}
