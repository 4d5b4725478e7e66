package io.signaldesk.decision.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.strategy.StrategySettings;
import io.signaldesk.decision.engine.EdgeService;
import io.signaldesk.decision.engine.port.EdgeStore;
import io.signaldesk.decision.ledger.EdgeRepository;
import io.signaldesk.decision.ledger.LessonRepository;
import io.signaldesk.decision.lessons.Lesson;
import io.signaldesk.decision.lessons.LessonBounds;
import io.signaldesk.decision.lessons.LessonDrafter;
import io.signaldesk.decision.lessons.LessonService;
import io.signaldesk.decision.lessons.ScoredHistory;
import io.signaldesk.decision.support.HeldResponses;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.WireMockAnalyzer;

/**
 * Lessons end to end in the decision service, the analyzer in WireMock: a draft from the fixture's scored history
 * (the digest sent, the lessons proposed with the evidence computed here), an unusable draft proposing nothing,
 * accept / reject / remove with their versions and the set sent to the analyzer, the bounds, and the 4xx.
 */
@QuarkusTest
@QuarkusTestResource(WireMockAnalyzer.class)
class LessonResourceTest {

    private static final String SOL_LONG = "Skip SOL longs after a five-minute rise: they lost after costs.";

    @InjectWireMock
    WireMockServer analyzer;

    @InjectWireMock
    HeldResponses held;

    @Inject
    EdgeService edge;

    /** The desk trades Binance: the model's answers read are Binance's. */
    @Inject
    io.signaldesk.decision.support.Desk desk;

    @Inject
    EdgeRepository answers;

    @Inject
    LessonRepository lessons;

    @Inject
    LessonDrafter drafter;

    @Inject
    LessonService service;

    @Inject
    StrategySettings strategy;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    @AfterEach
    void forget() {
        held.release();
        analyzer.resetAll();
        edge.clear();
        lessons.clear();
        desk.tick(new io.signaldesk.decision.engine.port.FeedIdentity("binance", "bbbb2222", "binance"),
                io.signaldesk.decision.support.Market.flat("MKTA", "97000"));
    }

    @Test
    void theAnswersByLessonVersionAndTheDraftCadenceCountTheDesksMarketOnly() {
        List<EdgeStore.ScoredAnswer> history = ScoredHistory.read(strategy.edge().horizon());
        history.forEach(a -> answers.insertAnswer(a, 1000));
        // the same answers once more, as if given on the simulator's made-up prices: kept apart
        history.forEach(a -> answers.insertAnswer(a.on("simulator"), 1000));
        given().get("/api/lessons").then().statusCode(200).body("market", equalTo("binance"))
                .body("byVersion", hasSize(1)).body("byVersion[0].answers", equalTo(history.size()));
        assertEquals(history.size(), lessons.scoredAfter(strategy.edge().horizon(), "binance", null));
    }

    @Test
    void draftsProposalsFromTheScoredHistoryWithTheEvidenceComputedHere() {
        ScoredHistory.read(strategy.edge().horizon()).forEach(a -> answers.insertAnswer(a, 1000));
        draftAnswers("""
                {"status":"DRAFTED","model":"llama3.2:3b","lessons":[
                  {"setups":["S1"],"lesson":"%s"},
                  {"setups":["S4","S5"],"lesson":"Shorts after a five-minute fall did not pay the round trip."}],
                 "promptTokens":180,"completionTokens":61}""".formatted(SOL_LONG));

        assertEquals("DRAFTED", drafter.draft().orElseThrow().outcome());

        analyzer.verify(postRequestedFor(urlEqualTo("/api/analysis/lessons")).withRequestBody(equalToJson("""
                {"max":3,"setups":[{"id":"S1","kind":"ENTRY","coin":"SOL","side":"LONG","calls":24,"right":14,"acted":14,
                "netPct":-0.2348}]}""", true, true)));
        given().get("/api/lessons").then().statusCode(200)
                .body("version", equalTo(0))
                .body("proposed", hasSize(2))
                .body("proposed[0].id", equalTo(1))
                .body("proposed[0].line", equalTo(SOL_LONG))
                .body("proposed[0].status", equalTo("PROPOSED"))
                .body("proposed[0].model", equalTo("llama3.2:3b"))
                .body("proposed[0].evidence.setups", equalTo(List.of("ENTRY SOL LONG")))
                .body("proposed[0].evidence.decisions", equalTo(24))
                .body("proposed[0].evidence.right", equalTo(14))
                .body("proposed[0].evidence.netPct", equalTo(-0.2348f))
                .body("proposed[1].evidence.setups", equalTo(List.of("ENTRY BTC SHORT", "ENTRY ETH SHORT")))
                .body("proposed[1].evidence.decisions", equalTo(36))
                .body("drafting.recent[0].outcome", equalTo("DRAFTED"))
                .body("drafting.recent[0].proposals", equalTo(2));
        assertEquals(20, drafter.waitingFor().orElseThrow(), "the next draft waits for 20 answers scored after these");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"status\":\"DRAFTED\",\"lessons\":[{\"setups\":[\"S9\"],\"lesson\":\"A lesson about a setup not in the digest.\"}]}",
            "{\"status\":\"DRAFTED\",\"lessons\":[{\"setups\":[\"S1\"],\"lesson\":\"Too short\"}]}",
            "{\"status\":\"DRAFTED\",\"lessons\":[{\"setups\":[],\"lesson\":\"A lesson that names no setup at all.\"}]}",
            "{\"status\":\"DRAFTED\",\"lessons\":[{\"setups\":[\"S1\"],\"lesson\":\"one\"},{\"setups\":[\"S1\"],\"lesson\":\"two\"},"
                    + "{\"setups\":[\"S1\"],\"lesson\":\"three\"},{\"setups\":[\"S1\"],\"lesson\":\"four\"}]}",
            "{\"status\":\"INVALID\",\"problem\":\"not a JSON object\"}" })
    void anUnusableDraftProposesNothingAndIsCounted(String answer) {
        ScoredHistory.read(strategy.edge().horizon()).forEach(a -> answers.insertAnswer(a, 1000));
        draftAnswers(answer.replace("\"lesson\":\"Too short\"", "\"lesson\":\"" + "x".repeat(121) + "\""));
        double before = registry.counter("decision.lessons.drafts", "outcome", "invalid").count();

        assertEquals("INVALID", drafter.draft().orElseThrow().outcome());

        assertEquals(before + 1, registry.counter("decision.lessons.drafts", "outcome", "invalid").count());
        given().get("/api/lessons").then().statusCode(200).body("proposed", hasSize(0))
                .body("drafting.recent[0].outcome", equalTo("INVALID"));
        assertEquals(20, drafter.waitingFor().orElseThrow(), "an invalid draft covered these answers: not asked again at once");
    }

    @Test
    void acceptRejectAndRemoveVersionTheSetAndSendItToTheAnalyzer() {
        analyzer.stubFor(put(urlEqualTo("/api/ai/lessons")).willReturn(json("{\"version\":1}")));
        proposeLessons(SOL_LONG, "Skip BTC shorts: eighteen calls netted -0.36 % a call.", "Hold ETH longs that move your way.");

        given().post("/api/lessons/1/accept").then().statusCode(200)
                .body("lesson.status", equalTo("ACCEPTED")).body("version.version", equalTo(1))
                .body("version.lessonIds", equalTo(List.of(1)));
        analyzer.verify(putRequestedFor(urlEqualTo("/api/ai/lessons"))
                .withRequestBody(equalToJson("{\"version\":1,\"lessons\":[\"" + SOL_LONG + "\"]}")));
        given().post("/api/lessons/2/accept").then().statusCode(200).body("version.version", equalTo(2));
        given().post("/api/lessons/3/reject").then().statusCode(200)
                .body("lesson.status", equalTo("REJECTED")).body("version.version", equalTo(2));
        given().delete("/api/lessons/1").then().statusCode(200)
                .body("lesson.status", equalTo("RETIRED")).body("version.version", equalTo(3))
                .body("version.lessonIds", equalTo(List.of(2)));
        analyzer.verify(putRequestedFor(urlEqualTo("/api/ai/lessons")).withRequestBody(equalToJson(
                "{\"version\":3,\"lessons\":[\"Skip BTC shorts: eighteen calls netted -0.36 % a call.\"]}")));
        analyzer.verify(3, putRequestedFor(urlEqualTo("/api/ai/lessons")));

        given().get("/api/lessons").then().statusCode(200)
                .body("version", equalTo(3)).body("inPrompt", equalTo(3))
                .body("accepted", hasSize(1)).body("accepted[0].id", equalTo(2))
                .body("decided.id", equalTo(List.of(1, 3)))
                .body("versions.change", equalTo(List.of("removed lesson 1", "accepted lesson 2", "accepted lesson 1")));
        given().post("/api/lessons/3/accept").then().statusCode(409).body("field", equalTo("id"))
                .body("error", containsString("REJECTED"));
        given().delete("/api/lessons/1").then().statusCode(409).body("field", equalTo("id"));
        given().post("/api/lessons/2/reject").then().statusCode(409).body("field", equalTo("id"));
    }

    @Test
    void anAcceptAnswersWhileACheckOfTheSetWaitsOnTheAnalyzerAndTheCheckSendsTheNewSet() throws Exception {
        held.hold();
        analyzer.stubFor(get(urlEqualTo("/api/ai/lessons")).willReturn(json("{\"version\":0}").withTransformers(HeldResponses.NAME)));
        analyzer.stubFor(put(urlEqualTo("/api/ai/lessons")).willReturn(json("{\"version\":1}")));
        proposeLessons(SOL_LONG);
        ExecutorService checks = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> check = checks.submit(service::sync);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> held.waiting() == 1);

            given().post("/api/lessons/1/accept").then().statusCode(200)
                    .body("lesson.status", equalTo("ACCEPTED")).body("version.version", equalTo(1));
            assertFalse(check.isDone(), "the accept did not wait for the check the analyzer holds (until released)");

            held.release();
            assertTrue(check.get(60, TimeUnit.SECONDS), "the check sent the set it found changed");
            analyzer.verify(putRequestedFor(urlEqualTo("/api/ai/lessons"))
                    .withRequestBody(equalToJson("{\"version\":1,\"lessons\":[\"" + SOL_LONG + "\"]}")));
            given().get("/api/lessons").then().statusCode(200).body("inPrompt", equalTo(1));
        } finally {
            checks.shutdownNow();
        }
    }

    @Test
    void anAcceptBeyondTheCountOrTheTokensIsRefusedNamingTheLimit() {
        // 57 Llama 3 tokens each (lessons/lesson-tokens.csv): two fit the 150, a third does not
        String figures = "Skip SOL shorts: 9/27 right, net -0.42 %, 11/31 at 15m, -0.38 % acted; BTC 18/40, -0.27 %; ETH 7/22, -0.31 %";
        proposeLessons(figures + " (1)", figures + " (2)", figures + " (3)");
        given().post("/api/lessons/1/accept").then().statusCode(200);
        given().post("/api/lessons/2/accept").then().statusCode(200);
        given().post("/api/lessons/3/accept").then().statusCode(409).body("field", equalTo("id"))
                .body("error", containsString("decision.lessons.max-tokens"));

        lessons.clear();
        proposeLessons("Lesson one, short.", "Lesson two, short.", "Lesson three, short.", "Lesson four, short.",
                "Lesson five, short.", "Lesson six, short.");
        for (int id = 1; id <= 5; id++) {
            given().post("/api/lessons/" + id + "/accept").then().statusCode(200);
        }
        given().post("/api/lessons/6/accept").then().statusCode(409).body("field", equalTo("id"))
                .body("error", containsString("decision.lessons.max-accepted"));
        given().get("/api/lessons").then().body("accepted", hasSize(5)).body("proposed[0].id", equalTo(6));
    }

    @ParameterizedTest(name = "id {0} -> 400")
    @ValueSource(strings = { "abc", "0", "-1", "1.5", "9999999999999", "1%20OR%201=1" })
    void answers400NamingTheId(String id) {
        given().urlEncodingEnabled(false).post("/api/lessons/" + id + "/accept").then().statusCode(400).body("field", equalTo("id"));
        given().urlEncodingEnabled(false).post("/api/lessons/" + id + "/reject").then().statusCode(400).body("field", equalTo("id"));
        given().urlEncodingEnabled(false).delete("/api/lessons/" + id).then().statusCode(400).body("field", equalTo("id"));
    }

    @Test
    void draftNowWithNothingToSumUpRecordsAnEmptyDraft() {
        double before = registry.counter("decision.lessons.drafts", "outcome", "empty").count();
        given().post("/api/lessons/drafts").then().statusCode(202).body("started", equalTo(true));

        await().atMost(Duration.ofSeconds(60)).until(() -> !lessons.drafts(10).isEmpty());
        given().get("/api/lessons").then().statusCode(200)
                .body("drafting.recent[0].outcome", equalTo("EMPTY"))
                .body("drafting.recent[0].detail", containsString("nothing to sum up"))
                .body("drafting.running", equalTo(false));
        assertEquals(before + 1, registry.counter("decision.lessons.drafts", "outcome", "empty").count());
        analyzer.verify(0, postRequestedFor(urlEqualTo("/api/analysis/lessons")));
    }

    @Test
    void aCheckThatFindsNothingToSumUpAgainKeepsOneEmptyLine() {
        // the fixture's first 24 answers: due (20 scored), but no setup has 10 of them
        List<EdgeStore.ScoredAnswer> history = ScoredHistory.read(strategy.edge().horizon());
        history.subList(0, 24).forEach(a -> answers.insertAnswer(a, 1000));
        double before = registry.counter("decision.lessons.drafts", "outcome", "empty").count();

        for (int check = 0; check < 3; check++) {
            assertEquals("EMPTY", drafter.draftIfDue().orElseThrow().outcome());
        }
        List<LessonRepository.Draft> drafts = lessons.drafts(10);
        assertEquals(1, drafts.size(), "three checks that found the same: one line");
        assertEquals(history.get(23).answeredAt(), drafts.get(0).through());
        assertEquals(before + 1, registry.counter("decision.lessons.drafts", "outcome", "empty").count());

        answers.insertAnswer(history.get(24), 1000); // one more answer, still no setup with 10: the line says so
        assertEquals("EMPTY", drafter.draftIfDue().orElseThrow().outcome());
        drafts = lessons.drafts(10);
        assertEquals(1, drafts.size());
        assertEquals(history.get(24).answeredAt(), drafts.get(0).through());
        assertTrue(drafts.get(0).detail().contains("among the newest 25"), drafts.get(0).detail());
        assertEquals(before + 2, registry.counter("decision.lessons.drafts", "outcome", "empty").count());
        analyzer.verify(0, postRequestedFor(urlEqualTo("/api/analysis/lessons")));
    }

    @Test
    void aSecondDraftNowWhileOneWaitsOnTheModelIs409() {
        ScoredHistory.read(strategy.edge().horizon()).forEach(a -> answers.insertAnswer(a, 1000));
        held.hold();
        analyzer.stubFor(post(urlEqualTo("/api/analysis/lessons")).willReturn(
                json("{\"status\":\"SKIPPED\",\"problem\":\"no idle model time\"}").withTransformers(HeldResponses.NAME)));

        given().post("/api/lessons/drafts").then().statusCode(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> held.waiting() == 1);
        given().post("/api/lessons/drafts").then().statusCode(409).body("error", equalTo("a draft runs already"));
        assertTrue(lessons.drafts(10).isEmpty(), "the first draft still waits on the held model answer");
        held.release();

        await().atMost(Duration.ofSeconds(90)).until(() -> !lessons.drafts(10).isEmpty());
        assertEquals("SKIPPED", lessons.drafts(10).get(0).outcome());
        analyzer.verify(1, postRequestedFor(urlEqualTo("/api/analysis/lessons")));
        await().atMost(Duration.ofSeconds(30)).until(() -> !drafter.isDrafting());
    }

    @Test
    void answers404ForALessonNotInTheLedger() {
        given().post("/api/lessons/7/accept").then().statusCode(404).body("field", equalTo("id"))
                .body("error", equalTo("no lesson 7"));
        given().delete("/api/lessons/7").then().statusCode(404);
    }

    /** Proposals as drafts leave them (the draft itself is the first test's). */
    private void proposeLessons(String... lines) {
        lessons.propose(Arrays.stream(lines).map(l -> new Lesson(0, l, Lesson.Status.PROPOSED, Instant.now(), null,
                "llama3.2:3b", new Lesson.Evidence(List.of("ENTRY SOL LONG"), 24, 14, null, null, null),
                LessonBounds.tokens(l))).toList());
    }

    private void draftAnswers(String body) {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/lessons")).willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
