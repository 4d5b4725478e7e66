package io.signaldesk.analyzer.domain;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The model's own scored record on the setup asked about (analysis type, coin, side), as the decision service measured
 * it: {@code calls} answers scored at {@code horizonMinutes} in market time, {@code right} of them right, {@code acted}
 * of them acted on (entries entered, positions held) with their mean result {@code netPct} after costs, the last
 * outcomes oldest first ({@code R} right, {@code W} wrong) and whether the setup has a measured edge.
 */
@RegisterForReflection
@WithinCalls
@Schema(name = "ModelRecord")
public record ModelRecord(
        @NotNull @Min(1) @Max(1440) Integer horizonMinutes,
        @NotNull @Min(0) @Max(1_000_000) Integer calls,
        @NotNull @Min(0) @Max(1_000_000) Integer right,
        @NotNull @Min(0) @Max(1_000_000) Integer acted,
        @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal netPct,
        @NotNull @Pattern(regexp = "[RW]{0,10}", message = "must be up to 10 letters R (right) or W (wrong)") String last,
        @NotNull Boolean measuredEdge) implements CallCounts {
}
