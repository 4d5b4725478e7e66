package io.signaldesk.decision.adapter.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.core.parity.DecisionParity;
import io.signaldesk.decision.backtest.BacktestDecision;
import io.signaldesk.decision.backtest.BacktestRequest;
import io.signaldesk.decision.backtest.BacktestService;
import io.signaldesk.decision.backtest.MarketTape;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.ledger.DecisionRepository;
import io.signaldesk.decision.engine.EngineExecutor;
import io.signaldesk.decision.engine.ModeService;
import io.signaldesk.decision.engine.ProposalService;
import io.signaldesk.decision.engine.RiskService;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.engine.port.FeedMessage;
import io.signaldesk.decision.support.Profiles;

/**
 * The same market, live and backtested, decides the same. The /ws/market frames the real feed pushed while replaying
 * six minutes of real Binance captures (BTC, ETH; {@code replay/README.md}) go once through the live path (the feed
 * client's frame handler, the intake, the engine thread, the ledger) and once through the backtest (the live engine's
 * classes on a scratch ledger and a simulated clock): the decisions, as (coin, outcome, direction, marketAt), are the
 * same list. RULES mode, and AI mode against a deterministic analyzer stub (enter a LONG, decline a SHORT, close at
 * every exit check). The rules' momentum threshold is 0.03 % here so six quiet minutes give decisions to compare.
 */
@QuarkusTest
@TestProfile(Profiles.EngineOn.class)
class ReplayParityTest {

    private static final String FIXTURE = "/replay/ws-market-btc-eth-20240808.jsonl.gz";

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    FeedClient feed;

    @Inject
    EngineExecutor executor;

    @Inject
    ModeService modes;

    @Inject
    ProposalService proposals;

    @Inject
    DecisionRepository decisions;

    @Inject
    BacktestService backtests;

    @Inject
    ObjectMapper mapper;

    @Inject
    RiskService risk;

    @Test
    void rulesModeDecidesTheSameLiveAndInTheBacktest() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(false, 7);

        DecisionParity.assertSameDecisions("RULES", live("R"), backtest("R", Mode.RULES), 5);
    }

    @Test
    void aiModeAgainstADeterministicModelDecidesTheSameLiveAndInTheBacktest() {
        analyzer.resetAll();
        DecisionParity.stubDeterministicModel(analyzer);
        modes.change(Mode.AI, Policy.VETO);
        proposals.configure(false, 7);

        List<String> live = live("A");
        DecisionParity.assertModelDecidedSome(live);
        DecisionParity.assertSameDecisions("AI", live, backtest("A", Mode.AI), 1);
    }

    /**
     * The risk governor's windows run on market time in a replay, as in the backtest: with a 60 s loss cooldown and
     * two entries an hour, the replay (a few seconds of wall time for six minutes of market) refuses and admits the
     * same entries, for the same limits, as the backtest of its frames; on the clock the cooldown would outlast it.
     */
    @Test
    void aReplayFasterThanRealTimeMeetsTheSameRiskRefusalsAsTheBacktest() {
        modes.change(Mode.RULES, Policy.VETO);
        proposals.configure(false, 7);
        RiskLimits before = risk.limits();
        risk.update(new RiskLimits(before.maxPositionPct(), before.maxOpenPositions(), before.maxGrossExposurePct(),
                before.dailyLossLimitPct(), 60, 2, before.safeModeAfterFailures(), before.maxSlippagePct()));
        try {
            List<String> live = withLimits(live("K", "replay#riskrun"), "K");
            List<String> backtest = backtestWithLimits("K");
            assertTrue(live.stream().anyMatch(d -> d.contains("|REFUSED|") && d.endsWith("|lossCooldownSeconds")),
                    "a losing exit cools entries down: " + live);
            assertTrue(live.stream().anyMatch(d -> d.endsWith("|maxEntriesPerHour")), "two entries an hour: " + live);
            DecisionParity.assertSameDecisions("RULES with risk limits", live, backtest, 1);
        } finally {
            risk.update(before);
        }
    }

    /** The live decisions of {@code suffix}'s coins with the limit that refused each ({@code |null} when none). */
    private List<String> withLimits(List<String> keys, String suffix) {
        List<Decision> all = new ArrayList<>(decisions.latest(100_000));
        java.util.Collections.reverse(all);
        List<Decision> mine = all.stream().filter(d -> d.coin().endsWith(suffix)).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            out.add(keys.get(i) + "|" + mine.get(i).refusedBy());
        }
        return out;
    }

    private List<String> backtestWithLimits(String suffix) {
        return backtestRun(suffix, Mode.RULES, frames(suffix)).stream()
                .map(d -> DecisionParity.key(d.coin(), d.outcome(), d.direction(), d.source(),
                        String.valueOf(d.marketAt())) + "|" + d.refusedBy())
                .toList();
    }

    /** The live path: every frame as the WebSocket delivered it, then the decisions the ledger holds for these coins. */
    private List<String> live(String suffix) {
        return live(suffix, null);
    }

    /** {@code market}: the frames' feed market renamed to it (a replay run of its own), unless null. */
    private List<String> live(String suffix, String market) {
        for (String frame : frames(suffix)) {
            if (market != null) {
                frame = frame.replaceAll("\"market\":\"replay#[0-9a-f]+\"", "\"market\":\"" + market + "\"");
            }
            feed.onFrame(frame);
        }
        executor.awaitIdle();
        List<Decision> all = new ArrayList<>(decisions.latest(100_000));
        java.util.Collections.reverse(all);
        return all.stream().filter(d -> d.coin().endsWith(suffix))
                .map(d -> DecisionParity.key(d.coin(), d.outcome().name(), d.direction() == null ? null : d.direction().name(),
                        d.source() == null ? null : d.source().label(), String.valueOf(d.marketAt())))
                .toList();
    }

    private List<String> backtest(String suffix, Mode mode) {
        return backtestRun(suffix, mode, frames(suffix)).stream()
                .map((BacktestDecision d) -> DecisionParity.key(d.coin(), d.outcome(), d.direction(), d.source(), String.valueOf(d.marketAt())))
                .toList();
    }

    private List<BacktestDecision> backtestRun(String suffix, Mode mode, List<String> frames) {
        MarketTape tape = new MarketTape() {
            @Override
            public String kind() {
                return "frames";
            }

            @Override
            public List<String> coins() {
                return List.of("BTC" + suffix, "ETH" + suffix);
            }

            @Override
            public List<String> notes() {
                return List.of();
            }

            @Override
            public Iterator<FeedMessage> frames() {
                return frames.stream().map(ReplayParityTest.this::asBacktestFrame).iterator();
            }
        };
        BacktestRequest sameAsLive = new BacktestRequest(null, null, null, null, mode.name(), null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        return backtests.replay(tape, sameAsLive).decisions();
    }

    private FeedMessage asBacktestFrame(String text) {
        try {
            FeedMessage frame = mapper.readValue(text, FeedMessage.class);
            return new FeedMessage(frame.type(), frame.coins().get(0).updatedAt(), frame.coins(), null, MarketTape.IDENTITY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded frames, their coins renamed (BTC → BTC{suffix}) so each test trades coins of its own. */
    private static List<String> frames(String suffix) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(ReplayParityTest.class.getResourceAsStream(FIXTURE)), StandardCharsets.UTF_8))) {
            return in.lines().map(line -> line.replace("\"coin\":\"BTC\"", "\"coin\":\"BTC" + suffix + "\"")
                    .replace("\"coin\":\"ETH\"", "\"coin\":\"ETH" + suffix + "\"")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
