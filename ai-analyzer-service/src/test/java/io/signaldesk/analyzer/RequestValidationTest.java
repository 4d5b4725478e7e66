package io.signaldesk.analyzer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every 400 path of the analysis endpoints: a JSON body naming the field, and no model call. */
@QuarkusTest
@QuarkusTestResource(StubServers.class)
class RequestValidationTest {

    @BeforeEach
    void fresh() {
        StubServers.reset();
    }

    @ParameterizedTest(name = "{0} {1} -> 400 on {2}")
    @CsvSource(delimiter = '|', value = {
            "entry|{\"side\":\"LONG\",\"price\":95000}|coin",
            "entry|{\"coin\":\"BTC\",\"price\":95000}|side",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\"}|price",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":-1}|price",
            "entry|{\"coin\":\"BTC\",\"side\":\"UP\",\"price\":95000}|side",
            "entry|{\"coin\":\"B-T-C!\",\"side\":\"LONG\",\"price\":95000}|coin",
            "entry|{\"coin\":\"XRP\",\"side\":\"LONG\",\"price\":1.1}|coin",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":\"cheap\"}|price",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"currentPrice\":95000}|entryPrice",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000}|currentPrice",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":0}|currentPrice",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,\"size\":-0.1}|size",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,\"openedAt\":\"2999-01-01T00:00:00Z\"}|openedAt",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,\"openedAt\":\"yesterday\"}|openedAt",
            "risk|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000}|equity",
            "risk|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"equity\":0}|equity",
            "risk|{\"coin\":\"BTC\",\"price\":95000,\"equity\":1000}|side",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"record\":{\"horizonMinutes\":15,\"calls\":3,\"right\":4,\"acted\":1,\"netPct\":-0.2,\"last\":\"RWR\",\"measuredEdge\":false}}|record.right",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"record\":{\"horizonMinutes\":15,\"calls\":3,\"right\":2,\"acted\":1,\"netPct\":-0.2,\"last\":\"RXR\",\"measuredEdge\":false}}|record.last",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"record\":{\"horizonMinutes\":15,\"calls\":\"3\",\"right\":2,\"acted\":1,\"netPct\":-0.2,\"last\":\"RWR\",\"measuredEdge\":false}}|record.calls",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"record\":{\"horizonMinutes\":15,\"calls\":3,\"right\":2,\"acted\":1,\"netPct\":-0.2,\"last\":\"RWR\"}}|record.measuredEdge",
            "entry|{\"coin\":\"BTC\",\"side\":\"LONG\",\"price\":95000,\"record\":{\"horizonMinutes\":15,\"calls\":3,\"right\":2,\"acted\":1,\"netPct\":-250,\"last\":\"RWR\",\"measuredEdge\":false}}|record.netPct",
            "exit|{\"coin\":\"BTC\",\"side\":\"LONG\",\"entryPrice\":94000,\"currentPrice\":95000,\"record\":{\"horizonMinutes\":0,\"calls\":3,\"right\":2,\"acted\":1,\"netPct\":-0.2,\"last\":\"RWR\",\"measuredEdge\":false}}|record.horizonMinutes",
            "sentiment|{\"coins\":[]}|coins",
            "sentiment|{\"coins\":[\"BTC\",\"$$\"]}|coins[1]",
            "sentiment|{\"coins\":[\"BTC\",\"XRP\"]}|coins",
            "sentiment|{\"coins\":\"BTC\"}|coins",
            "sentiment|{\"market\":{\"coins\":[{\"coin\":\"\"}]}}|market.coins[0].coin",
            "sentiment|{\"market\":{\"coins\":[]}}|market",
    })
    void answers400NamingTheField(String endpoint, String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/analysis/" + endpoint)
                .then().statusCode(400)
                .body("field", equalTo(field))
                .body("error", not(emptyOrNullString()));
        org.junit.jupiter.api.Assertions.assertEquals(0, OllamaReplies.analysisRequests().size());
    }

    @Test
    void answers400ForAMissingBody() {
        given().contentType(ContentType.JSON).when().post("/api/analysis/entry")
                .then().statusCode(400).body("field", equalTo("body"));
    }

    @Test
    void answers400ForMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"coin\":").when().post("/api/analysis/risk")
                .then().statusCode(400).body("field", equalTo("body")).body("error", containsString("malformed JSON body"));
    }
}
