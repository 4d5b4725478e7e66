package io.signaldesk.decision.engine;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.domain.Fill;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/**
 * An open position's unrealised P&amp;L is what closing it would realise: the exit fill's slippage and fee are taken from
 * the mark (the service's defaults: fee 0.1 %, slippage 0.05 %), so the figure the Portfolio panel, GET /api/portfolio
 * and decision.pnl.unrealized show before an exit is the figure the exit then realises at that mark.
 */
@QuarkusTest
class UnrealisedPnlTest {

    @Inject
    Desk desk;

    @Inject
    PaperTradingService trading;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
    }

    @Test
    void anOpenPositionIsWorthWhatClosingItAtTheMarkWouldRealiseNotTheMoveToTheMark() {
        String id = desk.proposeEntry(Market.bullish("UR1", "100"));
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(200);
        Position position = trading.position("UR1").orElseThrow();
        assertEquals(0, new BigDecimal("100.05").compareTo(position.entryPrice()), "100 + 0.05 % slippage");

        // the rules turn against the LONG at 102: the closing sell would fill at 102 x (1 - 0.05 %) = 101.949
        CoinSnapshot turned = Market.bearish("UR1", "102");
        desk.tick(turned);
        JsonPath shown = new JsonPath(given().get("/api/portfolio").then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .setRootPath("positions.find { it.position.coin == 'UR1' }");
        BigDecimal qty = position.qty();
        // fee and P&L at 8 decimals, half up, as every fill's
        BigDecimal exitFee = qty.multiply(new BigDecimal("101.949")).multiply(new BigDecimal("0.001"))
                .setScale(8, RoundingMode.HALF_UP);
        BigDecimal closing = new BigDecimal("101.949").subtract(position.entryPrice()).multiply(qty)
                .setScale(8, RoundingMode.HALF_UP).subtract(position.entryFee()).subtract(exitFee);
        BigDecimal atTheMark = new BigDecimal("102").subtract(position.entryPrice()).multiply(qty)
                .subtract(position.entryFee());
        assertNumber("102", shown.getObject("markPrice", BigDecimal.class));
        assertNumber("101.949", shown.getObject("exitPrice", BigDecimal.class));
        assertNumber(exitFee.toPlainString(), shown.getObject("exitFee", BigDecimal.class));
        assertNumber(closing.toPlainString(), shown.getObject("unrealizedPnl", BigDecimal.class));
        // the mark alone would have shown more by the exit's slippage (0.051 a coin) and its fee
        assertEquals(new BigDecimal("0.051").multiply(qty).add(exitFee).doubleValue(),
                atTheMark.subtract(closing).doubleValue(), 1e-8, atTheMark + " at the mark vs " + closing);

        String exit = desk.engine().checkExit(position, turned, "test").orElseThrow().proposalId();
        given().post("/api/proposals/" + exit + "/confirm").then().statusCode(200);
        Fill fill = trading.trades(200).stream().filter(f -> f.coin().equals("UR1") && f.kind() == ProposalKind.EXIT)
                .findFirst().orElseThrow();
        assertNumber(closing.toPlainString(), fill.realizedPnl());
    }

    private static void assertNumber(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }
}
