package io.signaldesk.decision.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.signaldesk.core.evaluation.Evaluation;
import io.signaldesk.core.evaluation.Trade;
import io.signaldesk.core.paper.FeeModel;
import io.signaldesk.core.trade.PositionSide;

/** The evaluation section of a report on four hand-made trades (returns 1, -1, 2, 0 % on four days). */
class EvaluationMarkdownTest {

    private static final Instant DAY0 = Instant.parse("2024-10-01T00:00:00Z");

    @Test
    void statesTheSharpeAndTheTrialsItWasDeflatedFor() {
        StringBuilder one = new StringBuilder();
        EvaluationMarkdown.render(one, evaluation(1), null, null, new BigDecimal("0.5"));
        assertTrue(one.toString().contains("Sharpe: 0.387 per trade; 7.399 annualised (each UTC day's summed trade results "
                + "over 4 days, × √365); probabilistic Sharpe 0.746"), one.toString());

        StringBuilder ten = new StringBuilder();
        EvaluationMarkdown.render(ten, evaluation(10), null, null, new BigDecimal("0.5"));
        assertTrue(ten.toString().contains("deflated Sharpe 0.186 (the probability that the per-trade Sharpe beats what the "
                + "best of 10 settings tried would show by luck)"), ten.toString());
        assertTrue(ten.toString().contains("Settings tried on this data: 10"), ten.toString());
    }

    @Test
    void csvHasOneRowPerGroup() {
        String[] lines = EvaluationMarkdown.csv(evaluation(1)).split("\n");
        assertEquals(5, lines.length, "header, overall, source RULES, coin BTC, confidence 7-10: " + String.join("|", lines));
    }

    private static Evaluation evaluation(int trials) {
        List<Trade> trades = List.of(trade(0, 1), trade(1, -1), trade(2, 2), trade(3, 0));
        return Evaluation.of(List.of(), trades, new FeeModel(new BigDecimal("0.1"), new BigDecimal("0.05")), "5m", DAY0,
                DAY0.plusSeconds(3 * 86400 + 3600), trials);
    }

    private static Trade trade(int day, double netPct) {
        Instant at = DAY0.plusSeconds(day * 86400L + 600);
        return new Trade("BTC", "RULES", 7, PositionSide.LONG, at, at.plusSeconds(300), 100, 100, netPct);
    }
}
