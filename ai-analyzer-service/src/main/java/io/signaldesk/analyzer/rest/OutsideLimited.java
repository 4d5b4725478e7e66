package io.signaldesk.analyzer.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The analyses an outside caller asks ({@code POST /api/analysis/*}) are counted against its rate limit
 * ({@link OutsideCallerLimit}) once their body is valid: a bad body is its 400, not a 429, and costs no turn.
 */
@InterceptorBinding
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
public @interface OutsideLimited {
}
