package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.signaldesk.decision.domain.RiskLimits;
import io.signaldesk.decision.domain.RiskVerdict;

/**
 * The governor on hand-computed cases. Limits: position 20 % of equity, 3 positions, gross 50 %, daily loss
 * 3 % of 10,000 = 300, 120 s after a loss, 20 entries an hour, safe mode after 3 failures, 0.2 % price move.
 * Account: equity 10,000, nothing open.
 */
class RiskGovernorTest {

    private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");
    private static final RiskLimits LIMITS = new RiskLimits(new BigDecimal("20"), 3, new BigDecimal("50"),
            new BigDecimal("3"), 120, 20, 3, new BigDecimal("0.2"));

    private static RiskGovernor.Book book(int open, String gross, String pnlToday, int entries, Instant lastLoss,
            boolean halted, boolean safeMode) {
        return new RiskGovernor.Book(new BigDecimal("10000"), new BigDecimal("10000"), open, new BigDecimal(gross),
                new BigDecimal(pnlToday), entries, lastLoss, halted, safeMode, NOW);
    }

    private static RiskGovernor.Book flat() {
        return book(0, "0", "0", 0, null, false, false);
    }

    private static RiskVerdict btc(String size, RiskGovernor.Book book) {
        return btc(size, book, "RULES");
    }

    private static RiskVerdict btc(String size, RiskGovernor.Book book, String source) {
        return RiskGovernor.check(new RiskGovernor.Entry("BTC", new BigDecimal(size), new BigDecimal("95000"), source),
                book, LIMITS);
    }

    private static void refused(String limit, RiskVerdict verdict) {
        assertFalse(verdict.allowed(), verdict.toString());
        assertEquals(limit, verdict.refusedBy());
        assertNull(verdict.size());
    }

    private static void sized(String size, String resizedBy, RiskVerdict verdict) {
        assertTrue(verdict.allowed(), verdict.toString());
        assertEquals(new BigDecimal(size), verdict.size());
        assertEquals(resizedBy, verdict.resizedBy());
    }

    @Test
    void allowsAnEntryWithinEveryLimitAtItsSize() {
        sized("0.01", null, btc("0.01", flat())); // 950 USDT: under 2,000 and under 5,000
    }

    @Test
    void cutsAMillionBitcoinsToTwentyPercentOfEquity() {
        // 2,000 / 95,000 = 0.0210526..., rounded down to 6 decimals
        sized("0.021052", "maxPositionPct", btc("1000000", flat()));
        sized("0.021052", "maxPositionPct", btc("1", flat()));
    }

    @Test
    void cutsToTheGrossExposureLeftAndRefusesWhenNoneIsLeft() {
        // 5,000 allowed, 4,500 open: 500 / 95,000 = 0.00526315... -> 0.005263
        sized("0.005263", "maxGrossExposurePct", btc("0.01", book(1, "4500", "0", 0, null, false, false)));
        // both cut: 20 % first (0.021052), then the 500 left
        sized("0.005263", "maxGrossExposurePct", btc("1", book(1, "4500", "0", 0, null, false, false)));
        refused("maxGrossExposurePct", btc("0.01", book(2, "5000", "0", 0, null, false, false)));
        refused("maxGrossExposurePct", btc("0.000001", book(2, "4999.99", "0", 0, null, false, false)));
    }

    @Test
    void refusesAFourthPosition() {
        sized("0.01", null, btc("0.01", book(2, "1000", "0", 0, null, false, false)));
        refused("maxOpenPositions", btc("0.01", book(3, "1000", "0", 0, null, false, false)));
    }

    @Test
    void refusesOnceTodaysLossReachesThreePercentOfTheInitialEquity() {
        sized("0.01", null, btc("0.01", book(0, "0", "-299.99", 0, null, false, false)));
        refused("dailyLossLimitPct", btc("0.01", book(0, "0", "-300", 0, null, false, false)));
        refused("dailyLossLimitPct", btc("0.01", book(0, "0", "-1000", 0, null, false, false)));
    }

    @Test
    void coolsDownForTwoMinutesAfterALosingExit() {
        refused("lossCooldownSeconds", btc("0.01", book(0, "0", "0", 0, NOW.minusSeconds(119), false, false)));
        sized("0.01", null, btc("0.01", book(0, "0", "0", 0, NOW.minusSeconds(120), false, false)));
    }

    @Test
    void refusesTheTwentyFirstEntryOfTheHour() {
        sized("0.01", null, btc("0.01", book(0, "0", "0", 19, null, false, false)));
        refused("maxEntriesPerHour", btc("0.01", book(0, "0", "0", 20, null, false, false)));
    }

    @Test
    void haltRefusesEveryEntryBeforeAnyOtherLimit() {
        refused("halted", btc("0.01", book(0, "0", "0", 0, null, true, false)));
        refused("halted", btc("0.01", book(3, "5000", "-500", 20, NOW, true, true), "AI"));
    }

    @Test
    void safeModeRefusesEntriesTheModelDecidedButNotTheRules() {
        RiskGovernor.Book safe = book(0, "0", "0", 0, null, false, true);
        refused("safeMode", btc("0.01", safe, "AI"));
        refused("safeMode", btc("0.01", safe, "HYBRID"));
        refused("safeMode", btc("0.01", safe, "ANALYZER_RULES"));
        // the rules standing in for a model that does not answer (AI or HYBRID mode) needed the model too
        refused("safeMode", btc("0.01", safe, "RULES_FALLBACK"));
        refused("safeMode", btc("0.01", safe, "RULES+AI"));
        sized("0.01", null, btc("0.01", safe, "RULES"));
        sized("0.01", null, btc("0.01", flat(), "AI"));
    }

    @Test
    void refusesAPriceThatMovedMoreThanTheSlippageLimitEitherWay() {
        BigDecimal quoted = new BigDecimal("95000");
        assertTrue(RiskGovernor.slippage(quoted, new BigDecimal("95190"), LIMITS).isEmpty()); // exactly 0.2 %
        assertTrue(RiskGovernor.slippage(quoted, new BigDecimal("94810"), LIMITS).isEmpty());
        assertEquals("maxSlippagePct", RiskGovernor.slippage(quoted, new BigDecimal("95191"), LIMITS).orElseThrow().refusedBy());
        assertEquals("maxSlippagePct", RiskGovernor.slippage(quoted, new BigDecimal("94809"), LIMITS).orElseThrow().refusedBy());
        // the case: shown at 95,321.1, the mark 17 s later 95,513: 191.9 / 95,321.1 = 0.20132 % (filled at 95,560.76 with 0.05 % paper slippage)
        RiskVerdict moved = RiskGovernor.slippage(new BigDecimal("95321.1"), new BigDecimal("95513"), LIMITS).orElseThrow();
        assertTrue(moved.reason().contains("moved 0.20132 %"), moved.reason());
    }
}
