package io.signaldesk.analyzer.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every 4xx/5xx body: what is wrong and, when a field is to blame, which one (absent otherwise). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String field) {
}
