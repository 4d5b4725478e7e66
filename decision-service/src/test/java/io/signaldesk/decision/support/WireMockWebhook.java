package io.signaldesk.decision.support;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local HTTP server standing in for a trader's webhook ({@code POST /hook}, 200 by default), set as
 * decision.notify.webhook-url for every test app (a global resource: no extra restart).
 */
public class WireMockWebhook implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/hook";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        accept(server);
        return Map.of("decision.notify.webhook-url", server.baseUrl() + PATH);
    }

    /** Answers every notification with 200. */
    public static void accept(WireMockServer server) {
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(ok()));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWebhook.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
