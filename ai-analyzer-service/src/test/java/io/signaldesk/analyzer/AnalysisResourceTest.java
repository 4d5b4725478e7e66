package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.signaldesk.analyzer.ai.AnswerSchema;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.domain.AiMode;
import io.signaldesk.analyzer.service.AiModeService;
import io.signaldesk.analyzer.service.AnalysisCache;
import io.signaldesk.analyzer.service.ModelGateway;

/** The four analyses against a WireMock Ollama: valid, broken, reprompted, slow, failing and cached answers. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class AnalysisResourceTest {

    static final String VALID_SENTIMENT = "{\"sentiment\":\"BULLISH\",\"confidence\":7,\"signal\":\"LONG\",\"coin\":\"BTC\","
            + "\"reason\":\"Strong buying pressure with 3:1 bid/ask ratio and positive momentum\"}";

    @Inject
    AnalysisCache cache;

    @Inject
    AiModeService mode;

    @Inject
    ModelGateway gateway;

    @BeforeEach
    void freshStubs() {
        StubServers.reset();
        ModelWarmup.once(gateway);
        cache.clear();
        mode.set(AiMode.AI);
    }

    @AfterEach
    void backToAi() {
        mode.set(AiMode.AI);
    }

    @Test
    void answersSentimentFromTheModelAndSendsSchemaOptionsAndKeepAlive() {
        OllamaReplies.answer(VALID_SENTIMENT);

        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\",\"ETH\"]}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("type", equalTo("SENTIMENT"))
                .body("source", equalTo("AI"))
                .body("model", equalTo("llama3.2:3b"))
                .body("result.sentiment", equalTo("BULLISH"))
                .body("result.confidence", equalTo(7))
                .body("result.signal", equalTo("LONG"))
                .body("result.coin", equalTo("BTC"))
                .body("promptTokens", equalTo(120))
                .body("completionTokens", equalTo(30))
                .body("fallbackReason", nullValue())
                .body("reprompted", equalTo(false))
                .body("at", notNullValue());

        List<JsonNode> requests = OllamaReplies.chatRequests();
        assertEquals(1, requests.size());
        JsonNode sent = requests.get(0);
        assertEquals("llama3.2:3b", sent.get("model").asText());
        assertEquals(true, sent.get("stream").asBoolean(), "streamed, so the decision is read before the reason");
        assertEquals(false, sent.get("think").asBoolean(), "think:false on every call");
        assertEquals(1800, sent.get("keep_alive").asInt(), "keep_alive in seconds, as the binding sends it");
        assertEquals(0.2, sent.get("options").get("temperature").asDouble());
        assertEquals(42, sent.get("options").get("seed").asInt());
        assertEquals(AnswerSchema.NUM_PREDICT, sent.get("options").get("num_predict").asInt());
        assertEquals(2048, sent.get("options").get("num_ctx").asInt());
        JsonNode format = sent.get("format");
        assertEquals("object", format.get("type").asText(), "format is the JSON schema of the sentiment: " + format);
        assertEquals("[\"signal\",\"sentiment\",\"confidence\",\"coin\",\"reason\"]", format.get("required").toString(),
                "every field required, decision fields before the reason");
        assertEquals("[\"BTC\",\"ETH\"]", format.get("properties").get("coin").get("enum").toString(),
                "the coin is one of those asked about");
        // LangChain4j 1.11's schema types carry no bounds (README): the range is the result records', the length the prompt's
        assertEquals("integer", format.get("properties").get("confidence").get("type").asText());
        assertEquals("string", format.get("properties").get("reason").get("type").asText());
        assertTrue(format.get("properties").get("sentiment").get("enum").toString().contains("BEARISH"), format.toString());
        assertEquals("system", sent.get("messages").get(0).get("role").asText());
        assertEquals(Prompts.SYSTEM, sent.get("messages").get(0).get("content").asText());
        String user = sent.get("messages").get(1).get("content").asText();
        assertEquals("SENTIMENT\nBTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy volume 76%\n"
                + "ETH 3300.6, momentum -0.12%, bids 41%, 3 buys/6 sells, buy volume 33%", user);
        assertTrue(!user.contains("SOL"), "only the coins asked about: " + user);
    }

    @Test
    void streamsTheDecisionThenTheReasonThenTheEnvelopeAsServerSentEvents() {
        OllamaReplies.answer("{\"enter\":true,\"confidence\":8,\"reason\":\"Bids at 62 % and rising momentum back the long.\"}");

        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/event-stream"))
                .extract().asString();

        List<String> names = body.lines().filter(line -> line.startsWith("event:"))
                .map(line -> line.substring(6).strip()).toList();
        List<String> data = body.lines().filter(line -> line.startsWith("data:"))
                .map(line -> line.substring(5).strip()).toList();
        assertEquals("signal", names.get(0), body);
        assertEquals("done", names.get(names.size() - 1), body);
        assertTrue(names.subList(1, names.size() - 1).stream().allMatch("reason"::equals), body);
        // the reason arrives in as many events as pieces came after the listener attached: on a loaded machine the stub
        // may have streamed it whole by then (one event); the pieces themselves are ModelStreamTest's
        assertTrue(names.size() >= 3, "at least one reason event: " + names);
        assertTrue(data.get(0).contains("\"decision\":{\"enter\":true,\"confidence\":8}") && data.get(0).contains("\"source\":\"AI\""),
                data.get(0));
        JsonNode signal = read(data.get(0));
        assertEquals(Prompts.SYSTEM, signal.at("/prompt/system").asText(), "the prompt as sent, kept with the outcome");
        assertEquals(OllamaReplies.chatRequests().get(OllamaReplies.chatRequests().size() - 1).get("messages").get(1)
                .get("content").asText(), signal.at("/prompt/user").asText());
        StringBuilder reason = new StringBuilder();
        data.subList(1, data.size() - 1).forEach(piece -> reason.append(read(piece).get("text").asText()));
        assertEquals("Bids at 62 % and rising momentum back the long.", reason.toString());
        JsonNode done = read(data.get(data.size() - 1));
        assertEquals("AI", done.get("source").asText());
        assertEquals("Bids at 62 % and rising momentum back the long.", done.get("result").get("reason").asText());
        assertTrue(done.get("signalMs").asLong() <= done.get("latencyMs").asLong(), done.toString());
    }

    @Test
    void streamsTheRulesAnswerLabelledWhenTheModeIsRules() {
        mode.set(AiMode.RULES);

        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200).extract().asString();

        List<String> names = body.lines().filter(line -> line.startsWith("event:")).map(line -> line.substring(6).strip()).toList();
        assertEquals(List.of("signal", "reason", "done"), names, body);
        assertTrue(body.contains("\"source\":\"RULES\"") && body.contains("\"fallbackReason\":\"MODE_RULES\""), body);
        assertEquals(0, OllamaReplies.chatRequests().size());
    }

    private static JsonNode read(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void repromptsOnceAfterBrokenJsonThenAnswersFromTheModel() {
        OllamaReplies.answerThen("{\"sentiment\":\"BULLISH\",\"confidence\":7,", VALID_SENTIMENT);

        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("source", equalTo("AI"))
                .body("reprompted", equalTo(true))
                .body("promptTokens", equalTo(160))
                .body("completionTokens", equalTo(55));

        List<JsonNode> requests = OllamaReplies.chatRequests();
        assertEquals(2, requests.size());
        String retry = requests.get(1).get("messages").get(1).get("content").asText();
        assertTrue(retry.contains("YOUR PREVIOUS ANSWER WAS REJECTED: broken JSON"), retry);
        assertEquals(requests.get(0).get("messages").get(0), requests.get(1).get("messages").get(0), "same system message");
    }

    @Test
    void fallsBackToRulesAsInvalidOutputWhenBrokenTwice() {
        OllamaReplies.answer("I think the market is going up!");

        // the trading core's rules (momentum 0.2 %, bids 0.55, flow 1.2): BTC +0.35 %, bids 62 %, 1.25 vs 0.40 -> LONG
        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\"]}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("source", equalTo("RULES"))
                .body("model", equalTo("rules"))
                .body("fallbackReason", equalTo("INVALID_OUTPUT"))
                .body("result.coin", equalTo("BTC"))
                .body("result.sentiment", equalTo("BULLISH"))
                .body("result.signal", equalTo("LONG"))
                .body("completionTokens", equalTo(60));
        assertEquals(2, OllamaReplies.chatRequests().size(), "one answer and one reprompt, no more");
    }

    @Test
    void readsTheProductLineFormat() {
        OllamaReplies.answer("SENTIMENT: [BEARISH]\nCONFIDENCE: 6/10\nSIGNAL: SHORT\nREASON: Sellers dominate the book and the tape.");

        given().contentType(ContentType.JSON).body("{\"coins\":[\"ETH\"]}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("source", equalTo("AI"))
                .body("reprompted", equalTo(false))
                .body("result.sentiment", equalTo("BEARISH"))
                .body("result.confidence", equalTo(6))
                .body("result.signal", equalTo("SHORT"))
                .body("result.coin", equalTo("ETH"))
                .body("result.reason", equalTo("Sellers dominate the book and the tape."));
    }

    @Test
    void rejectsAHallucinatedCoinAndReprompts() {
        OllamaReplies.answerThen(VALID_SENTIMENT.replace("BTC", "DOGE"), VALID_SENTIMENT);

        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\",\"SOL\"]}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("source", equalTo("AI"))
                .body("reprompted", equalTo(true))
                .body("result.coin", equalTo("BTC"));
        String retry = OllamaReplies.chatRequests().get(1).get("messages").get(1).get("content").asText();
        assertTrue(retry.contains("coin DOGE is not one of BTC, SOL"), retry);
    }

    @Test
    void rejectsBearishWithLongTwiceThenFallsBack() {
        OllamaReplies.answer(VALID_SENTIMENT.replace("BULLISH", "BEARISH"));

        given().contentType(ContentType.JSON).body("{\"coins\":[\"BTC\"]}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("source", equalTo("RULES"))
                .body("fallbackReason", equalTo("INVALID_OUTPUT"))
                .body("result.sentiment", equalTo("BULLISH"));
        String retry = OllamaReplies.chatRequests().get(1).get("messages").get(1).get("content").asText();
        assertTrue(retry.contains("BEARISH contradicts signal LONG"), retry);
    }

    @Test
    void makesOneCallOnlyWhenOllamaAnswers500() {
        StubServers.server().stubFor(OllamaReplies.chatCall().willReturn(WireMock.aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"llama runner process has terminated\"}")));

        given().contentType(ContentType.JSON).body("{\"coin\":\"ETH\",\"side\":\"SHORT\",\"price\":3300.5,\"equity\":10000}")
                .when().post("/api/analysis/risk")
                .then().statusCode(200)
                .body("source", equalTo("RULES"))
                .body("fallbackReason", equalTo("MODEL_DOWN"))
                .body("result.stopLossPct", equalTo(0.54f))
                .body("result.positionSizePct", equalTo(20.0f));
        assertEquals(1, OllamaReplies.chatRequests().size(), "no retries on top of ours");
    }

    @Test
    void servesTheSecondIdenticalAskFromTheCacheWithoutCallingTheModel() {
        OllamaReplies.answer("{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"Trend intact.\"}");
        String body = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,\"size\":0.01}";

        given().contentType(ContentType.JSON).body(body).when().post("/api/analysis/exit")
                .then().statusCode(200)
                .body("source", equalTo("AI"))
                .body("result.action", equalTo("HOLD"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/analysis/exit")
                .then().statusCode(200)
                .body("source", equalTo("CACHE"))
                .body("result.action", equalTo("HOLD"))
                .body("promptTokens", equalTo(0));
        assertEquals(1, OllamaReplies.chatRequests().size());
    }

    /** A market body with BTC only, its trade volumes as given: everything else as the feed fixture. */
    private static String entryWithVolumes(String buyVolume, String sellVolume) {
        return "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1,\"market\":{\"source\":\"test\","
                + "\"asOf\":\"2026-11-25T12:00:00Z\",\"coins\":[{\"coin\":\"BTC\",\"lastPrice\":95000.1,"
                + "\"momentum60sPct\":0.35,\"bookImbalance\":{\"bidShare\":0.62,\"bidAskRatio\":1.63,\"levels\":10},"
                + "\"trades60s\":{\"buyCount\":5,\"sellCount\":2,\"buyVolume\":" + buyVolume + ",\"sellVolume\":"
                + sellVolume + "}}]}}";
    }

    @Test
    void asksTheModelAgainWhenOnlyTheVolumesTheModelReadsDiffer() {
        OllamaReplies.answer("{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers lead.\"}");

        given().contentType(ContentType.JSON).body(entryWithVolumes("0.001", "99999")).post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI"));
        given().contentType(ContentType.JSON).body(entryWithVolumes("900", "100")).post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI"));
        given().contentType(ContentType.JSON).body(entryWithVolumes("900", "100")).post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("CACHE"));

        List<JsonNode> sent = OllamaReplies.chatRequests();
        assertEquals(2, sent.size(), "a cached answer only for the very same question");
        assertTrue(sent.get(0).get("messages").get(1).get("content").asText().endsWith("buy volume 0%"));
        assertTrue(sent.get(1).get("messages").get(1).get("content").asText().endsWith("buy volume 90%"));
    }

    @Test
    void asksTheModelWhenTheCallerSaysNoCacheAndKeepsNoStoreAnswersOut() {
        OllamaReplies.answer("{\"enter\":true,\"confidence\":7,\"reason\":\"Buyers lead.\"}");
        String body = entryWithVolumes("1.25", "0.4");

        given().header("Cache-Control", "no-store").contentType(ContentType.JSON).body(body).post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI"));
        given().contentType(ContentType.JSON).body(body).post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI"));
        given().header("Cache-Control", "no-cache, no-store").contentType(ContentType.JSON).body(body)
                .post("/api/analysis/entry").then().statusCode(200).body("source", equalTo("AI"));
        given().contentType(ContentType.JSON).body(body).post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("CACHE"));

        assertEquals(3, OllamaReplies.chatRequests().size(), "no-store kept nothing, no-cache asked the model");
    }

    @Test
    void measuresAPositionsAgeOnTheMarketsClockNotThisMachines() {
        OllamaReplies.answer("{\"action\":\"HOLD\",\"confidence\":6,\"reason\":\"Trend intact.\"}");
        // a backtest on 2024 candles: the position opened 90 minutes before the snapshot's market time
        String body = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,"
                + "\"openedAt\":\"2024-10-02T10:30:00Z\",\"market\":{\"source\":\"backtest\","
                + "\"asOf\":\"2024-10-02T12:00:00Z\",\"coins\":[{\"coin\":\"BTC\",\"lastPrice\":95000,"
                + "\"momentum60sPct\":0.1}]}}";

        given().contentType(ContentType.JSON).body(body).post("/api/analysis/exit").then().statusCode(200)
                .body("source", equalTo("AI"));

        String question = OllamaReplies.chatRequests().get(0).get("messages").get(1).get("content").asText();
        assertTrue(question.contains(", open 90 min"), question);
    }

    @Test
    void answersEntryAndRiskFromTheModel() {
        OllamaReplies.answer("{\"enter\":false,\"confidence\":4,\"reason\":\"Momentum is too weak.\"}");
        given().contentType(ContentType.JSON).body("{\"coin\":\"sol\",\"side\":\"LONG\",\"price\":142.37}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI")).body("result.enter", equalTo(false));

        OllamaReplies.answer("{\"positionSizePct\":2.5,\"stopLossPct\":1.5,\"confidence\":6,\"reason\":\"Calm market.\"}");
        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"equity\":10000}")
                .when().post("/api/analysis/risk")
                .then().statusCode(200).body("source", equalTo("AI"))
                .body("result.positionSizePct", equalTo(2.5f)).body("result.stopLossPct", equalTo(1.5f));
    }

    @Test
    void sendsTheModelsRecordAsAContextLineAndCachesPerRecord() {
        OllamaReplies.answer("{\"enter\":false,\"confidence\":4,\"reason\":\"No edge here.\"}");
        String record = "{\"horizonMinutes\":15,\"calls\":14,\"right\":6,\"acted\":8,\"netPct\":-0.2125,"
                + "\"last\":\"RWWRW\",\"measuredEdge\":false}";
        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1,\"record\":" + record + "}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI")).body("result.enter", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1}")
                .when().post("/api/analysis/entry")
                .then().statusCode(200).body("source", equalTo("AI"));

        List<JsonNode> sent = OllamaReplies.chatRequests();
        assertEquals(2, sent.size(), "a question without the record is another question, not a cache hit");
        assertEquals(Prompts.SYSTEM, sent.get(0).get("messages").get(0).get("content").asText());
        String user = sent.get(0).get("messages").get(1).get("content").asText();
        assertTrue(user.startsWith("ENTRY LONG\nRECORD 6/14 right, net -0.21%, last RWWRW, no edge\nBTC 95000, "), user);
        assertTrue(sent.get(1).get("messages").get(1).get("content").asText().startsWith("ENTRY LONG\nBTC 95000, "));
    }

    @Test
    void rejectsAnInsaneStopLoss() {
        OllamaReplies.answer("{\"positionSizePct\":250,\"stopLossPct\":0,\"confidence\":6,\"reason\":\"Go big.\"}");
        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"equity\":10000}")
                .when().post("/api/analysis/risk")
                .then().statusCode(200).body("source", equalTo("RULES")).body("fallbackReason", equalTo("INVALID_OUTPUT"));
        String retry = OllamaReplies.chatRequests().get(1).get("messages").get(1).get("content").asText();
        assertTrue(retry.contains("positionSizePct must be 0-100"), retry);
    }

    @Test
    void answersFromRulesInRulesModeWithoutCallingTheModel() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"RULES\"}").when().put("/api/ai/mode")
                .then().statusCode(200).body("mode", equalTo("RULES"));

        given().contentType(ContentType.JSON).body("{\"market\":" + StubServers.fixture("feed/snapshot.json") + "}")
                .when().post("/api/analysis/sentiment")
                .then().statusCode(200)
                .body("source", equalTo("RULES"))
                .body("fallbackReason", equalTo("MODE_RULES"))
                .body("result.coin", equalTo("BTC"))
                .body("latencyMs", greaterThan(-1));
        assertEquals(0, OllamaReplies.chatRequests().size());
        given().when().get("/api/ai/mode").then().statusCode(200).body("mode", equalTo("RULES"));
    }

    @Test
    void answers503NamingTheFeedWhenItIsDownAndNoMarketIsGiven() {
        StubServers.server().stubFor(WireMock.get(WireMock.urlEqualTo("/api/market/snapshot"))
                .willReturn(WireMock.aResponse().withStatus(503)));

        given().contentType(ContentType.JSON).body("{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000}")
                .when().post("/api/analysis/entry")
                .then().statusCode(503)
                .body("error", containsString("market feed unavailable at " + StubServers.server().baseUrl()))
                .body("field", equalTo("market"));
    }
}
