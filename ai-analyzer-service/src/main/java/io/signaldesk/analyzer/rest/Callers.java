package io.signaldesk.analyzer.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.analyzer.service.Caller;
import io.signaldesk.common.config.SignalConfig;

/**
 * Who asks an analysis over HTTP: the desk's engine when X-Engine-Key carries the desk's key (SIGNAL_ENGINE_KEY, else
 * SIGNAL_API_KEY; compared in constant time), anyone else otherwise; and whether the cache may serve or keep the
 * answer ({@code Cache-Control: no-cache} asks the model, {@code no-store} keeps its answer out of the cache).
 */
@ApplicationScoped
public class Callers {

    public static final String ENGINE_HEADER = "X-Engine-Key";
    private static final Logger LOG = Logger.getLogger(Callers.class);

    private final byte[] deskKey;

    public Callers(SignalConfig config) {
        this.deskKey = config.deskKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    void warnWithoutKey(@jakarta.enterprise.event.Observes StartupEvent start) {
        if (deskKey == null) {
            LOG.warn("No SIGNAL_ENGINE_KEY (nor SIGNAL_API_KEY): the decision engine cannot be told from other callers, "
                    + "so every caller shares the desk's lane and none is rate-limited. Set the same key on the "
                    + "analyzer and the decision service.");
        }
    }

    /** Whether callers can be told apart (a desk key is configured). */
    public boolean lanes() {
        return deskKey != null;
    }

    /** Whether {@code presented} (X-Engine-Key) is the desk's key; without a configured key everyone is the desk. */
    public boolean isDesk(String presented) {
        if (deskKey == null) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), deskKey);
    }

    public Caller of(HttpHeaders headers) {
        String cacheControl = String.join(",", headers.getRequestHeader(HttpHeaders.CACHE_CONTROL) == null ? java.util.List.of()
                : headers.getRequestHeader(HttpHeaders.CACHE_CONTROL)).toLowerCase(Locale.ROOT);
        return new Caller(isDesk(headers.getHeaderString(ENGINE_HEADER)), !directive(cacheControl, "no-cache"),
                !directive(cacheControl, "no-store"), false);
    }

    private static boolean directive(String cacheControl, String name) {
        for (String part : cacheControl.split(",")) {
            if (part.strip().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
