package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.signaldesk.common.files.DataDirectory;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.engine.ModeService.ModeSetting;

/**
 * The edge gate in the live engine (run here through the backtest's {@code EngineKit}: the same classes), RULES mode,
 * fee 0.1 % + slippage 0.05 % (round trip 0.30 %), a horizon of 5 minutes (set here), at least 30 scored calls a setup:
 * <ul>
 * <li>a steady climb of 0.25 % a minute: every minute is a LONG call (momentum 0.25 %, confidence 6), each then
 * scored +1.25 % its way five minutes later. The regime's window (15 min) ranges over 0.60 % (twice the round trip)
 * from the fourth minute: ACTIVE. That setup's 30th call is scored 5 minutes after it is made; only then is it proven
 * (expected move 37.5 / (30 + 20) = 0.75 % &gt; 0.30 %, lower bound above zero), so the first 30+ ACTIVE calls are WAITs
 * "no measured edge" while they are scored, and then entries are proposed and traded;</li>
 * <li>a zig-zag of +0.25 % / -0.25 % a minute: the calls are right in direction as often as wrong and never clear
 * the round trip: the gate never proposes one.</li>
 * </ul>
 */
class EdgeGateTest {

    @TempDir
    Path data;

    @Test
    void coldSetupWaitsSayingHowManyScoredCallsItHasThenItsMeasuredEdgeOpensTheGate() throws Exception {
        BacktestReport report = run(climb(150), "gate", true);
        List<BacktestDecision> decisions = report.decisions();
        BacktestDecision first = decisions.get(0);
        assertEquals("NO_EDGE", first.outcome());
        assertEquals("WAIT", first.direction());
        assertTrue(first.ruleReason().startsWith("LONG: momentum 0.25%"), first.ruleReason()); // the analysis is kept
        assertTrue(first.ruleReason().contains("| no measured edge: TST LONG, rules (confidence 4-6, unknown market): "
                + "0 of 30 scored calls"), first.ruleReason());
        int firstProposed = indexOf(decisions, "PROPOSED");
        assertTrue(firstProposed > 0, "the gate opened once the setup had measured its edge");
        assertEquals("NO_EDGE", first.edgeVerdict());
        assertEquals("PROVEN", decisions.get(firstProposed).edgeVerdict());
        long activeWaits = decisions.subList(0, firstProposed).stream()
                .filter(d -> d.ruleReason().contains("active market")).count();
        assertTrue(activeWaits >= 34, "30 ACTIVE calls scored (the 30th 5 minutes after it was made) before the first "
                + "entry; WAITs before it: " + activeWaits);
        assertTrue(report.paper().trades() > 0, "the proven entries traded");
        Map<String, Object> edge = report.edge();
        assertEquals("gate", edge.get("mode"));
        assertTrue(((List<?>) edge.get("proven")).stream().anyMatch(p -> p.toString().startsWith(
                "TST LONG, rules, confidence 4-6, active market: expectancy +")), edge.toString());
    }

    @Test
    void aCoinFlipNeverPassesTheGate() throws Exception {
        BacktestReport report = run(zigzag(240), "gate", true);
        assertEquals(0, report.paper().entries());
        assertTrue(report.decisionCounts().get("NO_EDGE") > 60, report.decisionCounts().toString());
        assertFalse(report.decisionCounts().containsKey("PROPOSED"));
        assertTrue(report.decisions().stream().filter(d -> "NO_EDGE".equals(d.outcome()))
                .allMatch(d -> "NO_EDGE".equals(d.edgeVerdict())), "every stopped entry carries the gate's verdict");
        assertTrue(((List<?>) report.edge().get("proven")).isEmpty());
        assertFalse(((List<?>) report.edge().get("noEdge")).isEmpty(), "setups measured, without edge");
    }

    @Test
    void adviseProposesUnprovenEntriesMarkedSoThatNeverExecuteWithoutAPerson() throws Exception {
        BacktestReport report = run(climb(30), "advise", false); // confirmation off, auto-execution at confidence 1
        BacktestDecision first = report.decisions().get(0);
        assertEquals("PROPOSED", first.outcome());
        assertTrue(first.ruleReason().contains("| unproven (no measured edge): TST LONG"), first.ruleReason());
        assertEquals("UNPROVEN", first.edgeVerdict());
        assertEquals("PENDING", first.proposalStatus(), "an unproven entry waits for a person");
        assertEquals(0, report.paper().entries());
    }

    @Test
    void offProposesAtTheFirstCall() throws Exception {
        BacktestReport report = run(climb(10), "off", true);
        assertEquals("PROPOSED", report.decisions().get(0).outcome());
        assertFalse(report.decisions().get(0).ruleReason().contains("edge"));
        assertEquals("UNGATED", report.decisions().get(0).edgeVerdict());
    }

    /**
     * Six hours of the climb, train 2 h, test 1 h, step 1 h, the last hour held out: three windows (test hours 02-03,
     * 03-04, 04-05), each a fresh engine whose gate learns in its train hours and trades the climb in its test hour.
     */
    @Test
    void walkForwardMeasuresOnlyTheTestHoursOfWindowsThatLearnedFromTheirPast() throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), climb(360));
        WalkForward.Report report = service(true).walkForward(request("gate",
                new BacktestRequest.WalkForward(2, 1, null, null, null)));
        assertEquals(3, report.windows().size());
        WalkForward.Window first = report.windows().get(0);
        assertEquals(Instant.parse("2024-10-01T00:00:00Z"), first.trainFrom());
        assertEquals(Instant.parse("2024-10-01T02:00:00Z"), first.testFrom());
        assertEquals(Instant.parse("2024-10-01T03:00:00Z"), first.testTo());
        assertEquals(Instant.parse("2024-10-01T04:00:00Z"), report.windows().get(2).testFrom());
        assertTrue(report.holdout().startsWith("kept out, not read: 2024-10-01T05:00:00Z"), report.holdout());
        for (WalkForward.Window w : report.windows()) {
            assertEquals(0, w.entriesStoppedByGate(), "the train hours proved the setup: " + w);
            assertTrue(w.roundTrips() > 0 && w.returnPct().signum() > 0, w.toString());
        }
        assertTrue(WalkForward.markdown(report).contains("| 1 | 2024-10-01T02:00:00Z | 2024-10-01T03:00:00Z |"));
        // out of sample for each window's own record, yet its test hours from 03:00 are the defaults' tuning weeks
        assertEquals(io.signaldesk.core.strategy.Tuning.Kind.IN_SAMPLE, report.sample().kind());
        assertTrue(WalkForward.markdown(report).contains("\n**In-sample: the defaults were tuned on 2024-10-01 03:00"),
                WalkForward.markdown(report));
    }

    @Test
    void walkForwardRefusesOverlappingTestsAndAMissingTrainLengthNamingTheField() throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), climb(360));
        BacktestService service = service(true);
        BacktestInputException overlap = org.junit.jupiter.api.Assertions.assertThrows(BacktestInputException.class,
                () -> service.walkForward(request("gate", new BacktestRequest.WalkForward(2, 2, 1, null, null))));
        assertEquals("walkForward.stepHours", overlap.field());
        BacktestInputException missing = org.junit.jupiter.api.Assertions.assertThrows(BacktestInputException.class,
                () -> service.walkForward(request("gate", new BacktestRequest.WalkForward(null, 1, null, null, null))));
        assertEquals("walkForward.trainHours", missing.field());
        BacktestInputException tooLong = org.junit.jupiter.api.Assertions.assertThrows(BacktestInputException.class,
                () -> service.walkForward(request("gate", new BacktestRequest.WalkForward(5, 1, null, null, null))));
        assertEquals("walkForward.trainHours", tooLong.field()); // 6 h of data, 1 h held out: 5 + 1 do not fit
    }

    @Test
    void seedingHandsTheRunsScoredCallsToTheServicesTrackRecord() throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), climb(30));
        List<io.signaldesk.decision.engine.port.EdgeStore.ScoredCall> seeded = new java.util.ArrayList<>();
        List<String> markets = new java.util.ArrayList<>();
        BacktestService service = new BacktestService(() -> config(true), DataDirectory.confined(data, "the test"),
                (calls, market) -> {
                    seeded.addAll(calls);
                    markets.add(market);
                    return calls.size();
                });
        BacktestRequest base = request("gate", null);
        BacktestReport report = service.run(new BacktestRequest(base.files(), null, null, null, "RULES", null, null, null,
                null, null, null, null, base.feePct(), base.slippagePct(), null, null, null, null, null, null, null, null,
                null, null, 5000, "out", null, null, "gate", null, true));
        // 30 bars: a LONG call at every close from 00:02 to 00:30 (29, all stopped: fewer than 30 scored), of which
        // those whose 5 minutes have passed by the last close are scored: 00:02 .. 00:25, 24 calls
        assertEquals(24, seeded.size());
        assertTrue(seeded.stream().allMatch(c -> c.movePct().compareTo(new BigDecimal("1.25")) > 0), "each +1.2578 %");
        String unknown = io.signaldesk.decision.engine.EdgeService.SEED_UNKNOWN;
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("seeded the service's edge track record of " + unknown
                + " with 24 scored calls") && n.contains("TSTUSDT-1m.csv (sha256 ")), report.notes().toString());
        assertEquals(List.of(unknown), markets,
                "a hand-made climb named as Binance names its candles is no market's: the name says nothing");
    }

    @Test
    void seedingOnTheCommandLineAndAnUnknownEdgeModeAreRefusedNamingTheField() throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), climb(10));
        BacktestRequest base = request("gate", null);
        BacktestInputException noService = org.junit.jupiter.api.Assertions.assertThrows(BacktestInputException.class,
                () -> service(true).run(new BacktestRequest(base.files(), null, null, null, "RULES", null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        "out", null, null, null, null, true)));
        assertEquals("seedTrackRecord", noService.field());
        BacktestInputException mode = org.junit.jupiter.api.Assertions.assertThrows(BacktestInputException.class,
                () -> service(true).run(request("sometimes", null)));
        assertEquals("edgeMode", mode.field());
    }

    private BacktestReport run(String csv, String edgeMode, boolean confirm) throws Exception {
        Files.writeString(data.resolve("TSTUSDT-1m.csv"), csv);
        return service(confirm).run(request(edgeMode, null));
    }

    private BacktestService service(boolean confirm) {
        BacktestConfig live = config(confirm);
        return new BacktestService(() -> live, DataDirectory.confined(data, "the test"));
    }

    private static BacktestConfig config(boolean confirm) {
        // the arithmetic of this class is on a 5-minute horizon (the service's default is 15m)
        return new BacktestConfig(Map.of("strategy.edge.horizon", "5m"), new ModeSetting(Mode.RULES, Policy.VETO), confirm, 1,
                new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"), new BigDecimal("100"), 0, 1000, 3,
                        new BigDecimal("10")));
    }

    private static BacktestRequest request(String edgeMode, BacktestRequest.WalkForward walkForward) {
        return new BacktestRequest(Map.of("TST", "TSTUSDT-1m.csv"), null, null, null, "RULES", null, null,
                null, null, null, null, null, new BigDecimal("0.1"), new BigDecimal("0.05"), null, null, null, null, null,
                null, null, null, null, null, 5000, "out", null, null, edgeMode, walkForward, null);
    }

    /** {@code minutes} closes from 100 up 0.25 % a minute. */
    static String climb(int minutes) {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        BigDecimal price = BigDecimal.valueOf(100);
        Instant at = Instant.parse("2024-10-01T00:00:00Z");
        for (int i = 0; i < minutes; i++) {
            csv.append(row(at.plusSeconds(60L * i), price));
            price = price.multiply(new BigDecimal("1.0025")).setScale(8, RoundingMode.HALF_UP);
        }
        return csv.toString();
    }

    /** {@code minutes} closes alternating 100 and 100.25. */
    static String zigzag(int minutes) {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Instant at = Instant.parse("2024-10-01T00:00:00Z");
        for (int i = 0; i < minutes; i++) {
            csv.append(row(at.plusSeconds(60L * i), i % 2 == 0 ? new BigDecimal("100") : new BigDecimal("100.25")));
        }
        return csv.toString();
    }

    private static String row(Instant at, BigDecimal close) {
        String stamp = at.toString().replace('T', ' ').replace("Z", "");
        String p = close.toPlainString();
        return stamp + "," + p + "," + p + "," + p + "," + p + ",1\n";
    }

    private static int indexOf(List<BacktestDecision> decisions, String outcome) {
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).outcome().equals(outcome)) {
                return i;
            }
        }
        assertNotNull(null, "no " + outcome + " decision");
        return -1;
    }
}
