package io.signaldesk.analyzer.rest;

/** Every 4xx/5xx body: what is wrong and, when a field is to blame, which one. */
public record ErrorResponse(String error, String field) {
}
