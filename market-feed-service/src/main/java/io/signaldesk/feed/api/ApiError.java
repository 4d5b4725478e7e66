package io.signaldesk.feed.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of every 4xx/5xx answer: what is wrong and, when one input is to blame, which (absent otherwise). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {
}
