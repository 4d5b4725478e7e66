package io.signaldesk.feed.api;

/** Body of every 4xx answer: what is wrong and which input (query parameter or path segment) caused it. */
public record ApiError(String error, String field) {
}
