package io.signaldesk.core.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.trade.PositionSide;
import io.signaldesk.core.trade.ProposalKind;

/** Fill prices, fees and P&L at the paper defaults: slippage 0.05 %, fee 0.1 %. */
class PaperMathTest {

    private static final BigDecimal SLIPPAGE = new BigDecimal("0.05");
    private static final BigDecimal FEE = new BigDecimal("0.1");

    @Test
    void buysAreLongEntriesAndShortExits() {
        assertTrue(PaperMath.buys(ProposalKind.ENTRY, PositionSide.LONG));
        assertTrue(PaperMath.buys(ProposalKind.EXIT, PositionSide.SHORT));
        assertFalse(PaperMath.buys(ProposalKind.EXIT, PositionSide.LONG));
        assertFalse(PaperMath.buys(ProposalKind.ENTRY, PositionSide.SHORT));
    }

    @Test
    void slippageGoesAgainstUsOnEveryFill() {
        BigDecimal mark = new BigDecimal("1000");
        // 1000 x 1.0005 = 1000.5 for a buy, 1000 x 0.9995 = 999.5 for a sell
        assertEquals(new BigDecimal("1000.50000000"),
                PaperMath.fillPrice(ProposalKind.ENTRY, PositionSide.LONG, mark, SLIPPAGE));
        assertEquals(new BigDecimal("999.50000000"),
                PaperMath.fillPrice(ProposalKind.EXIT, PositionSide.LONG, mark, SLIPPAGE));
        assertEquals(new BigDecimal("999.50000000"),
                PaperMath.fillPrice(ProposalKind.ENTRY, PositionSide.SHORT, mark, SLIPPAGE));
        assertEquals(new BigDecimal("1000.50000000"),
                PaperMath.fillPrice(ProposalKind.EXIT, PositionSide.SHORT, mark, SLIPPAGE));
    }

    @Test
    void longRoundTripRealisesTheMoveMinusBothFees() {
        BigDecimal qty = new BigDecimal("0.5");
        BigDecimal entry = new BigDecimal("1000.5");
        BigDecimal exit = new BigDecimal("1099.45");
        // fees: 0.5 x 1000.5 x 0.1 % = 0.50025; 0.5 x 1099.45 x 0.1 % = 0.549725
        BigDecimal entryFee = PaperMath.fee(qty, entry, FEE);
        BigDecimal exitFee = PaperMath.fee(qty, exit, FEE);
        assertEquals(new BigDecimal("0.50025000"), entryFee);
        assertEquals(new BigDecimal("0.54972500"), exitFee);
        // gross (1099.45 - 1000.5) x 0.5 = 49.475; net 49.475 - 0.50025 - 0.549725 = 48.425025
        assertEquals(new BigDecimal("49.47500000"), PaperMath.grossPnl(PositionSide.LONG, entry, exit, qty));
        assertEquals(new BigDecimal("48.42502500"), PaperMath.netPnl(PositionSide.LONG, entry, exit, qty, entryFee, exitFee));
    }

    @Test
    void anOpenShortIsWorthWhatItsExitFillWouldRealiseNotTheMoveAtTheMark() {
        // short 2 @ 3000, entry fee 6, mark 2900, fee 0.1 %, slippage 0.05 %: the closing buy fills at 2900 x 1.0005 =
        // 2901.45, pays 2 x 2901.45 x 0.1 % = 5.8029; (3000 - 2901.45) x 2 = 197.10 - 6 - 5.8029 = 185.2971
        // (at the mark, the entry fee alone taken: 194, 8.70 better than closing would give)
        ExitFill exit = new FeeModel(FEE, new BigDecimal("0.05")).exit(PositionSide.SHORT, new BigDecimal("3000"),
                new BigDecimal("2"), new BigDecimal("6"), new BigDecimal("2900"));
        assertEquals(new BigDecimal("2901.45000000"), exit.price());
        assertEquals(new BigDecimal("5.80290000"), exit.fee());
        assertEquals(new BigDecimal("185.29710000"), exit.netPnl());
        // the same short losing: (3000 - 3100) x 2 = -200
        assertEquals(new BigDecimal("-200.00000000"),
                PaperMath.grossPnl(PositionSide.SHORT, new BigDecimal("3000"), new BigDecimal("3100"), new BigDecimal("2")));
    }

    @Test
    void offsetsSitOnTheRightSide() {
        BigDecimal price = new BigDecimal("200");
        assertEquals(new BigDecimal("197.00000000"), PaperMath.offset(price, PositionSide.LONG, new BigDecimal("1.5"), true));
        assertEquals(new BigDecimal("206.00000000"), PaperMath.offset(price, PositionSide.LONG, new BigDecimal("3"), false));
        assertEquals(new BigDecimal("203.00000000"), PaperMath.offset(price, PositionSide.SHORT, new BigDecimal("1.5"), true));
        assertEquals(new BigDecimal("194.00000000"), PaperMath.offset(price, PositionSide.SHORT, new BigDecimal("3"), false));
    }

    @Test
    void sizesAPercentOfEquityRoundedDown() {
        // 10000 x 2 % = 200 USDT; 200 / 95000.10 = 0.0021052609... -> 0.002105 (down, 6 decimals)
        assertEquals(new BigDecimal("0.002105"),
                PaperMath.quantity(new BigDecimal("10000"), new BigDecimal("2"), new BigDecimal("95000.10")));
    }
}
