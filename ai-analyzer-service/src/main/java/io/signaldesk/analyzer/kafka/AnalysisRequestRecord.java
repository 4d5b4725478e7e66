package io.signaldesk.analyzer.kafka;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.signaldesk.analyzer.domain.AnalysisType;

/**
 * One analysis asked over Kafka (topic signal.analysis.requests, keyed by coin): {@code body} is the JSON the REST
 * endpoint of {@code type} takes (its market snapshot included); the answer goes to {@code replyTo} keyed by
 * {@code requestId}, unless {@code deadline} (absolute) has passed: a stale request is dropped, not answered late.
 */
@RegisterForReflection
public record AnalysisRequestRecord(
        @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}", message = "must be 1-64 letters, digits or dashes") String requestId,
        @NotNull AnalysisType type,
        @NotNull Instant deadline,
        @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,249}", message = "must be a Kafka topic name") String replyTo,
        @NotNull JsonNode body) {
}
