package io.signaldesk.feed.venue.ws;

import io.signaldesk.market.venue.VenueParseException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.signaldesk.common.connect.ReconnectBackoff;
import io.signaldesk.common.connect.Reconnector;
import io.signaldesk.feed.source.SourceStatus.State;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * One live WebSocket to a venue, kept alive: reconnects with exponential backoff and jitter after a
 * drop or a failed attempt (service-common's {@link Reconnector}, the state BACKOFF while it waits), closes and reopens a stream silent for longer than {@code staleAfter},
 * and hands every text frame to the {@link VenueProtocol}. Vert.x answers the venue's pings with
 * pongs carrying the same payload (RFC 6455), which Binance requires within a minute.
 * Everything runs on one Vert.x context, so the protocol's state needs no locking.
 */
public final class ExchangeConnection implements ConnectionControl {

    private static final Logger LOG = Logger.getLogger(ExchangeConnection.class);
    /** Book snapshots of deep subscriptions are large; the Vert.x default (256 KiB) is too small. */
    private static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    private final Vertx vertx;
    private final VenueProtocol protocol;
    private final VenueTelemetry telemetry;
    private final Reconnector reconnector;
    private final Duration staleAfter;
    private final Context context;
    private WebSocketClient client;
    private WebSocket socket;
    private boolean running;
    private boolean everOpened;
    private long lastFrameNanos;
    private long staleTimer = -1;

    public ExchangeConnection(Vertx vertx, VenueProtocol protocol, VenueTelemetry telemetry, ReconnectBackoff backoff,
            Duration staleAfter) {
        this.vertx = vertx;
        this.protocol = protocol;
        this.telemetry = telemetry;
        this.staleAfter = staleAfter;
        this.context = vertx.getOrCreateContext();
        // the waits are announced on this context: a failed attempt fails there, a drop is reported from there
        this.reconnector = new Reconnector(backoff, this::attempt, (delay, cause) -> telemetry.state(State.BACKOFF));
    }

    public void start() {
        context.runOnContext(ignored -> {
            if (running) {
                return;
            }
            running = true;
            telemetry.state(State.STARTING);
            client = vertx.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxMessageSize(MAX_MESSAGE_BYTES)
                    .setMaxFrameSize(MAX_MESSAGE_BYTES)
                    .setConnectTimeout((int) Math.max(1000, staleAfter.toMillis())));
            long checkEvery = Math.max(10, Math.min(1000, staleAfter.toMillis() / 4));
            staleTimer = vertx.setPeriodic(checkEvery, id -> checkStale());
            reconnector.start();
        });
    }

    public void stop() {
        context.runOnContext(ignored -> {
            running = false;
            reconnector.stop();
            vertx.cancelTimer(staleTimer);
            if (socket != null) {
                socket.close();
                socket = null;
            }
            if (client != null) {
                client.close();
                client = null;
            }
            protocol.release();
            telemetry.state(State.STOPPED);
        });
    }

    @Override
    public void send(String text) {
        if (socket != null) {
            socket.writeTextMessage(text);
        }
    }

    @Override
    public void reconnect(String reason) {
        LOG.infof("%s: reconnecting (%s)", telemetry.status().name(), reason);
        telemetry.error(reason);
        if (socket != null) {
            WebSocket closing = socket;
            closed(closing, reason);
            closing.close();
        }
    }

    @Override
    public void schedule(long delayMs, Runnable task) {
        vertx.setTimer(Math.max(1, delayMs), id -> {
            if (running) {
                task.run();
            }
        });
    }

    /** One attempt, run on this connection's context: completes once open, fails when the venue could not be reached. */
    private Uni<Void> attempt() {
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> connect(emitter)));
    }

    private void connect(UniEmitter<? super Void> attempt) {
        if (!running) {
            attempt.complete(null);
            return;
        }
        telemetry.state(State.CONNECTING);
        String url = protocol.url();
        telemetry.url(url);
        WebSocketConnectOptions options;
        try {
            options = connectOptions(url);
        } catch (IllegalArgumentException e) {
            telemetry.error("bad url " + url + ": " + e.getMessage());
            attempt.fail(e);
            return;
        }
        client.connect(options).onComplete(result -> {
            if (result.failed()) {
                telemetry.error("connect to " + url + " failed: " + result.cause().getMessage());
                attempt.fail(result.cause());
            } else if (!running) {
                result.result().close();
                attempt.complete(null);
            } else {
                opened(result.result());
                attempt.complete(null);
            }
        });
    }

    private void opened(WebSocket ws) {
        socket = ws;
        lastFrameNanos = System.nanoTime();
        if (everOpened) {
            telemetry.reconnected();
        }
        everOpened = true;
        ws.textMessageHandler(text -> {
            if (ws != socket) {
                return;
            }
            lastFrameNanos = System.nanoTime();
            Instant receivedAt = Instant.now();
            if (telemetry.state() != State.LIVE) {
                telemetry.state(State.LIVE);
            }
            try {
                protocol.onFrame(text, receivedAt, this);
            } catch (VenueParseException e) {
                telemetry.parseError(e.kind(), e.getMessage());
            } catch (RuntimeException e) {
                telemetry.parseError("internal", e.toString());
            }
        });
        ws.closeHandler(ignored -> closed(ws, "closed by venue"
                + (ws.closeStatusCode() == null ? "" : " (" + ws.closeStatusCode() + " " + ws.closeReason() + ")")));
        ws.exceptionHandler(e -> {
            if (ws == socket) {
                telemetry.error("socket error: " + e.getMessage());
            }
        });
        protocol.onOpen(this);
    }

    private void closed(WebSocket ws, String reason) {
        if (ws != socket) {
            return;
        }
        socket = null;
        telemetry.error(reason);
        protocol.onClose();
        if (running) {
            reconnector.dropped();
        }
    }

    private void checkStale() {
        if (socket == null) {
            return;
        }
        long silentNanos = System.nanoTime() - lastFrameNanos;
        if (silentNanos > staleAfter.toNanos()) {
            telemetry.state(State.STALE);
            reconnect("stale: no message for " + Duration.ofNanos(silentNanos).toMillis() + " ms");
        }
    }

    static WebSocketConnectOptions connectOptions(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean ssl = switch (scheme) {
            case "wss", "https" -> true;
            case "ws", "http" -> false;
            default -> throw new IllegalArgumentException("scheme must be ws or wss");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new WebSocketConnectOptions().setHost(uri.getHost()).setPort(port).setSsl(ssl).setURI(path + query);
    }
}
