package io.signaldesk.decision.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.domain.ProposalKind;
import io.signaldesk.decision.domain.Side;

class PaperMathTest {

    private static final BigDecimal SLIPPAGE = new BigDecimal("0.05");
    private static final BigDecimal FEE = new BigDecimal("0.1");

    @Test
    void slippageGoesAgainstUsOnEveryFill() {
        BigDecimal mark = new BigDecimal("1000");
        assertEquals(new BigDecimal("1000.50000000"), PaperMath.fillPrice(ProposalKind.ENTRY, Side.LONG, mark, SLIPPAGE));
        assertEquals(new BigDecimal("999.50000000"), PaperMath.fillPrice(ProposalKind.EXIT, Side.LONG, mark, SLIPPAGE));
        assertEquals(new BigDecimal("999.50000000"), PaperMath.fillPrice(ProposalKind.ENTRY, Side.SHORT, mark, SLIPPAGE));
        assertEquals(new BigDecimal("1000.50000000"), PaperMath.fillPrice(ProposalKind.EXIT, Side.SHORT, mark, SLIPPAGE));
    }

    @Test
    void longRoundTripRealisesTheMoveMinusBothFees() {
        BigDecimal qty = new BigDecimal("0.5");
        BigDecimal entry = new BigDecimal("1000.5");
        BigDecimal exit = new BigDecimal("1099.45");
        BigDecimal entryFee = PaperMath.fee(qty, entry, FEE);
        BigDecimal exitFee = PaperMath.fee(qty, exit, FEE);
        assertEquals(new BigDecimal("0.50025000"), entryFee);
        assertEquals(new BigDecimal("0.54972500"), exitFee);
        BigDecimal realized = PaperMath.grossPnl(Side.LONG, entry, exit, qty).subtract(entryFee).subtract(exitFee);
        assertEquals(new BigDecimal("48.42502500"), realized);
    }

    @Test
    void shortGainsWhenThePriceFallsAndUnrealisedCountsTheEntryFee() {
        Position position = new Position("ETH", Side.SHORT, new BigDecimal("2"), new BigDecimal("3000"),
                new BigDecimal("6"), null, null, Instant.now(), "p");
        assertEquals(new BigDecimal("194.00000000"), PaperMath.unrealized(position, new BigDecimal("2900")));
    }

    @Test
    void stopsAndTargetsSitOnTheRightSide() {
        BigDecimal price = new BigDecimal("200");
        assertEquals(new BigDecimal("197.00000000"), PaperMath.offset(price, Side.LONG, new BigDecimal("1.5"), true));
        assertEquals(new BigDecimal("206.00000000"), PaperMath.offset(price, Side.LONG, new BigDecimal("3"), false));
        assertEquals(new BigDecimal("203.00000000"), PaperMath.offset(price, Side.SHORT, new BigDecimal("1.5"), true));
        assertEquals(new BigDecimal("194.00000000"), PaperMath.offset(price, Side.SHORT, new BigDecimal("3"), false));
    }

    @Test
    void sizesAPercentOfEquityRoundedDown() {
        assertEquals(new BigDecimal("0.002105"),
                PaperMath.quantity(new BigDecimal("10000"), new BigDecimal("2"), new BigDecimal("95000.10")));
    }
}
