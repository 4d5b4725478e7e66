package io.signaldesk.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Ollama's HTTP API as documented (/api/tags, /api/chat, /api/generate, /api/version), answering
 * each analysis with a valid record picked by the JSON schema the analyzer sends as {@code format}.
 */
final class OllamaStub {

    static final String MODEL = "llama3.2:3b";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PROMPT_TOKENS = 120;
    static final String ENTRY_REASON = "Stub model: momentum, book and flow agree with the trade.";

    private final WireMockServer server;

    OllamaStub(int port) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").port(port).containerThreads(20));
    }

    void start() {
        server.start();
        server.stubFor(get(urlPathEqualTo("/api/tags")).willReturn(json("tags.json")));
        server.stubFor(get(urlPathEqualTo("/api/version")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"version\":\"0.12.6\"}")));
        server.stubFor(get(urlPathEqualTo("/")).willReturn(aResponse().withBody("Ollama is running")));
        server.stubFor(post(urlPathEqualTo("/api/generate")).willReturn(json("generate-preload.json")));
        // sentiment is the default answer; the other three are chosen by a property of their schema
        server.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(10).willReturn(streamed("chat-sentiment.json")));
        server.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.format.properties.enter")).willReturn(streamed("chat-entry.json")));
        server.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.format.properties.action")).willReturn(streamed("chat-exit.json")));
        server.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.format.properties.positionSizePct")).willReturn(streamed("chat-risk.json")));
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"not in the stub\"}")));
    }

    void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    List<LoggedRequest> chatRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/chat")));
    }

    /**
     * A streamed /api/chat answer as Ollama writes it: newline-delimited JSON, one object a line (here the final chunk,
     * which carries the whole message and the timings). The fixtures are pretty-printed for reading.
     */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder streamed(String fixture) {
        try {
            String line = JSON.writeValueAsString(JSON.readTree(fixture(fixture)));
            return aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(line + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String fixture) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = OllamaStub.class.getResourceAsStream("/ollama/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture /ollama/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
