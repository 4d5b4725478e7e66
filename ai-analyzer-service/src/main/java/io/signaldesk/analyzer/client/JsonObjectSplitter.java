package io.signaldesk.analyzer.client;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream of JSON objects (Ollama's NDJSON, or one pretty-printed object) into whole objects,
 * whatever byte the network split it at. Braces and quotes are ASCII, so scanning bytes is safe for UTF-8;
 * an object is decoded only once complete, so a multi-byte character split across chunks stays whole.
 */
public final class JsonObjectSplitter {

    /** Far above any Ollama chunk; a peer that never closes its object cannot make us buffer without end. */
    static final int MAX_OBJECT_BYTES = 1 << 20;

    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);
    private int depth;
    private boolean inString;
    private boolean escaped;

    /** @return the objects completed by these bytes, in order */
    public List<String> accept(ByteBuffer bytes) {
        List<String> done = new ArrayList<>(2);
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (depth == 0 && b != '{') {
                continue; // whitespace and newlines between objects
            }
            current.write(b);
            if (current.size() > MAX_OBJECT_BYTES) {
                throw new IllegalStateException("a streamed JSON object exceeded " + MAX_OBJECT_BYTES + " bytes");
            }
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
                if (depth == 0) {
                    done.add(current.toString(StandardCharsets.UTF_8));
                    current.reset();
                }
            }
        }
        return done;
    }
}
