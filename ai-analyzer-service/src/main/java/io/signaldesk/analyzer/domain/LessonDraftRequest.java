package io.signaldesk.analyzer.domain;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** POST /api/analysis/lessons: the digest of the model's scored record (1-20 setups, distinct ids) and how many lessons at most (1-5). */
@RegisterForReflection
public record LessonDraftRequest(
        @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull DigestSetup> setups,
        @NotNull @Min(1) @Max(5) Integer max) {

    @JsonIgnore
    @AssertTrue(message = "setup ids must be distinct")
    public boolean isDistinct() {
        return setups == null || setups.stream().filter(s -> s != null).map(DigestSetup::id).distinct().count()
                == setups.stream().filter(s -> s != null).count();
    }
}
