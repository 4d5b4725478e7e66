package io.signaldesk.analyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.signaldesk.analyzer.ai.Prompts;
import io.signaldesk.analyzer.ai.SystemPrompt;
import io.signaldesk.analyzer.service.AnalysisCache;

/**
 * Lessons in the analyzer: a draft asks the model in use for lessons from a digest of its record (the question and
 * schema as sent, the answer checked: an unusable one yields none, counted), on idle time only (it gives way to the
 * desk's question), and the accepted lessons go into the system message, which changes only when they do.
 */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class LessonsResourceTest {

    static final String DRAFT = """
            {"setups":[{"id":"S1","kind":"ENTRY","coin":"SOL","side":"SHORT","calls":14,"right":5,"acted":9,"actedNetPct":-0.31,"netPct":-0.22},
            {"id":"S2","kind":"EXIT","coin":"BTC","side":"LONG","calls":12,"right":7,"acted":4,"actedNetPct":0.12,"netPct":-0.05}],"max":2}""";
    static final String LESSON = "Skip SOL shorts: 9 entries netted -0.31 % after costs.";
    static final String ANSWER = "{\"lessons\":[{\"setups\":[\"S1\"],\"lesson\":\"" + LESSON + "\"}]}";
    static final String ENTRY = "{\"enter\":true,\"confidence\":7,\"reason\":\"Bids lead and momentum is up.\"}";
    static final String QUESTION = "{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000.1,\"market\":"
            + StubServers.fixture("feed/snapshot.json") + "}";

    @Inject
    SystemPrompt prompt;

    @Inject
    AnalysisCache cache;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void stubs() {
        StubServers.reset();
        cache.clear();
        StubServers.server().stubFor(get(urlEqualTo("/api/ps")).willReturn(StubServers.json(StubServers.fixture("ollama/ps.json"))));
        StubServers.server().stubFor(OllamaReplies.chatCall().willReturn(StubServers.json(OllamaReplies.chat(ENTRY))));
        lessonsAnswer(ANSWER);
    }

    @AfterEach
    void noLessons() {
        prompt.set(new SystemPrompt.Lessons(0, List.of()));
    }

    @Test
    void draftsLessonsFromTheDigestWithTheModelInUseAfterItsSystemMessage() {
        given().contentType(ContentType.JSON).body(DRAFT).post("/api/analysis/lessons").then().statusCode(200)
                .body("status", equalTo("DRAFTED")).body("model", equalTo("llama3.2:3b"))
                .body("lessons", hasSize(1)).body("lessons[0].setups", equalTo(List.of("S1")))
                .body("lessons[0].lesson", equalTo(LESSON));

        JsonNode sent = lessonRequests().get(0);
        assertEquals("llama3.2:3b", sent.path("model").asText());
        assertEquals(Prompts.SYSTEM, sent.at("/messages/0/content").asText(), "the analyst's cached system message");
        String user = sent.at("/messages/1/content").asText();
        assertTrue(user.startsWith("LESSONS: from your scored record below, write at most 2 one-line lessons"), user);
        assertTrue(user.endsWith("\nS1 ENTRY SOL SHORT: 5/14 right, entered 9 net -0.31%, all net -0.22%"
                + "\nS2 EXIT BTC LONG: 7/12 right, held 4 net +0.12%, all net -0.05%"), user);
        assertEquals("[\"S1\",\"S2\"]", sent.at("/format/properties/lessons/items/properties/setups/items/enum").toString());
        assertEquals("[\"setups\",\"lesson\"]", sent.at("/format/properties/lessons/items/required").toString());
        assertEquals(320, sent.at("/options/num_predict").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "Here are some lessons: skip SOL.",
            "{\"lessons\":[{\"setups\":[\"S7\"],\"lesson\":\"A lesson about a setup that was not given.\"}]}",
            "{\"lessons\":[{\"setups\":[\"S1\"],\"lesson\":\"Short.\"}]}",
            "{\"lessons\":[{\"setups\":[\"S1\"],\"lesson\":\"First line of a lesson\\nand its second line.\"}]}",
            "{\"lessons\":[{\"setups\":[\"S1\"],\"lesson\":\"Lesson one is long enough.\"},{\"setups\":[\"S2\"],"
                    + "\"lesson\":\"Lesson two is long enough.\"},{\"setups\":[\"S1\"],\"lesson\":\"Lesson three, one too many.\"}]}",
            "{\"lessons\":[{\"setups\":[],\"lesson\":\"A lesson resting on nothing at all.\"}]}" })
    void anUnusableAnswerYieldsNoLessonAndIsCounted(String answer) {
        lessonsAnswer(answer);
        double before = registry.counter("analyzer.lessons.drafts", "outcome", "invalid").count();
        given().contentType(ContentType.JSON).body(DRAFT).post("/api/analysis/lessons").then().statusCode(200)
                .body("status", equalTo("INVALID")).body("lessons", equalTo(null));
        assertEquals(before + 1, registry.counter("analyzer.lessons.drafts", "outcome", "invalid").count());
        assertEquals(1, lessonRequests().size(), "asked once: no reprompt on idle time");
    }

    @Test
    void aDraftGivesWayToTheDesksQuestionAndIsAskedAgainAfterIt() throws Exception {
        StubServers.server().stubFor(OllamaReplies.chatCall().withRequestBody(containing("LESSONS: from your scored record"))
                .inScenario("slow draft").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(StubServers.json(OllamaReplies.chat(ANSWER)).withFixedDelay(60_000))
                .willSetStateTo("asked once"));
        CompletableFuture<String> draft = CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON)
                .body(DRAFT).post("/api/analysis/lessons").then().statusCode(200).extract().asString());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lessonRequests().isEmpty() && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        given().contentType(ContentType.JSON).body(QUESTION).post("/api/analysis/entry").then().statusCode(200)
                .body("source", equalTo("AI"));
        assertEquals("DRAFTED", JsonPath.from(draft.get(30, TimeUnit.SECONDS)).getString("status"));
        List<String> asked = OllamaReplies.analysisRequests().stream()
                .map(b -> b.at("/messages/1/content").asText().startsWith("LESSONS") ? "draft" : "entry").toList();
        assertEquals(List.of("draft", "entry", "draft"), asked, "put back for the desk's question, asked again once the model was free");
    }

    @Test
    void onlyAcceptedLessonsEnterTheSystemMessageWhichChangesOnlyWithThem() {
        assertEquals(Prompts.SYSTEM, systemOfAnEntry("95000.1"), "no lessons: the fixed system message");
        given().get("/api/ai/status").then().body("lessons.version", equalTo(0)).body("lessons.count", equalTo(0));

        putLessons(1, LESSON, "Hold BTC longs while bids lead.").then().statusCode(200)
                .body("version", equalTo(1)).body("lessons", hasSize(2));
        String withTwo = systemOfAnEntry("95001.1");
        assertEquals(Prompts.SYSTEM + "\n" + Prompts.LESSONS_HEADING + "\n- " + LESSON + "\n- Hold BTC longs while bids lead.",
                withTwo, "the fixed instructions first (still a cached prefix), then the accepted lessons");
        Object text = prompt.message();

        putLessons(2, LESSON, "Hold BTC longs while bids lead.").then().statusCode(200).body("version", equalTo(2));
        assertSame(text, prompt.message(), "a new version with the same lessons leaves the system message as it was");
        assertEquals(withTwo, systemOfAnEntry("95002.1"));
        given().get("/api/ai/status").then().body("lessons.version", equalTo(2)).body("lessons.count", equalTo(2));
        given().get("/api/ai/lessons").then().body("version", equalTo(2)).body("systemChars", equalTo(withTwo.length()));

        putLessons(3).then().statusCode(200);
        assertEquals(Prompts.SYSTEM, systemOfAnEntry("95003.1"), "every lesson removed: the fixed system message again");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "setups | {\"setups\":[],\"max\":2}",
            "max | {\"setups\":[{\"id\":\"S1\",\"kind\":\"ENTRY\",\"coin\":\"SOL\",\"side\":\"SHORT\",\"calls\":1,\"right\":1,\"acted\":1,\"netPct\":0.1}],\"max\":6}",
            "setups[0].id | {\"setups\":[{\"id\":\"X1\",\"kind\":\"ENTRY\",\"coin\":\"SOL\",\"side\":\"SHORT\",\"calls\":1,\"right\":1,\"acted\":1,\"netPct\":0.1}],\"max\":2}",
            "setups[0].right | {\"setups\":[{\"id\":\"S1\",\"kind\":\"ENTRY\",\"coin\":\"SOL\",\"side\":\"SHORT\",\"calls\":1,\"right\":\"1\",\"acted\":1,\"netPct\":0.1}],\"max\":2}",
            "setups[0].acted | {\"setups\":[{\"id\":\"S1\",\"kind\":\"ENTRY\",\"coin\":\"SOL\",\"side\":\"SHORT\",\"calls\":1,\"right\":1,\"acted\":2,\"netPct\":0.1}],\"max\":2}",
            "setups[0].kind | {\"setups\":[{\"id\":\"S1\",\"kind\":\"RISK\",\"coin\":\"SOL\",\"side\":\"SHORT\",\"calls\":1,\"right\":1,\"acted\":1,\"netPct\":0.1}],\"max\":2}" })
    void aBadDraftRequestIs400NamingTheField(String field, String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/analysis/lessons").then().statusCode(400)
                .body("field", equalTo(field));
        assertTrue(lessonRequests().isEmpty());
    }

    @Test
    void badLessonsAre400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"version\":-1,\"lessons\":[]}").put("/api/ai/lessons").then()
                .statusCode(400).body("field", equalTo("version"));
        given().contentType(ContentType.JSON).body("{\"version\":1,\"lessons\":[\"two\\nlines of a lesson\"]}")
                .put("/api/ai/lessons").then().statusCode(400).body("field", equalTo("lessons[0]"));
        given().contentType(ContentType.JSON).body("{\"version\":1,\"lessons\":[\"short\"]}").put("/api/ai/lessons").then()
                .statusCode(400).body("field", equalTo("lessons[0]"));
        given().get("/api/ai/lessons").then().body("version", equalTo(0));
    }

    private static io.restassured.response.Response putLessons(int version, String... lines) {
        StringBuilder body = new StringBuilder("{\"version\":" + version + ",\"lessons\":[");
        for (int i = 0; i < lines.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(lines[i]).append('"');
        }
        return given().contentType(ContentType.JSON).body(body + "]}").put("/api/ai/lessons");
    }

    /** The system message an entry question was sent with. */
    private static String systemOfAnEntry(String price) {
        int before = OllamaReplies.analysisRequests().size();
        given().contentType(ContentType.JSON).body(QUESTION.replace("95000.1", price)).post("/api/analysis/entry").then()
                .statusCode(200).body("source", equalTo("AI"));
        List<JsonNode> sent = OllamaReplies.analysisRequests();
        assertEquals(before + 1, sent.size());
        return sent.get(sent.size() - 1).at("/messages/0/content").asText();
    }

    private static void lessonsAnswer(String content) {
        StubServers.server().stubFor(OllamaReplies.chatCall().withRequestBody(containing("LESSONS: from your scored record"))
                .willReturn(StubServers.json(OllamaReplies.chat(content, 200, 60))));
    }

    private static List<JsonNode> lessonRequests() {
        return OllamaReplies.analysisRequests().stream()
                .filter(b -> b.at("/messages/1/content").asText().startsWith("LESSONS")).toList();
    }
}
