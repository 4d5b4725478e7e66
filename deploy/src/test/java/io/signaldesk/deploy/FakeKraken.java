package io.signaldesk.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Kraken v2 WebSocket endpoint (RFC 6455 by hand, text frames only) for the live-venue metrics:
 * every connection gets a heartbeat, a documented trade update and one garbage frame; the first two
 * connections are then dropped, so the feed counts messages, a parse error and reconnects.
 */
final class FakeKraken implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-kraken");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running = true;

    FakeKraken() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    String url() {
        return "ws://127.0.0.1:" + server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket socket = server.accept();
                threads.submit(() -> serve(socket, connections.incrementAndGet()));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String key = handshakeKey(in);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            threads.submit(() -> drain(in));
            send(out, "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"api_version\":\"v2\",\"system\":\"online\",\"version\":\"2.0.0\"}]}");
            for (int i = 0; running && (number > 2 || i < 3); i++) {
                send(out, "{\"channel\":\"heartbeat\"}");
                send(out, "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"buy\","
                        + "\"price\":95000.1,\"qty\":0.0125,\"ord_type\":\"market\",\"trade_id\":" + (number * 1000 + i)
                        + ",\"timestamp\":\"" + Instant.now() + "\"}]}");
                send(out, "this is not json");
                Thread.sleep(1000);
            }
            // the first connections end without a close frame: a dropped connection
        } catch (IOException | InterruptedException e) {
            // the feed went away or we are closing
        }
    }

    private static String handshakeKey(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake cut short");
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new IOException("no Sec-WebSocket-Key");
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void send(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81); // FIN + text
        if (payload.length < 126) {
            out.write(payload.length);
        } else {
            out.write(126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(payload);
        out.flush();
    }

    /** Reads and discards the client's (masked) frames: subscriptions, pings. */
    private static void drain(InputStream in) {
        try {
            while (in.read() >= 0) {
                // the content does not matter to this fake
            }
        } catch (IOException e) {
            // closed
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        threads.shutdownNow();
    }
}
