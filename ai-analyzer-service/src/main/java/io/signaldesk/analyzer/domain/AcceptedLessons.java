package io.signaldesk.analyzer.domain;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * PUT /api/ai/lessons: the lessons the trader accepted, in order, and the version of that set (the decision service's;
 * 0 = none). At most 10 lessons of 12 to 200 characters, one line each, no control characters.
 */
@RegisterForReflection
public record AcceptedLessons(
        @NotNull @Min(0) @Max(1_000_000_000) Integer version,
        @NotNull @Size(max = 10) List<@NotNull @Size(min = 12, max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*",
                message = "must be one line without control characters") String> lessons) {
}
