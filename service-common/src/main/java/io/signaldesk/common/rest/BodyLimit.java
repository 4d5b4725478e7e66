package io.signaldesk.common.rest;

import java.util.List;

import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.signaldesk.common.config.SignalConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Body sizes: {@code signal.http.body-limit} on every path but {@code signal.http.upload-paths}, which take
 * {@code signal.http.upload-limit} (also {@code quarkus.http.limits.max-body-size}, the hard cap of any body). A
 * larger declared body is refused with a JSON 413 before it is read.
 */
public class BodyLimit {

    private final long limit;
    private final long upload;
    private final List<String> uploadPaths;

    BodyLimit(SignalConfig config) {
        this.limit = config.http().bodyLimit().asLongValue();
        this.upload = config.http().uploadLimit().asLongValue();
        this.uploadPaths = config.http().uploadPaths().orElse(List.of());
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            long max = uploadPaths.contains(request.path()) ? upload : limit;
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, max)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"error\":\"body larger than " + max / 1024 + " KiB\",\"field\":\"body\"}");
                return;
            }
            rc.next();
        }, 1000);
    }

    private static boolean tooLong(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
