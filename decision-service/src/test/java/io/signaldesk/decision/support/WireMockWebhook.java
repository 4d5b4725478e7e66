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

    private final HeldResponses held = new HeldResponses();

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(held));
        server.start();
        accept(server);
        return Map.of("decision.notify.webhook-url", server.baseUrl() + PATH);
    }

    /** Answers every notification with 200. */
    public static void accept(WireMockServer server) {
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(ok()));
    }

    /**
     * Until {@code held} is closed, the webhook takes each notification (its body in {@link HeldResponses#received()})
     * and does not answer it: a webhook slower than anything a test waits for, without a clock.
     */
    public static HeldResponses holdAnswers(WireMockServer server, HeldResponses held) {
        held.hold();
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(ok().withTransformers(HeldResponses.NAME)));
        return held;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWebhook.class, WireMockServer.class));
        injector.injectIntoFields(held,
                new TestInjector.AnnotatedAndMatchesType(InjectWebhook.class, HeldResponses.class));
    }

    @Override
    public void stop() {
        held.release();
        if (server != null) {
            server.stop();
        }
    }
}
