package io.signaldesk.analyzer.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Order-book imbalance over the top levels: bid share of the volume and bid/ask ratio. */
@RegisterForReflection
@Schema(name = "BookImbalance")
public record BookImbalanceDto(
        @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 18) BigDecimal bidShare,
        @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 18) BigDecimal bidAskRatio,
        @Min(0) @Max(1000) Integer levels) {
}
