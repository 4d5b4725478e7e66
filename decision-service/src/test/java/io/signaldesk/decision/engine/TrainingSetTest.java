package io.signaldesk.decision.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void answersGivenAtTheBoundaryInstantStayTogetherOnTheNearerSide() {
        // 0.2 of ten asks 8 to train; the 8th is one of three BTC/ETH/SOL answers at 07:00, nearer to validation
        List<ScoredAnswer> threeAtTheEnd = answersAtHours(0, 1, 2, 3, 4, 5, 6, 7, 7, 7);
        List<String> validation = TrainingSet.lines(threeAtTheEnd, 0.2, "validation", TrainingSet.Assistant.GIVEN);
        assertEquals(3, validation.size());
        validation.forEach(line -> assertTrue(line.contains("2024-10-01T17:00:00Z"), line));
        assertEquals(7, TrainingSet.lines(threeAtTheEnd, 0.2, "train", TrainingSet.Assistant.GIVEN).size());

        // 0.5 of ten cuts five answers at 02:00 three-before two-after: the instant trains
        List<ScoredAnswer> fiveInTheMiddle = answersAtHours(0, 1, 2, 2, 2, 2, 2, 3, 4, 5);
        List<String> train = TrainingSet.lines(fiveInTheMiddle, 0.5, "train", TrainingSet.Assistant.GIVEN);
        assertEquals(7, train.size());
        assertTrue(train.get(6).contains("2024-10-01T12:00:00Z"), train.get(6));
        TrainingSet.lines(fiveInTheMiddle, 0.5, "validation", TrainingSet.Assistant.GIVEN)
                .forEach(line -> assertFalse(line.contains("2024-10-01T12:00:00Z"), line));
    }

    @Test
    void answersAllAtOneInstantAreOneSideOfTheSplit() {
        List<ScoredAnswer> oneFrame = answersAtHours(3, 3, 3, 3);
        assertEquals(4, TrainingSet.lines(oneFrame, 0.5, "train", TrainingSet.Assistant.GIVEN).size());
        assertEquals(0, TrainingSet.lines(oneFrame, 0.5, "validation", TrainingSet.Assistant.GIVEN).size());
    }

    private static List<ScoredAnswer> answersAtHours(int... hours) {
        String[] coins = {"BTC", "ETH", "SOL", "BNB", "XRP"};
        List<ScoredAnswer> out = new java.util.ArrayList<>();
        for (int i = 0; i < hours.length; i++) {
            out.add(entry(hours[i], coins[i % coins.length]));
        }
        return out;
    }

    private static ScoredAnswer entry(int hour) {
        return entry(hour, "BTC");
    }

    private static ScoredAnswer entry(int hour, String coin) {
        return new ScoredAnswer("ENTRY", coin, "LONG", true, 6, "m", T0.plusSeconds(hour * 3600L), Duration.ofMinutes(15),
                BigDecimal.ONE, new BigDecimal("0.7"), true, "ENTRY LONG " + coin + " at 100",
                "{\"enter\":true,\"confidence\":6,\"reason\":\"Up.\"}", "SYSTEM");
    }
}
