package io.signaldesk.decision.client;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A frame from the feed's /ws/market: snapshot, subscribed or error. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedMessage(String type, Instant asOf, List<FeedCoin> coins, String message) {
}
