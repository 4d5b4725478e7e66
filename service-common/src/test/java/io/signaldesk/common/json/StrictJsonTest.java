package io.signaldesk.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class StrictJsonTest {

    record Risk(BigDecimal positionSizePct, BigDecimal stopLossPct) {
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
