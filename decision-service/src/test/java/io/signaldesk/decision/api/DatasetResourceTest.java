package io.signaldesk.decision.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;
import io.signaldesk.decision.engine.EdgeService;

/** GET /api/ai/dataset: the model's scored answers with their prompts as sent, as JSON Lines in the chat format. */
@QuarkusTest
class DatasetResourceTest {

    private static final Instant T0 = Instant.parse("2024-10-01T10:00:00Z");
    private static final String SYSTEM = "You are a crypto trading analyst.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EdgeRepository repository;

    @Inject
    EdgeService edge;

    /** The desk trades Binance: the model's answers read are Binance's. */
    @Inject
    io.signaldesk.decision.support.Desk desk;

    @Inject
    DecisionConfig config;

    @Inject
    io.signaldesk.core.strategy.StrategySettings strategy;

    @BeforeEach
    @AfterEach
    void forget() {
        edge.clear();
        desk.tick(new io.signaldesk.decision.engine.port.FeedIdentity("binance", "bbbb2222", "binance"),
                io.signaldesk.decision.support.Market.flat("MKTA", "97000"));
    }

    @Test
    void servesEachScoredAnswerAsAChatExampleLabelledAndSplitByTime() throws Exception {
        Duration horizon = strategy.edge().horizon();
        // five entries an hour apart, BTC then ETH; the third skipped a move that paid; one without its prompt
        store(answer("BTC", true, 0, "0.80", "0.50", true, "{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers lead.\"}", horizon));
        store(answer("BTC", false, 1, "-0.40", "-0.70", true, "{\"enter\":false,\"confidence\":6,\"reason\":\"Weak.\"}", horizon));
        store(answer("BTC", false, 2, "0.90", "0.60", false, "{\"enter\":false,\"confidence\":8,\"reason\":\"Flat book.\"}", horizon));
        store(answer("ETH", true, 3, "-0.10", "-0.40", false, "{\"enter\":true,\"confidence\":9,\"reason\":\"Momentum.\"}", horizon));
        store(answer("ETH", true, 4, "0.50", "0.20", true, "{\"enter\":true,\"confidence\":6,\"reason\":\"Momentum.\"}", horizon));
        repository.insertAnswer(new ScoredAnswer("ENTRY", "SOL", "LONG", true, 6, "m", T0.plusSeconds(5 * 3600), horizon,
                BigDecimal.ONE, BigDecimal.ONE, true, null, null, null).on("binance"), 100);

        List<JsonNode> all = lines(given().queryParam("validation", "0.4").get("/api/ai/dataset")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString());
        assertEquals(5, all.size(), "the answer kept without its prompt is no example");
        assertEquals(List.of("train", "train", "train", "validation", "validation"),
                all.stream().map(l -> l.get("split").asText()).toList(), "the newest 40 % validate");
        JsonNode skipped = all.get(2);
        assertEquals("system", skipped.at("/messages/0/role").asText());
        assertEquals(SYSTEM, skipped.at("/messages/0/content").asText());
        assertEquals("ENTRY LONG BTC at 100\nCURRENT PRICES: BTC 100", skipped.at("/messages/1/content").asText());
        assertEquals("{\"enter\":true,\"confidence\":5,\"reason\":\"Corrected in hindsight: the move paid after costs.\"}",
                skipped.at("/messages/2/content").asText(), "the answer that would have been right");
        assertEquals("enter", skipped.at("/label/rightAnswer").asText());
        assertEquals(false, skipped.at("/label/right").asBoolean());
        assertEquals(8, skipped.at("/label/given/confidence").asInt(), "the answer as given stays in the label");
        assertEquals(0.60, skipped.at("/label/netPct").asDouble(), 1e-9);
        assertEquals("{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers lead.\"}", all.get(0).at("/messages/2/content").asText(),
                "a right answer is kept as the model wrote it");

        List<JsonNode> given = lines(given().queryParam("assistant", "given").queryParam("coin", "eth")
                .queryParam("split", "train").queryParam("validation", "0.5").get("/api/ai/dataset").then().statusCode(200).extract().asString());
        assertEquals(1, given.size(), "ETH's two answers: the older trains");
        assertEquals("{\"enter\":true,\"confidence\":9,\"reason\":\"Momentum.\"}", given.get(0).at("/messages/2/content").asText());

        List<JsonNode> day = lines(given().queryParam("from", "2024-10-01T11:00:00Z").queryParam("to", "2024-10-01T13:00:00Z")
                .queryParam("type", "entry").get("/api/ai/dataset").then().statusCode(200).extract().asString());
        assertEquals(2, day.size(), "from inclusive, to exclusive");
        assertTrue(given().queryParam("type", "EXIT").get("/api/ai/dataset").then().statusCode(200).extract().asString().isEmpty());
    }

    @Test
    void servesTheAnswersScoredOnTheDesksMarketUnlessAnotherIsAsked() throws Exception {
        Duration horizon = strategy.edge().horizon();
        store(answer("BTC", true, 0, "0.80", "0.50", true, "{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers lead.\"}", horizon));
        repository.insertAnswer(answer("ETH", true, 1, "0.90", "0.60", true,
                "{\"enter\":true,\"confidence\":8,\"reason\":\"Bids stack up.\"}", horizon).on("simulator"), 100);

        List<JsonNode> desk = lines(given().get("/api/ai/dataset").then().statusCode(200).extract().asString());
        assertEquals(List.of("ENTRY LONG BTC at 100\nCURRENT PRICES: BTC 100"),
                desk.stream().map(l -> l.at("/messages/1/content").asText()).toList(), "Binance's answer only");
        List<JsonNode> simulator = lines(given().queryParam("market", "simulator").get("/api/ai/dataset").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("ENTRY LONG ETH at 100\nCURRENT PRICES: ETH 100"),
                simulator.stream().map(l -> l.at("/messages/1/content").asText()).toList());
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource({ "type,RISK", "coin,B-T-C", "coin,WWWWWWWWWWWWWWWWWWWWW", "from,yesterday", "to,2024-13-01", "split,test", "validation,0.9",
            "validation,-1", "validation,1e-1", "assistant,best", "limit,0", "limit,50001", "limit,ten", "market,Binance",
            "market,binance; DROP TABLE model_answer" })
    void answers400NamingTheField(String field, String value) {
        given().queryParam(field, value).get("/api/ai/dataset")
                .then().statusCode(400).body("field", equalTo(field)).body("error", not(emptyOrNullString()));
    }

    /** Binance lists one-letter bases (WUSDT): W is a coin, with no answers here yet. */
    @Test
    void aOneLetterCoinIsACoin() {
        given().queryParam("coin", "W").get("/api/ai/dataset").then().statusCode(200);
    }

    @Test
    void refusesAnEmptyPeriod() {
        given().queryParam("from", "2024-10-02").queryParam("to", "2024-10-01").get("/api/ai/dataset")
                .then().statusCode(400).body("field", equalTo("to"));
    }

    private void store(ScoredAnswer answer) {
        repository.insertAnswer(answer.on("binance"), 100);
    }

    private static ScoredAnswer answer(String coin, boolean entered, int hour, String move, String net, boolean right,
            String given, Duration horizon) {
        return new ScoredAnswer("ENTRY", coin, "LONG", entered, 6, "llama3.2:3b", T0.plusSeconds(hour * 3600L), horizon,
                new BigDecimal(move), new BigDecimal(net), right, "ENTRY LONG " + coin + " at 100\nCURRENT PRICES: " + coin
                        + " 100", given, SYSTEM);
    }

    private static List<JsonNode> lines(String body) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
