package io.signaldesk.decision.service;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.decision.DecisionOutcome;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.core.trade.ProposalKind;
import io.signaldesk.decision.client.FeedIdentity;
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.repository.LedgerRepository;
import io.signaldesk.decision.service.PaperTradingService.MarkedPosition;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;

/** A position belongs to the market it was opened on: another feed's prices never mark, stop or close it. */
@QuarkusTest
class LedgerFeedTest {

    private static final FeedIdentity RUN_A = new FeedIdentity("simulator", "aaaa1111", "simulator#aaaa1111");
    private static final FeedIdentity RUN_B = new FeedIdentity("simulator", "bbbb2222", "simulator#bbbb2222");
    private static final FeedIdentity REPLAY = new FeedIdentity("replay", "cccc3333", "replay#cccc3333");

    @Inject
    Desk desk;

    @Inject
    PaperTradingService trading;

    @Inject
    LedgerRepository ledger;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
    }

    @Test
    void aPositionIsNeverMarkedStoppedOrClosedByAnotherFeedsPrices() {
        Position position = open("LF1", RUN_A);
        assertEquals("simulator#aaaa1111", position.feedMarket());
        assertEquals("simulator", position.feedSource());
        assertEquals("SIMULATOR", position.venue());
        given().get("/api/trades?limit=50").then().body("findAll { it.coin == 'LF1' }.feedMarket", hasItem("simulator#aaaa1111"));

        // a replay on another port is taken as the feed: its LF1 is far below the stop (98.5)
        CoinSnapshot crashed = Market.flat("LF1", "90");
        desk.tick(REPLAY, crashed);
        MarkedPosition marked = marked("LF1");
        assertFalse(marked.marked());
        assertEquals(0, position.entryPrice().compareTo(marked.markPrice()), "kept at its entry price, not 90");
        assertTrue(marked.note().contains("opened on simulator#aaaa1111") && marked.note().contains("replay#cccc3333"),
                marked.note());
        given().get("/api/status").then().body("feed.identity.market", equalTo("replay#cccc3333"))
                .body("feed.warnings", hasItem(containsString("LF1 position was opened on simulator#aaaa1111")));

        Decision stop = desk.engine().checkStops(position, crashed).orElseThrow();
        assertEquals(DecisionOutcome.CANCELLED, stop.outcome(), "the ledger refuses a stop at another market's price");
        assertTrue(trading.position("LF1").isPresent());
        CoinSnapshot turned = Market.bearish("LF1", "90");
        desk.tick(REPLAY, turned);
        String exit = desk.engine().checkExit(position, turned, "test").orElseThrow().proposalId();
        given().post("/api/proposals/" + exit + "/confirm").then().statusCode(409)
                .body("error", containsString("not closed at another market's price"));
        assertEquals(0, trading.trades(200).stream()
                .filter(f -> f.coin().equals("LF1") && f.kind() == ProposalKind.EXIT).count());

        // its own market again: marked, and stopped on its own prices
        CoinSnapshot own = Market.flat("LF1", "97");
        desk.tick(RUN_A, own);
        assertTrue(marked("LF1").marked());
        assertEquals(0, new BigDecimal("97").compareTo(marked("LF1").markPrice()));
        assertEquals(DecisionOutcome.STOP_LOSS, desk.engine().checkStops(position, own).orElseThrow().outcome());
        assertTrue(trading.position("LF1").isEmpty());
    }

    @Test
    void aPositionOfAPreviousSimulatorRunIsWrittenOffAtItsEntryPriceOnlyWhenItsMarketIsGone() {
        Position old = open("LF2", RUN_A);
        desk.tick(RUN_A, Market.flat("LF2", "100"));
        given().post("/api/portfolio/positions/LF2/write-off").then().statusCode(409)
                .body("error", containsString("close it with an exit"));

        // the simulator restarted: a fresh run, unrelated prices
        desk.tick(RUN_B, Market.flat("LF2", "50"));
        given().post("/api/portfolio/positions/LF2/write-off").then().statusCode(200)
                .body("kind", equalTo("EXIT")).body("fee", equalTo(0))
                .body("price", equalTo(old.entryPrice().floatValue()))
                .body("realizedPnl", equalTo(old.entryFee().negate().floatValue()))
                .body("reason", containsString("opened on simulator#aaaa1111"));
        assertTrue(trading.position("LF2").isEmpty());
        given().post("/api/portfolio/positions/LF2/write-off").then().statusCode(409);
        given().post("/api/portfolio/positions/" + "X".repeat(21) + "/write-off").then().statusCode(400)
                .body("field", equalTo("coin"));

        // the new run's entries are its own
        assertEquals("simulator#bbbb2222", open("LF3", RUN_B).feedMarket());
    }

    private Position open(String coin, FeedIdentity feed) {
        CoinSnapshot bullish = Market.bullish(coin, "100");
        desk.tick(feed, bullish);
        desk.engine().resetCooldowns();
        String id = desk.engine().evaluateEntry(bullish).orElseThrow().proposalId();
        given().post("/api/proposals/" + id + "/confirm").then().statusCode(200)
                .body("feedMarket", equalTo(feed.market())).body("venue", equalTo("SIMULATOR"));
        return ledger.position(coin).orElseThrow();
    }

    private MarkedPosition marked(String coin) {
        return trading.refresh().positions().stream().filter(m -> m.position().coin().equals(coin)).findFirst()
                .orElseThrow();
    }
}
