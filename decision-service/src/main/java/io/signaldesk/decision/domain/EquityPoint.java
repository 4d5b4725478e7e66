package io.signaldesk.decision.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** Equity at one instant, for the equity curve. */
public record EquityPoint(Instant at, BigDecimal equity) {
}
