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
import io.vertx.core.Vertx;

/**
 * A WebSocket client of the analyzer's /ws/analysis: its decisions the moment they are known and its reasons as
 * they are written, handed on (as {@link AnalysisFrame} events) for the dashboard. Only frames of those two
 * kinds, of bounded size, are passed; it reconnects with backoff while the analyzer is away.
 */
@ApplicationScoped
public class AnalysisStreamClient {

    /** A signal or reason frame of the analyzer, as it sent it (checked JSON). */
    public record AnalysisFrame(String json) {
    }

    private static final Logger LOG = Logger.getLogger(AnalysisStreamClient.class);
    static final int MAX_FRAME_CHARS = 8192;
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DecisionConfig config;
    private final URI analysisSocket;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Event<AnalysisFrame> frames;
    private volatile boolean stopped = true;
    private volatile boolean shutDown;
    private volatile Duration backoff = MIN_BACKOFF;
    private volatile WebSocketClientConnection connection;

    AnalysisStreamClient(DecisionConfig config, @ConfigProperty(name = "quarkus.rest-client.ai-analyzer.url") String analyzerUrl,
            ObjectMapper mapper, Vertx vertx, Event<AnalysisFrame> frames) {
        this.config = config;
        URI http = URI.create(analyzerUrl);
        this.analysisSocket = URI.create(("https".equals(http.getScheme()) ? "wss" : "ws") + "://" + http.getAuthority());
        this.mapper = mapper;
        this.vertx = vertx;
        this.frames = frames;
    }

    /**
     * At start in the websocket transport, when decision.relay-analysis is on (in kafka mode the frames come from the
     * answers on Kafka, {@link AnalysisResultConsumer}, of whichever analyzer).
     */
    public void startIfConfigured() {
        if (config.relayAnalysis()) {
            stopped = false;
            connect();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        shutDown = true;
        WebSocketClientConnection current = connection;
        if (current != null && current.isOpen()) {
            current.close().subscribe().with(v -> {
            }, e -> {
            });
        }
    }

    private void connect() {
        if (stopped) {
            return;
        }
        BasicWebSocketConnector.create()
                .baseUri(analysisSocket)
                .path("/ws/analysis")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, text) -> onFrame(text))
                .onClose((c, reason) -> retry())
                .connect()
                .subscribe().with(c -> {
                    connection = c;
                    backoff = MIN_BACKOFF;
                    LOG.infof("relaying the analyzer's decisions and reasons from %s/ws/analysis", analysisSocket);
                }, failure -> retry());
    }

    private void retry() {
        if (stopped) {
            return;
        }
        Duration wait = backoff;
        backoff = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
        vertx.setTimer(wait.toMillis(), id -> connect());
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
