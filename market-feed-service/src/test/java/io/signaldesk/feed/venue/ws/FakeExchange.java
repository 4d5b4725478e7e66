package io.signaldesk.feed.venue.ws;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/**
 * A fake venue for tests: a Vert.x HTTP server on a random port accepting WebSockets (recording what
 * clients send) and answering plain HTTP requests with a pluggable handler (Binance's REST depth).
 */
public final class FakeExchange implements AutoCloseable {

    public final List<ServerWebSocket> connections = new CopyOnWriteArrayList<>();
    public final List<String> received = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final List<String> pongs = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile BiConsumer<ServerWebSocket, String> onText = (ws, text) -> { };
    private volatile Function<HttpServerRequest, String> rest = request -> null;

    public FakeExchange(Vertx vertx) throws Exception {
        server = vertx.createHttpServer()
                .webSocketHandler(ws -> {
                    connections.add(ws);
                    ws.textMessageHandler(text -> {
                        received.add(text);
                        onText.accept(ws, text);
                    });
                    ws.pongHandler(buffer -> pongs.add(buffer.toString()));
                })
                .requestHandler(request -> {
                    requests.add(request.uri());
                    String body = rest.apply(request);
                    if (body == null) {
                        request.response().setStatusCode(404).end("{\"code\":-1,\"msg\":\"not found\"}");
                    } else {
                        request.response().putHeader("content-type", "application/json").end(body);
                    }
                })
                .listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    public String wsUrl() {
        return "ws://localhost:" + port();
    }

    public String httpUrl() {
        return "http://localhost:" + port();
    }

    public void onText(BiConsumer<ServerWebSocket, String> handler) {
        this.onText = handler;
    }

    public void rest(Function<HttpServerRequest, String> handler) {
        this.rest = handler;
    }

    /** The most recent client connection. */
    public ServerWebSocket current() {
        return connections.get(connections.size() - 1);
    }

    public void send(String frame) {
        current().writeTextMessage(frame);
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
