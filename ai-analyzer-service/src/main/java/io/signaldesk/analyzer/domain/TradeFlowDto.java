package io.signaldesk.analyzer.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Trades of the last 60 s by aggressor side. */
@RegisterForReflection
@Schema(name = "TradeFlow")
public record TradeFlowDto(
        @Min(0) @Max(1_000_000_000) Integer buyCount,
        @Min(0) @Max(1_000_000_000) Integer sellCount,
        @DecimalMin("0") @DecimalMax("1000000000000000") @Digits(integer = 16, fraction = 18) BigDecimal buyVolume,
        @DecimalMin("0") @DecimalMax("1000000000000000") @Digits(integer = 16, fraction = 18) BigDecimal sellVolume) {
}
