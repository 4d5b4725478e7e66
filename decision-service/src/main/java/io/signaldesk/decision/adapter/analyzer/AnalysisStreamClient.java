package io.signaldesk.decision.adapter.analyzer;

import java.net.URI;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.signaldesk.decision.config.DecisionConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.signaldesk.common.connect.ReconnectBackoff;
import io.signaldesk.common.connect.Reconnector;
import io.smallrye.mutiny.Uni;

/**
 * A WebSocket client of the analyzer's /ws/analysis: its decisions the moment they are known and its reasons as
 * they are written, handed on (as {@link AnalysisFrame} events) for the dashboard. Only frames of those two
 * kinds, of bounded size, are passed; it reconnects while the analyzer is away (service-common's {@link Reconnector}:
 * 1 s doubling to 30 s, 20 % jitter), and decision.analysis.relay.connected says whether it is connected.
 */
@ApplicationScoped
public class AnalysisStreamClient {

    /** A signal or reason frame of the analyzer, as it sent it (checked JSON). */
    public record AnalysisFrame(String json) {
    }

    private static final Logger LOG = Logger.getLogger(AnalysisStreamClient.class);
    static final int MAX_FRAME_CHARS = 8192;
    private static final ReconnectBackoff BACKOFF = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);

    private final DecisionConfig config;
    private final URI analysisSocket;
    private final ObjectMapper mapper;
    private final Event<AnalysisFrame> frames;
    private final Reconnector reconnector;
    private volatile boolean shutDown;
    private volatile WebSocketClientConnection connection;

    AnalysisStreamClient(DecisionConfig config, @ConfigProperty(name = "quarkus.rest-client.ai-analyzer.url") String analyzerUrl,
            ObjectMapper mapper, Event<AnalysisFrame> frames, MeterRegistry registry) {
        this.config = config;
        URI http = URI.create(analyzerUrl);
        this.analysisSocket = URI.create(("https".equals(http.getScheme()) ? "wss" : "ws") + "://" + http.getAuthority());
        this.mapper = mapper;
        this.frames = frames;
        this.reconnector = new Reconnector(BACKOFF, this::open, (delay, cause) -> LOG.debugf(
                "analysis relay: next connect in %d ms", delay.toMillis()));
        registry.gauge("decision.analysis.relay.connected", this, c -> c.connected() ? 1 : 0);
    }

    /**
     * At start in the websocket transport, when decision.relay-analysis is on (in kafka mode the frames come from the
     * answers on Kafka, {@link AnalysisResultConsumer}, of whichever analyzer).
     */
    public void startIfConfigured() {
        if (config.relayAnalysis()) {
            reconnector.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        shutDown = true;
        reconnector.stop();
        WebSocketClientConnection current = connection;
        if (current != null && current.isOpen()) {
            current.close().subscribe().with(v -> {
            }, e -> {
            });
        }
    }

    /** The analyzer's /ws/analysis is open. */
    public boolean connected() {
        WebSocketClientConnection current = connection;
        return current != null && current.isOpen();
    }

    /** One attempt: completes once the socket is open. */
    private Uni<WebSocketClientConnection> open() {
        return BasicWebSocketConnector.create()
                .baseUri(analysisSocket)
                .path("/ws/analysis")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> onFrame(text))
                .onClose((c, reason) -> reconnector.dropped())
                .connect()
                .invoke(c -> {
                    if (shutDown) {
                        c.close().subscribe().with(v -> {
                        }, e -> {
                        }); // the service stopped while it was connecting
                        return;
                    }
                    connection = c;
                    LOG.infof("relaying the analyzer's decisions and reasons from %s/ws/analysis", analysisSocket);
                });
    }

    void onFrame(String text) {
        if (shutDown || text == null || text.length() > MAX_FRAME_CHARS) {
            return;
        }
        try {
            JsonNode frame = mapper.readTree(text);
            String kind = frame.path("kind").asText("");
            if ("signal".equals(kind) || "reason".equals(kind)) {
                frames.fire(new AnalysisFrame(mapper.writeValueAsString(frame)));
            }
        } catch (Exception e) {
            LOG.debugf("unreadable analyzer frame skipped: %s", e.getMessage());
        }
    }
}
