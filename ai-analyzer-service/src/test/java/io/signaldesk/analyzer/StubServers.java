package io.signaldesk.analyzer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One WireMock server per test JVM playing Ollama (/api/chat, /api/tags, /api/generate) and the feed (/api/market/snapshot). */
public class StubServers implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
        }
        return server;
    }

    /** Back to the documented happy payloads, request journal emptied. */
    public static void reset() {
        WireMockServer stub = server();
        stub.resetAll();
        stub.stubFor(get(urlEqualTo("/api/tags")).willReturn(json(fixture("ollama/tags.json"))));
        stub.stubFor(post(urlEqualTo("/api/generate")).willReturn(json(fixture("ollama/generate-preload.json"))));
        // streamed as Ollama streams it: one JSON object per line (the fixture is the documented final chunk)
        stub.stubFor(post(urlEqualTo("/api/chat")).willReturn(json(OllamaReplies.oneLine(fixture("ollama/chat-response.json")))));
        stub.stubFor(get(urlEqualTo("/api/market/snapshot")).willReturn(json(fixture("feed/snapshot.json"))));
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static String fixture(String path) {
        try (InputStream in = StubServers.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        reset();
        return Map.of("stub.url", server().baseUrl());
    }

    @Override
    public void stop() {
        // shared by every profile of the JVM; WireMock's threads die with it
    }
}
