package io.signaldesk.analyzer.rest;

import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Paths no route serves (and methods no route takes) answer in the JSON error shape, not Vert.x's HTML page. */
@Singleton
public class RouterErrors {

    private final ObjectMapper mapper;

    RouterErrors(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.errorHandler(404, this::answer);
        router.errorHandler(405, this::answer);
    }

    private void answer(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() > 0 ? context.statusCode() : 404;
        ErrorResponse body = JsonErrors.forStatus(status, context.request().method().name(), context.request().path(),
                Set.of(), context.request().getHeader(HttpHeaders.CONTENT_TYPE), null);
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(mapper.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
