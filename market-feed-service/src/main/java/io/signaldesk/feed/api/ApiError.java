package io.signaldesk.feed.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of every 4xx answer: what is wrong and which input (query parameter or path segment) caused it. */
@RegisterForReflection
public record ApiError(String error, String field) {
}
