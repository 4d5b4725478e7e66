package io.signaldesk.analyzer.rest;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Takes an outside caller's turn ({@link OutsideCallerLimit}) when an analysis is about to run: after Quarkus's
 * validation of the body (its interceptor is at {@code PLATFORM_AFTER + 800}), so only valid requests count, and before
 * the model is asked, so the limit still guards the model's time.
 */
@OutsideLimited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 900)
public class OutsideLimitInterceptor {

    private static final String TAKEN = OutsideLimitInterceptor.class.getName();

    private final OutsideCallerLimit limit;
    private final CurrentVertxRequest current;

    public OutsideLimitInterceptor(OutsideCallerLimit limit, CurrentVertxRequest current) {
        this.limit = limit;
        this.current = current;
    }

    @AroundInvoke
    Object limited(InvocationContext invocation) throws Exception {
        var request = current.getCurrent();
        // once a request: a resource method the analysis calls on its way is not another turn
        if (request != null && request.get(TAKEN) == null) {
            request.put(TAKEN, Boolean.TRUE);
            Response refused = limit.limit(request.request());
            if (refused != null) {
                throw new WebApplicationException(refused);
            }
        }
        return invocation.proceed();
    }
}
