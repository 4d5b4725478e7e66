package io.signaldesk.decision.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;

/** Canned ai-analyzer-service answers (fixtures under src/test/resources/analyzer) for WireMock. */
public final class Analyzer {

    private Analyzer() {
    }

    public static void answers(WireMockServer server, String path, String fixture) {
        server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fixture(fixture))));
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
