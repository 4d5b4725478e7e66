package io.signaldesk.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.decision.DecisionSource;
import io.signaldesk.core.decision.FallbackReason;
import io.signaldesk.core.trade.Direction;
import io.signaldesk.core.trade.PositionSide;

class VocabularyTest {

    @Test
    void aCoinIsOneToTwentyLettersOrDigitsUpperCased() {
        assertEquals("BTC", Coin.of("btc").symbol());
        assertEquals("W", Coin.of("W").symbol(), "Binance lists WUSDT");
        assertEquals("1000CHEEMS", Coin.of("1000cheems").symbol());
        assertEquals("BROCCOLI714", Coin.of("BROCCOLI714").symbol());
        assertTrue(Coin.valid("X".repeat(20)));
        assertFalse(Coin.valid("X".repeat(21)));
        assertFalse(Coin.valid(null));
        assertThrows(IllegalArgumentException.class, () -> Coin.of("BTC/USDT"));
        assertThrows(IllegalArgumentException.class, () -> Coin.of("BTC\u0000"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> Coin.of(""));
        assertEquals("coin " + Coin.MESSAGE + ", got ''", empty.getMessage());
    }

    @Test
    void positionSideAndDirectionMapOntoEachOther() {
        assertEquals(PositionSide.SHORT, PositionSide.LONG.opposite());
        assertEquals(Direction.SHORT, PositionSide.SHORT.direction());
        assertEquals(Optional.of(PositionSide.LONG), Direction.LONG.side());
        assertEquals(Optional.empty(), Direction.WAIT.side());
    }

    @Test
    void decisionSourcesKeepTheirStoredLabels() {
        assertEquals("RULES+AI", DecisionSource.RULES_AND_AI.label());
        assertEquals(Optional.of(DecisionSource.RULES_AND_AI), DecisionSource.fromLabel("rules+ai"));
        assertEquals(Optional.of(DecisionSource.RULES_FALLBACK), DecisionSource.fromLabel("RULES_FALLBACK"));
        assertEquals(Optional.empty(), DecisionSource.fromLabel("HYBRID"));
        assertEquals(Optional.of(FallbackReason.MODEL_DOWN), FallbackReason.parse("model_down"));
        assertEquals(Optional.empty(), FallbackReason.parse("NOPE"));
    }

    @Test
    void theMarkPriceIsMidElseLast() {
        CoinSnapshot both = snapshot("100", "100.5");
        assertEquals(new BigDecimal("100.5"), both.markPrice());
        assertEquals(new BigDecimal("100"), snapshot("100", null).markPrice());
        assertNull(snapshot(null, null).features().price());
    }

    private static CoinSnapshot snapshot(String last, String mid) {
        return new CoinSnapshot("BTC", "BTCUSDT", "BINANCE", last == null ? null : new BigDecimal(last), null, null,
                mid == null ? null : new BigDecimal(mid), null, null, null, null, null, null, null, null);
    }
}
