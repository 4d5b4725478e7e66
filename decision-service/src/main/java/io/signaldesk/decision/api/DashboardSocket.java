package io.signaldesk.decision.api;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.signaldesk.common.ws.FrameBudget;
import io.signaldesk.decision.adapter.analyzer.AnalysisStreamClient;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Live state for the dashboard: a full state message on connect and every second after, and the analyzer's
 * decisions and reasons relayed the moment they arrive.
 */
@WebSocket(path = "/ws/dashboard", endpointId = DashboardSocket.ENDPOINT)
public class DashboardSocket {

    static final String ENDPOINT = "dashboard";

    private static final Logger LOG = Logger.getLogger(DashboardSocket.class);

    private final DashboardService dashboard;
    private final OpenConnections connections;
    private final ObjectMapper mapper;
    /** RFC 6455: a message too big to process. */
    static final int MESSAGE_TOO_BIG = 1009;
    private final FrameBudget budget;

    @Inject
    DashboardSocket(DashboardService dashboard, OpenConnections connections, ObjectMapper mapper, FrameBudget budget) {
        this.dashboard = dashboard;
        this.budget = budget;
        this.connections = connections;
        this.mapper = mapper;
    }

    @OnOpen
    @Blocking
    public String onOpen() {
        return render();
    }

    /**
     * "refresh" (or {"type":"refresh"}) asks for a fresh state; anything else gets an error frame. The dashboard acts
     * through REST. Frames beyond the connection's {@link FrameBudget} are refused before any rendering.
     */
    @OnTextMessage
    @Blocking
    public void onMessage(WebSocketConnection connection, String message) {
        if (!budget.admit(connection)) {
            return;
        }
        String text = message == null ? "" : message.trim();
        String reply = "refresh".equals(text) || text.replace(" ", "").equals("{\"type\":\"refresh\"}") ? render()
                : "{\"type\":\"error\",\"message\":\"unknown frame: the only request is refresh\"}";
        connection.sendText(reply).subscribe().with(v -> {
        }, e -> LOG.debugf("dashboard reply failed: %s", e.toString()));
    }

    /**
     * A frame past quarkus.websockets-next.server.max-message-size (4 KiB; "refresh" is all the dashboard sends) is
     * closed as too big (1009) with a reason, logged at debug: it was an ERROR with a stack trace and a 1011 each time.
     */
    @OnError
    public Uni<Void> onError(WebSocketConnection connection, IllegalStateException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("max message size")) {
            LOG.debugf("dashboard frame refused: %s", message);
            return connection.close(new CloseReason(MESSAGE_TOO_BIG, "frame too big: the only request is refresh"));
        }
        LOG.error("dashboard connection failed", failure);
        return connection.close(new CloseReason(CloseReason.INTERNAL_SERVER_ERROR.getCode(), "internal error"));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        budget.forget(connection);
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void broadcast() {
        var dashboards = connections.findByEndpointId(ENDPOINT);
        if (dashboards.isEmpty()) {
            return;
        }
        String state = render();
        for (WebSocketConnection connection : dashboards) {
            connection.sendText(state).subscribe().with(v -> {
            }, e -> LOG.debugf("dashboard push failed: %s", e.toString()));
        }
    }

    /** The analyzer's decision or reason piece, passed on at once: {"type":"analysis","frame":{...}}. */
    void relay(@Observes AnalysisStreamClient.AnalysisFrame frame) {
        String message = "{\"type\":\"analysis\",\"frame\":" + frame.json() + "}";
        for (WebSocketConnection connection : connections.findByEndpointId(ENDPOINT)) {
            connection.sendText(message).subscribe().with(v -> {
            }, e -> LOG.debugf("dashboard relay failed: %s", e.toString()));
        }
    }

    private String render() {
        try {
            return mapper.writeValueAsString(dashboard.state());
        } catch (Exception e) {
            LOG.warn("cannot render dashboard state", e);
            return "{\"type\":\"error\",\"message\":\"state unavailable\"}";
        }
    }
}
