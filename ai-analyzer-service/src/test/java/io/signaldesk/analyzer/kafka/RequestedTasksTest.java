package io.signaldesk.analyzer.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Validation;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.signaldesk.analyzer.StubServers;
import io.signaldesk.common.json.StrictJson;
import io.signaldesk.common.json.StrictScalars;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;

/** An analysis request record read as strictly as the REST body it carries; what is refused names its field. */
class RequestedTasksTest {

    private static final String MARKET = StubServers.fixture("feed/snapshot.json");
    private static final String ENTRY = """
            {"requestId":"5b1d0c8e-1f7a-4a7e-9a53-0d2b8c4f6e11","type":"ENTRY","deadline":"2026-11-27T08:00:03Z",
             "replyTo":"signal.analysis.results","body":{"coin":"BTC","side":"LONG","price":95000.10,"market":%s}}""";

    private final RequestedTasks tasks = new RequestedTasks(mapper(), Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build()
                .registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        new StrictScalars().customize(mapper);
        return mapper;
    }

    @Test
    void anEntryRequestBecomesTheEntryQuestionOnItsCoin() {
        AnalysisRequestRecord request = tasks.read(ENTRY.formatted(MARKET));
        assertEquals(AnalysisType.ENTRY, request.type());
        EntryTask task = assertInstanceOf(EntryTask.class, tasks.task(request));
        assertEquals("BTC", task.coin().coin());
    }

    @Test
    void anExitRequestBecomesTheExitQuestion() {
        String exit = """
                {"requestId":"e-1","type":"exit","deadline":"2026-11-27T08:00:03Z","replyTo":"signal.analysis.results",
                 "body":{"coin":"ETH","side":"SHORT","entryPrice":3310,"currentPrice":3300.55,"size":0.5,
                 "openedAt":"2026-11-27T07:00:00Z","market":%s}}""".formatted(MARKET);
        ExitTask task = assertInstanceOf(ExitTask.class, tasks.task(tasks.read(exit)));
        assertEquals("ETH", task.coin().coin());
    }

    @Test
    void poisonRecordsAreRefusedNamingTheField() {
        refused("", "body");
        refused("not json", "body");
        refused("{\"requestId\":\"r\"}", "body");
        refused(ENTRY.formatted(MARKET).replace("\"ENTRY\"", "2"), "type");
        refused(ENTRY.formatted(MARKET).replace("5b1d0c8e-1f7a-4a7e-9a53-0d2b8c4f6e11", "../../etc"), "requestId");
        refused(ENTRY.formatted(MARKET).replace("signal.analysis.results", "a topic with spaces"), "replyTo");
        refused(ENTRY.formatted(MARKET).replace("\"replyTo\"", "\"extra\":1,\"replyTo\""), "extra");
        refused(ENTRY.formatted(MARKET).replace("95000.10,\"market\"", "\"95000.10\",\"market\""), "body.price");
        refused(ENTRY.formatted(MARKET).replace("\"BTC\",\"side\"", "\"B!TC\",\"side\""), "body.coin");
        refused(ENTRY.formatted(MARKET).replace("\"BTC\",\"side\"", "\"DOGE\",\"side\""), "body.coin");
        refused(ENTRY.formatted(MARKET).replace("95000.10,\"market\"", "-1,\"market\""), "body.price");
        refused(ENTRY.formatted("null"), "body.market");
        // the core's snapshot is checked at this edge too, each bound naming its field
        refused(ENTRY.formatted(MARKET.replaceFirst("\"lastPrice\":95000.10", "\"lastPrice\":1e999999999")),
                "body.market.coins[0].lastPrice");
        refused(ENTRY.formatted(MARKET.replaceFirst("\"bidShare\":0.62", "\"bidShare\":2")),
                "body.market.coins[0].bookImbalance.bidShare");
        refused(ENTRY.formatted(MARKET).replace("\"ENTRY\"", "\"SENTIMENT\""), "type");
        refused("{\"pad\":\"" + "x".repeat(RequestedTasks.MAX_RECORD_CHARS) + "\"}", "body");
    }

    private void refused(String record, String field) {
        BadInputException e = assertThrows(BadInputException.class, () -> tasks.task(tasks.read(record)),
                record.length() > 60 ? record.substring(0, 60) : record);
        assertEquals(field, e.field(), e.getMessage());
    }
}
