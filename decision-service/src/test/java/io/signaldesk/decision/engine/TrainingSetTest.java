package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.decision.engine.port.EdgeStore.ScoredAnswer;

class TrainingSetTest {

    private static final Instant T0 = Instant.parse("2024-10-01T10:00:00Z");

    @Test
    void correctsAWrongExitToWhatWouldHaveBeenRightAndKeepsTheGivenAnswerInTheLabel() {
        ScoredAnswer closedTooEarly = new ScoredAnswer("EXIT", "SOL", "SHORT", false, 8, "llama3.2:3b", T0,
                Duration.ofMinutes(15), new BigDecimal("0.42"), new BigDecimal("0.42"), false, "EXIT SHORT SOL ...",
                "{\"action\":\"CLOSE\",\"confidence\":8,\"reason\":\"Sellers fade.\"}", "SYSTEM");

        List<String> lines = TrainingSet.lines(List.of(closedTooEarly), 0, null, TrainingSet.Assistant.RIGHT);

        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.contains("{\"role\":\"assistant\",\"content\":\"{\\\"action\\\":\\\"HOLD\\\",\\\"confidence\\\":5,"
                + "\\\"reason\\\":\\\"Corrected in hindsight: the move paid after costs.\\\"}\"}"), line);
        assertTrue(line.contains("\"rightAnswer\":\"hold\""), line);
        assertTrue(line.contains("\"given\":{\"action\":\"CLOSE\",\"confidence\":8,\"reason\":\"Sellers fade.\"}"), line);
        assertTrue(line.contains("\"split\":\"train\""), line);
    }

    @Test
    void anEmptyValidationShareTrainsOnEverythingAndAHalfSplitsTheNewestOff() {
        List<ScoredAnswer> three = List.of(entry(0), entry(1), entry(2));
        assertEquals(3, TrainingSet.lines(three, 0, "train", TrainingSet.Assistant.GIVEN).size());
        assertEquals(1, TrainingSet.lines(three, 0.5, "validation", TrainingSet.Assistant.GIVEN).size());
        assertTrue(TrainingSet.lines(three, 0.5, "validation", TrainingSet.Assistant.GIVEN).get(0).contains("T12:00:00Z"));
    }

    private static ScoredAnswer entry(int hour) {
        return new ScoredAnswer("ENTRY", "BTC", "LONG", true, 6, "m", T0.plusSeconds(hour * 3600L), Duration.ofMinutes(15),
                BigDecimal.ONE, new BigDecimal("0.7"), true, "ENTRY LONG BTC at 100",
                "{\"enter\":true,\"confidence\":6,\"reason\":\"Up.\"}", "SYSTEM");
    }
}
