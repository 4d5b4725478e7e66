package io.signaldesk.decision.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.signaldesk.core.parity.DecisionParity;

/** Canned ai-analyzer-service answers (fixtures under src/test/resources/analyzer) for WireMock. */
public final class Analyzer {

    private Analyzer() {
    }

    /**
     * Answers {@code path} with the envelope in {@code fixture}: as JSON, and, to a caller that accepts
     * text/event-stream, as the analyzer streams it (signal with the decision fields, reason, done).
     */
    public static void answers(WireMockServer server, String path, String fixture) {
        String envelope = fixture(fixture);
        server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(envelope)));
        server.stubFor(post(urlEqualTo(path)).withHeader("Accept", containing("text/event-stream"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                        .withBody(events(envelope))));
    }

    /** The analyzer's Server-Sent Events for an envelope: the decision fields first, then the reason, then the envelope. */
    public static String events(String envelopeJson) {
        return DecisionParity.events(envelopeJson);
    }

    public static void getAnswers(WireMockServer server, String path, String fixture) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture(fixture))));
    }

    public static String fixture(String name) {
        try (InputStream in = Analyzer.class.getResourceAsStream("/analyzer/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
