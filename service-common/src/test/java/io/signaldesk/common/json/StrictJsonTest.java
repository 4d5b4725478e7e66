package io.signaldesk.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.signaldesk.common.error.JsonErrors;

class StrictJsonTest {

    record Risk(BigDecimal positionSizePct, BigDecimal stopLossPct) {
    }

    @KnownFieldsOnly
    record Mode(String mode, String policy, Window window) {
    }

    @KnownFieldsOnly
    record Window(Integer trainHours) {
    }

    /** A message from another service: fields a newer sender adds are ignored. */
    record Answer(String action) {
    }

    /** As Quarkus configures it (unknown fields ignored), then customised. */
    private static ObjectMapper quarkusMapper() {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aTypoInABodyMarkedKnownFieldsOnlyIsRefusedNamingTheField() {
        ObjectMapper mapper = quarkusMapper();

        UnrecognizedPropertyException typo = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"mode\":\"AI\",\"polcy\":\"AGREE\"}", Mode.class));
        UnrecognizedPropertyException nested = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"mode\":\"AI\",\"window\":{\"tranHours\":24}}", Mode.class));

        assertEquals("polcy is not a known field", JsonErrors.describe(typo).error());
        assertEquals("polcy", JsonErrors.describe(typo).field());
        assertEquals("window.tranHours", JsonErrors.describe(nested).field());
    }

    @Test
    void unmarkedMessagesStillIgnoreFieldsTheyDoNotKnow() throws Exception {
        ObjectMapper mapper = quarkusMapper();

        assertEquals(new Answer("HOLD"), mapper.readValue("{\"action\":\"HOLD\",\"addedLater\":1}", Answer.class));
        assertEquals(new Mode("AI", null, new Window(24)),
                mapper.readValue("{\"mode\":\"AI\",\"window\":{\"trainHours\":24}}", Mode.class));
    }

    @Test
    void decimalsAreWrittenPlainNeverInScientificNotation() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        // a size of 10 after stripTrailingZeros() is 1E+1; a trader reads 10
        Risk risk = new Risk(new BigDecimal("10.00").stripTrailingZeros(), new BigDecimal("1.50"));
        assertEquals("{\"positionSizePct\":10,\"stopLossPct\":1.50}", mapper.writeValueAsString(risk));
        assertEquals("0.00000012", mapper.writeValueAsString(new BigDecimal("1.2E-7")));
    }
}
