package io.signaldesk.core.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.trade.PositionSide;

/** Stop, target and exit-check timing at the defaults: stop 1.5 %, target 3 %, check every 10 s, adverse 0.5 %. */
class ExitPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private final ExitPolicy policy = new ExitPolicy(ExitSettings.DEFAULTS);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void stopAndTargetSitOnEitherSideOfTheEntry() {
        // LONG at 200: stop 200 x (1 - 0.015) = 197, target 200 x 1.03 = 206
        assertEquals(d("197.00000000"), policy.stopPrice(PositionSide.LONG, d("200")));
        assertEquals(d("206.00000000"), policy.targetPrice(PositionSide.LONG, d("200")));
        // SHORT at 200: stop 203, target 194
        assertEquals(d("203.00000000"), policy.stopPrice(PositionSide.SHORT, d("200")));
        assertEquals(d("194.00000000"), policy.targetPrice(PositionSide.SHORT, d("200")));
    }

    @ParameterizedTest(name = "LONG stop 197 target 206, mark {0} -> {1}")
    @CsvSource({
            "197.01, NONE",
            "197, STOP_LOSS",
            "196.99, STOP_LOSS",
            "205.99, NONE",
            "206, TAKE_PROFIT",
            "206.01, TAKE_PROFIT",
    })
    void longClosesAtOrBeyondItsLevels(String mark, String expected) {
        Optional<ExitTrigger> trigger = ExitPolicy.stopOrTarget(PositionSide.LONG, d("197"), d("206"), d(mark));
        assertEquals(expected, trigger.map(Enum::name).orElse("NONE"));
    }

    @ParameterizedTest(name = "SHORT stop 203 target 194, mark {0} -> {1}")
    @CsvSource({ "202.99, NONE", "203, STOP_LOSS", "194.01, NONE", "194, TAKE_PROFIT", "150, TAKE_PROFIT" })
    void shortClosesAtOrBeyondItsLevels(String mark, String expected) {
        Optional<ExitTrigger> trigger = ExitPolicy.stopOrTarget(PositionSide.SHORT, d("203"), d("194"), d(mark));
        assertEquals(expected, trigger.map(Enum::name).orElse("NONE"));
    }

    @Test
    void aMissingLevelNeverTriggersAndTriggersNameTheirOutcome() {
        assertTrue(ExitPolicy.stopOrTarget(PositionSide.LONG, null, null, d("1")).isEmpty());
        assertEquals(DecisionOutcome.STOP_LOSS, ExitTrigger.STOP_LOSS.outcome());
        assertEquals(DecisionOutcome.TAKE_PROFIT, ExitTrigger.TAKE_PROFIT.outcome());
    }

    @Test
    void theFirstCheckIsDueAtOnceThenEveryTenSeconds() {
        BigDecimal entry = d("100");
        assertEquals(Optional.of(ExitCheckReason.SCHEDULED), policy.checkDue(PositionSide.LONG, null, entry, T0, entry));
        // 9.999 s after the last check: not due; at 10 s: due
        assertEquals(Optional.empty(),
                policy.checkDue(PositionSide.LONG, T0, entry, T0.plus(Duration.ofMillis(9_999)), entry));
        assertEquals(Optional.of(ExitCheckReason.SCHEDULED),
                policy.checkDue(PositionSide.LONG, T0, entry, T0.plusSeconds(10), entry));
    }

    @ParameterizedTest(name = "{0} from 100 to {1}: adverse {2}")
    @CsvSource({
            // LONG: (99.51 - 100) / 100 = -0.49 % is not enough; -0.5 % is
            "LONG, 99.51, false",
            "LONG, 99.5, true",
            "LONG, 101, false",
            // SHORT: +0.5 % against it
            "SHORT, 100.49, false",
            "SHORT, 100.5, true",
            "SHORT, 99, false",
    })
    void anAdverseMoveOfHalfAPercentSinceTheLastCheckMakesOneDueEarly(PositionSide side, String mark, boolean adverse) {
        assertEquals(adverse, policy.adverse(side, d("100"), d(mark)));
        Optional<ExitCheckReason> due = policy.checkDue(side, T0, d("100"), T0.plusSeconds(1), d(mark));
        assertEquals(adverse ? Optional.of(ExitCheckReason.ADVERSE_MOVE) : Optional.empty(), due);
    }

    @Test
    void reasonsReadAsTheAuditTrailSaysThem() {
        assertEquals("scheduled exit check", ExitCheckReason.SCHEDULED.text());
        assertEquals("adverse move since last check", ExitCheckReason.ADVERSE_MOVE.text());
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExitSettings(BigDecimal.ZERO, d("3"), Duration.ofSeconds(10), d("0.5")));
        assertThrows(IllegalArgumentException.class,
                () -> new ExitSettings(d("1.5"), d("3"), Duration.ofSeconds(-1), d("0.5")));
        assertFalse(ExitSettings.DEFAULTS.checkEvery().isZero());
    }
}
