package io.signaldesk.feed.ws;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a client frame {@code {"subscribe":["BTC","eth"]}}: coins are case-insensitive and must be
 * followed; an empty list means every coin. Anything else is refused with a reason.
 */
final class SubscriptionParser {

    static final int MAX_FRAME_CHARS = 4096;
    private static final String SHAPE = "expected {\"subscribe\":[\"BTC\",...]}";

    record Result(List<String> coins, String error) {
    }

    private final ObjectMapper mapper;
    private final List<String> followed;

    SubscriptionParser(ObjectMapper mapper, List<String> followed) {
        this.mapper = mapper;
        this.followed = followed;
    }

    Result parse(String frame) {
        if (frame == null || frame.isBlank()) {
            return error("empty frame; " + SHAPE);
        }
        if (frame.length() > MAX_FRAME_CHARS) {
            return error("frame too large: " + frame.length() + " characters, at most " + MAX_FRAME_CHARS);
        }
        JsonNode root;
        try {
            root = mapper.readTree(frame);
        } catch (Exception e) {
            return error("frame is not valid JSON; " + SHAPE);
        }
        if (root == null || !root.isObject() || root.size() != 1 || !root.path("subscribe").isArray()) {
            return error(SHAPE);
        }
        List<String> coins = new ArrayList<>();
        for (Iterator<JsonNode> it = root.get("subscribe").elements(); it.hasNext();) {
            JsonNode item = it.next();
            if (!item.isTextual()) {
                return error("subscribe must list coin names as strings; " + SHAPE);
            }
            String coin = item.asText().trim().toUpperCase(Locale.ROOT);
            if (!followed.contains(coin)) {
                return error("unknown coin: " + item.asText() + " (followed: " + String.join(", ", followed) + ")");
            }
            if (!coins.contains(coin)) {
                coins.add(coin);
            }
        }
        return new Result(coins.isEmpty() ? followed : List.copyOf(coins), null);
    }

    private static Result error(String message) {
        return new Result(null, message);
    }
}
