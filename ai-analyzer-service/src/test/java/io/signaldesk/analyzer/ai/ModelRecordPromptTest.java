package io.signaldesk.analyzer.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.signaldesk.analyzer.Markets;
import io.signaldesk.analyzer.domain.ModelRecord;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;
import io.signaldesk.core.trade.PositionSide;

class ModelRecordPromptTest {

    private static final ModelRecord LOSING = new ModelRecord(15, 14, 6, 8, new BigDecimal("-0.2125"), "RWWRW", false);

    @Test
    void putsTheRecordBetweenTheTaskLineAndTheMarketLineWhoseNumbersStayLast() {
        String question = new EntryTask(Markets.coin("BTC"), PositionSide.LONG, new BigDecimal("95000.1"), LOSING).question();

        assertEquals("""
                ENTRY LONG
                RECORD 6/14 right, net -0.21%, last RWWRW, no edge
                BTC 95000, momentum +0.35%, bids 62%, 5 buys/2 sells, buy volume 76%""", question);
    }

    @Test
    void asksAsBeforeWithoutARecord() {
        EntryTask task = new EntryTask(Markets.coin("BTC"), PositionSide.LONG, new BigDecimal("95000.1"));

        assertTrue(task.question().startsWith("ENTRY LONG\nBTC 95000, "), task.question());
    }

    @Test
    void saysAnExitRecordTheSameWayAndAFreshSetupInWords() {
        ModelRecord holds = new ModelRecord(15, 3, 2, 2, new BigDecimal("0.104"), "RRW", true);
        String exit = new ExitTask(Markets.coin("ETH"), PositionSide.SHORT, new BigDecimal("3400"), new BigDecimal("3300.55"),
                null, null, Instant.parse("2024-10-01T00:00:00Z"), holds).question();

        assertTrue(exit.startsWith("EXIT SHORT from 3400") && exit.contains("\nRECORD 2/3 right, net +0.10%, last RRW, edge\nETH "),
                exit);
        assertEquals("RECORD none yet, no edge\n", Prompts.record(new ModelRecord(15, 0, 0, 0, null, "", false)));
        assertEquals("RECORD 3/4 right, none acted, last RRWR, no edge\n",
                Prompts.record(new ModelRecord(15, 4, 3, 0, null, "RRWR", false)));
    }

    @Test
    void explainsTheRecordInTheFixedSystemPrompt() {
        assertTrue(Prompts.SYSTEM.contains("A RECORD line, when given, is your own record on this setup"), Prompts.SYSTEM);
    }
}
