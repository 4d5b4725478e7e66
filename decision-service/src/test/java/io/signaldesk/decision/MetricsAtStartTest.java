package io.signaldesk.decision;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.common.test.MetricsAtStartCheck;

/** Every decision metric a dashboard or an alert rule reads is in /q/metrics from start-up. */
@QuarkusTest
class MetricsAtStartTest extends MetricsAtStartCheck {

    @jakarta.inject.Inject
    io.signaldesk.decision.engine.FeedStateService market;

    @Override
    protected List<String> prefixes() {
        return List.of("decision_");
    }

    /** Per coin: at zero from the first feed frame naming the coin (tested below). */
    @Override
    protected Set<String> later() {
        return Set.of("decision_fills_total");
    }

    @Test
    void fillCountersOfACoinExistFromTheFirstFrameNamingIt() {
        market.accept(io.signaldesk.decision.support.Market.snapshot(
                io.signaldesk.decision.support.Market.flat("MZ1", "12.5")));
        String exposition = given().get("/q/metrics").asString();
        for (String side : new String[] {"BUY", "SELL"}) {
            assertTrue(Pattern.compile("(?m)^decision_fills_total\\{[^}]*coin=\"MZ1\"[^}]*side=\"" + side + "\"[^}]*} 0\\.0$")
                    .matcher(exposition).find(), side + " fills of MZ1 not at 0:\n" + exposition.lines()
                    .filter(l -> l.startsWith("decision_fills")).toList());
        }
    }
}
