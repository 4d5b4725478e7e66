package io.signaldesk.decision.support;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

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
        server = new WireMockServer(options().dynamicPort().extensions(new Held()));
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
     * Until closed, the webhook takes each notification (its body in {@link HeldAnswers#received()}) and does not
     * answer it: a webhook slower than anything a test waits for, without a clock.
     */
    public static HeldAnswers holdAnswers(WireMockServer server) {
        HeldAnswers held = new HeldAnswers();
        Held.current = held;
        server.resetAll();
        server.stubFor(post(urlEqualTo(PATH)).willReturn(ok().withTransformers(Held.NAME)));
        return held;
    }

    /** Notifications the webhook has and holds the answer to; closing answers them all (200). */
    public static final class HeldAnswers implements AutoCloseable {
        private final CountDownLatch gate = new CountDownLatch(1);
        private final List<String> received = new CopyOnWriteArrayList<>();

        /** The bodies of the notifications received since the hold began. */
        public List<String> received() {
            return List.copyOf(received);
        }

        @Override
        public void close() {
            gate.countDown();
        }
    }

    /** Holds a stub's answer (the stubs naming it) until the current {@link HeldAnswers} is closed. */
    private static final class Held implements ResponseTransformerV2 {
        static final String NAME = "held-answers";
        static volatile HeldAnswers current;

        @Override
        public Response transform(Response response, ServeEvent event) {
            HeldAnswers held = current;
            if (held != null) {
                held.received.add(event.getRequest().getBodyAsString());
                try {
                    held.gate.await(2, TimeUnit.MINUTES); // bounded, so a forgotten hold cannot hang the server
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return response;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
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
