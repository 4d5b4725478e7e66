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
import io.signaldesk.core.market.Coin;

/**
 * One setup of the model's scored record in a lesson draft's digest, as the decision service summed it up: its id
 * ({@code S1}...), what was asked (kind, coin, side), the calls and right ones, how many acted (entered; held) with
 * their mean net after costs, and the mean net had every call acted ({@code netPct}, percent).
 */
@RegisterForReflection
@WithinCalls
@Schema(name = "DigestSetup")
public record DigestSetup(
        @NotNull @Pattern(regexp = "S[1-9][0-9]?", message = "must be S1 to S99") String id,
        @NotNull @Pattern(regexp = "ENTRY|EXIT", message = "must be ENTRY or EXIT") String kind,
        @NotNull @Pattern(regexp = Coin.PATTERN, message = Coin.MESSAGE) String coin,
        @NotNull @Pattern(regexp = "LONG|SHORT", message = "must be LONG or SHORT") String side,
        @NotNull @Min(1) @Max(1_000_000) Integer calls,
        @NotNull @Min(0) @Max(1_000_000) Integer right,
        @NotNull @Min(0) @Max(1_000_000) Integer acted,
        @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal actedNetPct,
        @NotNull @DecimalMin("-100") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal netPct) implements CallCounts {
}
