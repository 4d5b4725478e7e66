package io.signaldesk.decision.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts WireMock as ai-analyzer-service and points the REST client at it; {@link HeldResponses} holds a stub's answer. */
public class WireMockAnalyzer implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    private final HeldResponses held = new HeldResponses();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(held));
        server.start();
        return Map.of("quarkus.rest-client.ai-analyzer.url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
        injector.injectIntoFields(held,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, HeldResponses.class));
    }

    @Override
    public void stop() {
        held.release();
        if (server != null) {
            server.stop();
        }
    }
}
