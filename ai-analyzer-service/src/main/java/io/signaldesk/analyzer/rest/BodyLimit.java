package io.signaldesk.analyzer.rest;

import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Body sizes: 256 KiB on every endpoint but the evaluation (2 MiB, a recording may travel inline), which is also
 * {@code quarkus.http.limits.max-body-size}, the hard cap of any body. A larger declared body is refused with a
 * JSON 413 before it is read.
 */
public class BodyLimit {

    public static final long DEFAULT = 256 * 1024;
    public static final long UPLOAD = 2 * 1024 * 1024;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            HttpServerRequest request = rc.request();
            long limit = request.path().equals("/api/ai/evaluate") ? UPLOAD : DEFAULT;
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLong(length, limit)) {
                rc.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .end("{\"error\":\"body larger than " + limit / 1024 + " KiB\",\"field\":\"body\"}");
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
