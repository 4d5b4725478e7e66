package io.signaldesk.analyzer.ws;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.signaldesk.analyzer.domain.AnalysisSignal;
import io.signaldesk.analyzer.domain.AnalysisType;
import io.signaldesk.analyzer.service.AnalysisProgress;
import io.signaldesk.analyzer.service.AnalysisPublished;
import io.signaldesk.analyzer.service.SentimentScheduler;
import io.signaldesk.common.ws.FrameBudget;
import io.smallrye.mutiny.Uni;

/**
 * Pushes every analysis as it is made: its decision the moment it is known (a {@code signal} frame), its reason
 * as it is written ({@code reason} frames), then the whole envelope; on connect, the latest scheduled sentiment.
 */
@WebSocket(path = "/ws/analysis")
public class AnalysisSocket {

    private static final Logger LOG = Logger.getLogger(AnalysisSocket.class);
    static final String READ_ONLY = "{\"type\":\"error\",\"message\":\"this socket only pushes analyses; use the REST API to ask for one\"}";

    private final OpenConnections connections;
    private final ObjectMapper mapper;
    private final SentimentScheduler scheduler;
    private final FrameBudget budget;

    public AnalysisSocket(OpenConnections connections, ObjectMapper mapper, SentimentScheduler scheduler,
            FrameBudget budget) {
        this.connections = connections;
        this.budget = budget;
        this.mapper = mapper;
        this.scheduler = scheduler;
    }

    @OnOpen
    public String onOpen() {
        return scheduler.latest().map(this::json).orElse(null);
    }

    /** The socket only pushes: a frame gets one explanation, within the connection's {@link FrameBudget}. */
    @OnTextMessage
    public Uni<Void> onMessage(WebSocketConnection connection, String frame) {
        return budget.admit(connection) ? connection.sendText(READ_ONLY) : Uni.createFrom().voidItem();
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        budget.forget(connection);
    }

    void push(@Observes AnalysisPublished event) {
        send(json(event.envelope()));
    }

    /** The decision first ({@code "kind":"signal"}), then the reason as it is written ({@code "kind":"reason"}). */
    void progress(@Observes AnalysisProgress event) {
        send(json(event.signal() != null ? new SignalFrame("signal", event.type(), event.signal())
                : new ReasonFrame("reason", event.type(), event.reason())));
    }

    @RegisterForReflection
    record SignalFrame(String kind, AnalysisType type, AnalysisSignal signal) {
    }

    @RegisterForReflection
    record ReasonFrame(String kind, AnalysisType type, String text) {
    }

    private void send(String frame) {
        connections.forEach(connection -> connection.sendText(frame).subscribe().with(
                ok -> { }, failure -> LOG.debugf("Push to %s failed: %s", connection.id(), failure.getMessage())));
    }

    private String json(Object envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("envelope not serialisable", e);
        }
    }
}
