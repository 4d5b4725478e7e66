package io.signaldesk.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonErrorsTest {

    enum Mode { AI, RULES }

    record Coin(String coin, BigDecimal lastPrice) {
    }

    record Market(List<Coin> coins) {
    }

    record Request(Mode mode, int samples, Market market, List<Integer> horizons) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    private static ApiError describe(String json) {
        try {
            MAPPER.readValue(json, Request.class);
        } catch (JsonProcessingException e) {
            return JsonErrors.describe(e);
        }
        throw new AssertionError("read: " + json);
    }

    @Test
    void namesNestedFieldsWithIndexesInBrackets() {
        ApiError error = describe("{\"market\":{\"coins\":[{\"coin\":\"BTC\",\"lastPrice\":\"lots\"}]}}");
        assertEquals("market.coins[0].lastPrice", error.field());
        assertTrue(error.error().startsWith("market.coins[0].lastPrice has the wrong type: expected a number"), error.error());
        assertEquals("horizons[1]", describe("{\"horizons\":[1,\"x\"]}").field());
    }

    @Test
    void saysWhichEnumValuesAreTakenAndThatAnUnknownFieldIsUnknown() {
        assertEquals(new ApiError("mode has the wrong type: expected one of AI, RULES (any case), got \"sometimes\"", "mode"),
                describe("{\"mode\":\"sometimes\"}"));
        assertEquals(new ApiError("colour is not a known field", "colour"), describe("{\"colour\":1}"));
    }

    @Test
    void aBrokenBodyIsMalformedJsonWithItsPlace() {
        ApiError error = describe("{\"mode\":");
        assertEquals("body", error.field());
        assertTrue(error.error().startsWith("malformed JSON body"), error.error());
    }

    @Test
    void echoesAtMostFortyCharactersOfTheCallersInput() {
        ApiError error = describe("{\"mode\":\"" + "x".repeat(10_000) + "\"}");
        assertTrue(error.error().length() < 150, error.error());
    }

    @Test
    void quarkusBodilessAnswersGetWordsAndDownstreamMessagesLoseClassNames() {
        assertEquals(new ApiError("method DELETE is not allowed on /api/x (allowed: GET, PUT)", null),
                JsonErrors.forStatus(405, "DELETE", "/api/x", Set.of("PUT", "GET"), null, null));
        assertEquals("Content-Type", JsonErrors.forStatus(415, "PUT", "/api/x", Set.of(), "text/plain", null).field());
        String cleaned = JsonErrors.withoutClassNames("java.net.ConnectException: Connection refused: localhost/127.0.0.1:11434");
        assertFalse(cleaned.contains("java."), cleaned);
        assertTrue(cleaned.contains("Connection refused"), cleaned);
    }
}
