package io.signaldesk.decision.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import io.signaldesk.decision.domain.Decision;
import io.signaldesk.decision.domain.Position;
import io.signaldesk.decision.ledger.LedgerRepository;
import io.signaldesk.decision.engine.PaperTradingService.MarkedPosition;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.engine.port.FeedIdentity;

/**
 * A position belongs to the market it was opened on (venue and coin, not a run of the feed): a restarted simulator
 * marks and stops it again; another feed's prices (a replay) never mark, stop or close it.
 */
@QuarkusTest
class LedgerFeedTest {

    private static final FeedIdentity RUN_A = new FeedIdentity("simulator", "aaaa1111", "simulator");
    private static final FeedIdentity RUN_B = new FeedIdentity("simulator", "bbbb2222", "simulator");
    private static final FeedIdentity REPLAY = new FeedIdentity("replay", "cccc3333", "replay#cccc3333");

    @Inject
    Desk desk;

    @Inject
    PaperTradingService trading;

    @Inject
    LedgerRepository ledger;

    @Inject
    ExitChecks exits;

    @BeforeEach
    void rulesMode() {
        desk.rulesMode();
    }

    @Test
    void aPositionIsNeverMarkedStoppedOrClosedByAnotherFeedsPrices() {
        Position position = open("LF1", RUN_A);
        assertEquals("simulator", position.feedMarket());
        assertEquals("simulator", position.feedSource());
        assertEquals("SIMULATOR", position.venue());
        given().get("/api/trades?limit=50").then().body("findAll { it.coin == 'LF1' }.feedMarket", hasItem("simulator"));

        // a replay on another port is taken as the feed: its LF1 is far below the stop (98.5)
        CoinSnapshot crashed = Market.flat("LF1", "90");
        desk.tick(REPLAY, crashed);
        MarkedPosition marked = marked("LF1");
        assertFalse(marked.marked());
        assertEquals(0, position.entryPrice().compareTo(marked.markPrice()), "kept at its entry price, not 90");
        assertTrue(marked.note().contains("opened on simulator") && marked.note().contains("replay#cccc3333"),
                marked.note());
        given().get("/api/status").then().body("feed.identity.market", equalTo("replay#cccc3333"))
                .body("feed.warnings", hasItem(containsString("LF1 position was opened on simulator")));
        given().get("/api/portfolio").then()
                .body("positions.find { it.position.coin == 'LF1' }.marked", equalTo(false))
                .body("positions.find { it.position.coin == 'LF1' }.note", containsString("prices are of replay#cccc3333"));

        // the engine's evaluation of LF1 neither manages the position nor enters: the decision log says why, once
        exits.manageOwn(position, crashed);
        exits.manageOwn(position, crashed);
        given().get("/api/decisions?limit=1000").then()
                .body("findAll { it.coin == 'LF1' && it.refusedBy == 'positionOfAnotherMarket' }.size()", equalTo(1))
                .body("find { it.coin == 'LF1' && it.refusedBy == 'positionOfAnotherMarket' }.outcome", equalTo("REFUSED"))
                .body("find { it.coin == 'LF1' && it.refusedBy == 'positionOfAnotherMarket' }.ruleReason",
                        containsString("no entry in LF1 until it is written off"))
                .body("find { it.coin == 'LF1' && it.refusedBy == 'positionOfAnotherMarket' }.said",
                        equalTo("no entry: the open LONG position is of another market (not marked or stopped here; write it off)"));

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
    void aRestartedSimulatorMarksAndStopsTheOpenPositionsOfItsEarlierRun() {
        Position position = open("LF2", RUN_A);
        desk.tick(RUN_A, Market.flat("LF2", "100"));

        // the simulator restarted (a fresh run id): the same market, so the position is marked and its stop works
        CoinSnapshot restarted = Market.flat("LF2", "97");
        desk.tick(RUN_B, restarted);
        assertTrue(marked("LF2").marked(), marked("LF2").note());
        assertEquals(0, new BigDecimal("97").compareTo(marked("LF2").markPrice()));
        given().get("/api/status").then().body("feed.warnings", not(hasItem(containsString("LF2 position"))));
        given().post("/api/portfolio/positions/LF2/write-off").then().statusCode(409)
                .body("error", containsString("close it with an exit"));
        assertEquals(DecisionOutcome.STOP_LOSS, desk.engine().checkStops(position, restarted).orElseThrow().outcome());
        assertTrue(trading.position("LF2").isEmpty());
    }

    @Test
    void aPositionOfAReplayIsKeptApartAndWrittenOffAtItsEntryPriceOnlyWhenItsMarketIsGone() {
        Position old = open("LF4", REPLAY);
        assertEquals("replay#cccc3333", old.feedMarket());
        given().post("/api/portfolio/positions/LF4/write-off").then().statusCode(409)
                .body("error", containsString("close it with an exit"));

        // the desk is back on the simulator: the replay's position is kept apart, said, and written off
        desk.tick(RUN_B, Market.flat("LF4", "50"));
        given().get("/api/portfolio").then()
                .body("positions.find { it.position.coin == 'LF4' }.marked", equalTo(false))
                .body("positions.find { it.position.coin == 'LF4' }.markPrice", equalTo(old.entryPrice().floatValue()));
        given().get("/api/status").then()
                .body("feed.warnings", hasItem(containsString("LF4 position was opened on replay#cccc3333")));
        given().post("/api/portfolio/positions/LF4/write-off").then().statusCode(200)
                .body("kind", equalTo("EXIT")).body("fee", equalTo(0))
                .body("price", equalTo(old.entryPrice().floatValue()))
                .body("realizedPnl", equalTo(old.entryFee().negate().floatValue()))
                .body("reason", containsString("opened on replay#cccc3333"));
        assertTrue(trading.position("LF4").isEmpty());
        given().post("/api/portfolio/positions/LF4/write-off").then().statusCode(409);
        given().post("/api/portfolio/positions/" + "X".repeat(21) + "/write-off").then().statusCode(400)
                .body("field", equalTo("coin"));

        // the simulator's entries are its own
        assertEquals("simulator", open("LF3", RUN_B).feedMarket());
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
