package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.core.contract.Contracts;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.decision.backtest.EngineKit;
import io.signaldesk.decision.backtest.SimulatedClock;
import io.signaldesk.decision.domain.Signal;
import io.signaldesk.decision.engine.SignalOutcomes.Outcome;
import io.signaldesk.decision.engine.port.FeedIdentity;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.decision.ledger.ScratchLedger;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.market.domain.MarketEvent;
import io.signaldesk.market.state.ReplayMarket;

/**
 * The engine's scoring on the shared price path (trading-core's contracts/horizon-price-path.jsonl, through
 * market-data's replay, as a feed replay pushes it) gives the calls' outcomes of contracts/horizon-outcomes.json: the
 * same ones the analyzer's model evaluator gives on the same path (its ReplayMarketTest), so their hit rates mean
 * the same thing.
 */
class HorizonPriceParityTest {

    private static final FeedIdentity FEED = new FeedIdentity("replay", "parity", "replay:parity");
    @Test
    void scoresTheSharedPricePathAsTheModelEvaluatorDoes() throws Exception {
        List<CoinSnapshot> frames = new ArrayList<>();
        ReplayMarket replay = new ReplayMarket(List.of("BTC"), Duration.ofSeconds(60), 10, Duration.ofMillis(10),
                frames::add);
        ObjectReader events = new ObjectMapper().findAndRegisterModules().readerFor(MarketEvent.class);
        for (String line : Contracts.fixture(Contracts.HORIZON_PRICE_PATH).split("\n")) {
            replay.accept(events.readValue(line));
        }
        replay.finish();
        JsonNode expected = Contracts.json(Contracts.HORIZON_OUTCOMES);
        List<JsonNode> calls = new ArrayList<>();
        expected.path("calls").forEach(calls::add);

        SimulatedClock clock = new SimulatedClock(frames.get(0).updatedAt());
        try (ScratchLedger ledger = ScratchLedger.open()) {
            EngineKit kit = Desk.rulesKit(ledger, StrategySettings.DEFAULTS, clock, Map.of("decision.scoring.horizons",
                    "1m,5m", "decision.feed.history-window", "30m", "decision.engine-enabled", "false"));
            for (CoinSnapshot frame : frames) {
                // a call at an instant sees the market before that instant's events, as an evaluator's sample does
                while (!calls.isEmpty() && !Instant.parse(calls.get(0).path("at").asText()).isAfter(frame.updatedAt())) {
                    JsonNode call = calls.remove(0);
                    Instant at = Instant.parse(call.path("at").asText());
                    clock.advanceTo(at);
                    BigDecimal mark = kit.market.price("BTC").orElseThrow();
                    assertEquals(0, new BigDecimal(call.path("price").asText()).compareTo(mark), "mark at " + at);
                    kit.scoring.record(new Signal("BTC", "PARITY", Direction.LONG, 7, mark, Direction.WAIT, at));
                }
                clock.advanceTo(frame.updatedAt());
                kit.accept(new FeedMessage("snapshot", frame.updatedAt(), List.of(frame), null, FEED));
                kit.scoring.scoreDue();
            }
            assertTrue(calls.isEmpty(), "every call was made within the path");

            List<Outcome> outcomes = kit.scoring.outcomes();
            List<String> scored = new ArrayList<>();
            for (JsonNode call : expected.path("calls")) {
                for (JsonNode want : call.path("outcomes")) {
                    Instant at = Instant.parse(call.path("at").asText());
                    Duration horizon = Duration.parse(want.path("horizon").asText());
                    Outcome outcome = outcomes.stream().filter(o -> o.signal().at().equals(at)
                            && o.horizon().equals(horizon)).findFirst().orElseThrow(() -> new AssertionError(
                                    "no outcome at " + at + " + " + horizon + " in " + outcomes));
                    assertEquals(new BigDecimal(want.path("movePct").asText()), outcome.movePct(), at + " + " + horizon);
                    assertEquals(Direction.valueOf(want.path("actual").asText()), outcome.actual(), at + " + " + horizon);
                    scored.add(at + "+" + horizon);
                }
            }
            assertEquals(scored.size(), outcomes.size(), "the horizons past the end stay unscored: " + outcomes);
        }
    }
}
