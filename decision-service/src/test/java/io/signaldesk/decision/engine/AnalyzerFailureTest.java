package io.signaldesk.decision.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.signaldesk.core.market.CoinSnapshot;
import io.signaldesk.decision.domain.Mode;
import io.signaldesk.decision.domain.Policy;
import io.signaldesk.decision.domain.Proposal;
import io.signaldesk.decision.support.Analyzer;
import io.signaldesk.decision.support.InjectWireMock;
import io.signaldesk.decision.support.Desk;
import io.signaldesk.decision.support.Market;
import io.signaldesk.decision.support.Profiles;

/** Its own app instance, so the circuit breaker it opens does not leak into other tests. */
@QuarkusTest
@TestProfile(Profiles.Hardened.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyzerFailureTest {

    @InjectWireMock
    WireMockServer analyzer;

    @Inject
    Desk desk;

    @BeforeEach
    void reset() {
        analyzer.resetAll();
        desk.modes().change(Mode.HYBRID, Policy.VETO);
    }

    @Test
    @Order(1)
    void fallsBackToRulesLabelledWhenTheAnalyzerAnswers500AfterOneRetry() {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(aResponse().withStatus(500)));
        Proposal proposal = proposalFor(Market.bullish("D1", "100"));
        assertEquals("RULES_FALLBACK", proposal.source());
        assertEquals("ANALYZER_DOWN", proposal.fallbackReason());
        // both asks carry the desk key (here SIGNAL_API_KEY): the analyzer serves them in its desk lane
        analyzer.verify(2, postRequestedFor(urlEqualTo("/api/analysis/entry"))
                .withHeader("X-Engine-Key", WireMock.equalTo("test-key")));
    }

    @Test
    @Order(2)
    void fallsBackToRulesWhenTheAnalyzerTimesOut() {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody(Analyzer.events(Analyzer.fixture("entry-enter.json")))
                .withFixedDelay(4000)));
        Proposal proposal = proposalFor(Market.bullish("D2", "100"));
        assertEquals("RULES_FALLBACK", proposal.source());
        assertEquals("TIMEOUT", proposal.fallbackReason());
    }

    @Test
    @Order(3)
    void stopsCallingWhileTheCircuitIsOpen() {
        analyzer.stubFor(post(urlEqualTo("/api/analysis/entry")).willReturn(aResponse().withStatus(500)));
        Proposal proposal = proposalFor(Market.bullish("D3", "100"));
        assertEquals("CIRCUIT_OPEN", proposal.fallbackReason());
        analyzer.verify(0, postRequestedFor(urlEqualTo("/api/analysis/entry")));
    }

    @Test
    @Order(4)
    void countsFallbacksForGrafana() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("decision_analyzer_fallbacks_total{call=\"entry\",reason=\"CIRCUIT_OPEN\"}"))
                .body(containsString("decision_analyzer_fallbacks_total{call=\"entry\",reason=\"TIMEOUT\"}"));
    }

    private Proposal proposalFor(CoinSnapshot coin) {
        return desk.proposals().find(desk.proposeEntry(coin)).orElseThrow();
    }
}
