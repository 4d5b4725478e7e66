package io.signaldesk.decision.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.support.HeldResponses;
import io.signaldesk.decision.support.InjectWebhook;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.WireMockWebhook;

/** Notifications reach a local webhook as JSON, asynchronously, retried with backoff and counted. */
@QuarkusTest
@QuarkusTestResource(WireMockWebhook.class)
class NotificationTest {

    private static final String HOOK = WireMockWebhook.PATH;

    @InjectWebhook
    WireMockServer webhook;

    @InjectWebhook
    HeldResponses webhookAnswers;

    @Inject
    Desk desk;

    @Inject
    PaperTradingService trading;

    @Inject
    RiskService risk;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void reset() {
        WireMockWebhook.accept(webhook);
        desk.rulesMode();
    }

    @AfterEach
    void restore() {
        risk.resume();
        WireMockWebhook.accept(webhook);
    }

    @Test
    void aProposalItsFillAStopAndTheHaltAreDeliveredAsJson() {
        CoinSnapshot coin = Market.bullish("NT1", "100");
        String id = desk.proposeEntry(coin);
        awaitEvent("proposal");
        webhook.verify(postRequestedFor(urlEqualTo(HOOK)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.event", equalTo("proposal")))
                .withRequestBody(matchingJsonPath("$.data.id", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.data.coin", equalTo("NT1")))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("ENTRY LONG")))
                .withRequestBody(matchingJsonPath("$.at")));

        given().post("/api/proposals/" + id + "/confirm").then().statusCode(200);
        awaitEvent("fill");
        webhook.verify(postRequestedFor(urlEqualTo(HOOK)).withRequestBody(matchingJsonPath("$.event", equalTo("fill")))
                .withRequestBody(matchingJsonPath("$.data.proposalId", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.data.kind", equalTo("ENTRY"))));

        CoinSnapshot crashed = Market.flat("NT1", "97");
        desk.tick(crashed);
        desk.engine().checkStops(trading.position("NT1").orElseThrow(), crashed).orElseThrow();
        awaitEvent("stop");
        webhook.verify(postRequestedFor(urlEqualTo(HOOK)).withRequestBody(matchingJsonPath("$.event", equalTo("stop")))
                .withRequestBody(matchingJsonPath("$.data.kind", equalTo("EXIT")))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock
                        .containing("STOP_LOSS"))));

        given().contentType("application/json").body("{\"reason\":\"lunch\"}").post("/api/decision/halt").then().statusCode(200);
        awaitEvent("halt");
        webhook.verify(postRequestedFor(urlEqualTo(HOOK)).withRequestBody(matchingJsonPath("$.event", equalTo("halt")))
                .withRequestBody(matchingJsonPath("$.data.reason", equalTo("lunch"))));
        given().delete("/api/decision/halt").then().statusCode(200);
        awaitEvent("resume");
    }

    @Test
    void anEntryProposedWithoutAMeasuredEdgeSaysSoInItsNotification() {
        // the test profile runs the edge gate off: the entry is proposed UNGATED, its setup unmeasured
        String id = desk.proposeEntry(Market.bullish("NT6", "100"));
        awaitEvent("proposal");
        webhook.verify(postRequestedFor(urlEqualTo(HOOK)).withRequestBody(matchingJsonPath("$.data.id", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.data.edgeVerdict", equalTo("UNGATED")))
                .withRequestBody(matchingJsonPath("$.text", com.github.tomakehurst.wiremock.client.WireMock.matching(
                        "ENTRY LONG [0-9.]+ NT6 at 100 \\(RULES, confidence [0-9]+\\), unproven: no measured edge for this "
                                + "setup after costs \\(edge gate off\\), waits for confirmation until .+"))));
    }

    @Test
    void safeModeOnAndOffAreDelivered() {
        int threshold = risk.limits().safeModeAfterFailures();
        for (int i = 0; i < threshold; i++) {
            risk.modelAnswered(false, "TIMEOUT");
        }
        awaitEvent("safe_mode_on");
        risk.modelAnswered(true, null);
        awaitEvent("safe_mode_off");
    }

    @Test
    void aDeliveryAnsweredWith500IsRetriedAndCountedDelivered() {
        double delivered = count("halt", "delivered");
        webhook.resetAll();
        webhook.stubFor(post(urlEqualTo(HOOK)).atPriority(9).willReturn(ok())); // stragglers of earlier tests
        webhook.stubFor(post(urlEqualTo(HOOK)).atPriority(1).withRequestBody(matchingJsonPath("$.data.reason", equalTo("retry test")))
                .inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(serverError()).willSetStateTo("recovered"));
        webhook.stubFor(post(urlEqualTo(HOOK)).atPriority(1).withRequestBody(matchingJsonPath("$.data.reason", equalTo("retry test")))
                .inScenario("flaky").whenScenarioStateIs("recovered").willReturn(ok()));

        risk.halt("retry test");

        await().atMost(Duration.ofSeconds(30)).until(() -> count("halt", "delivered") == delivered + 1);
        List<LoggedRequest> attempts = webhook.findAll(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.data.reason", equalTo("retry test"))));
        assertEquals(2, attempts.size(), "one 500, then one retry that was accepted");
        assertEquals(attempts.get(0).getBodyAsString(), attempts.get(1).getBodyAsString(), "the same body again");
    }

    @Test
    void aWebhookAnsweringOkAsPlainTextIsDeliveredOnce() {
        double delivered = count("halt", "delivered");
        double failed = count("halt", "failed");
        webhook.resetAll();
        webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("ok"))); // Slack's answer

        risk.halt("slack test");

        await().atMost(Duration.ofSeconds(30)).until(() -> count("halt", "delivered") == delivered + 1);
        assertEquals(failed, count("halt", "failed"));
        assertEquals(1, webhook.findAll(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.data.reason", equalTo("slack test")))).size(), "no retry");
    }

    @Test
    void aWebhookThatKeepsFailingGetsFiveAttemptsAndIsCountedFailed() {
        double failed = count("halt", "failed");
        webhook.resetAll();
        webhook.stubFor(post(urlEqualTo(HOOK)).willReturn(serverError()));

        risk.halt("down test");

        await().atMost(Duration.ofSeconds(15)).until(() -> count("halt", "failed") == failed + 1);
        assertEquals(5, webhook.findAll(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.data.reason", equalTo("down test")))).size(),
                "1 attempt + 4 retries, then it stops");
    }

    /**
     * The webhook takes the fill and does not answer until the test lets it: the confirmation has answered by then,
     * and the notification's outcome is not counted yet (an ordering, not a clock; a confirmation that waited for the
     * webhook would not answer until every attempt had timed out, and then the failure would be counted).
     */
    @Test
    void aSlowWebhookNeverHoldsUpAConfirmation() {
        CoinSnapshot coin = Market.bullish("NT2", "100");
        String id = desk.proposeEntry(coin);
        double delivered = count("fill", "delivered");
        double failed = count("fill", "failed");
        try (HeldResponses held = WireMockWebhook.holdAnswers(webhook, webhookAnswers)) {
            given().post("/api/proposals/" + id + "/confirm").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> held.received().stream()
                    .anyMatch(body -> body.contains("\"event\":\"fill\"") && body.contains(id)));
            assertEquals(delivered, count("fill", "delivered"), "the webhook has not answered the fill yet");
            assertEquals(failed, count("fill", "failed"), "nor has the confirmation waited for its attempts to fail");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("fill", "delivered") == delivered + 1);
    }

    private void awaitEvent(String event) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.findAll(postRequestedFor(urlEqualTo(HOOK))
                .withRequestBody(matchingJsonPath("$.event", equalTo(event)))).isEmpty());
    }

    private double count(String event, String outcome) {
        return registry.counter("decision.notifications", "event", event, "outcome", outcome).count();
    }
}
