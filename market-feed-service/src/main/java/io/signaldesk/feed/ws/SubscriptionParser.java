package io.signaldesk.feed.ws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a client frame {@code {"subscribe":["BTC","eth"]}}, {@code {"interval":"10ms"}} or both in one object: coins
 * are case-insensitive and must be followed, an empty list means every coin; the interval is this connection's own
 * publish interval ({@link PublishIntervalParser}). What a frame leaves out stays as it was. Anything else is refused
 * with a reason and, where one field is at fault, its name.
 */
final class SubscriptionParser {

    static final int MAX_FRAME_CHARS = 4096;
    private static final String SHAPE = "expected {\"subscribe\":[\"BTC\",...]} and/or {\"interval\":\"10ms\"}";
    private static final String SUBSCRIBE = "subscribe";

    /** Coins and interval asked for (null: unchanged), or the error and the field at fault (null: the frame). */
    record Result(List<String> coins, Duration interval, String error, String field) {
    }

    private final ObjectMapper mapper;
    private final List<String> followed;
    private final PublishIntervalParser intervals;

    SubscriptionParser(ObjectMapper mapper, List<String> followed, PublishIntervalParser intervals) {
        this.mapper = mapper;
        this.followed = followed;
        this.intervals = intervals;
    }

    Result parse(String frame) {
        if (frame == null || frame.isBlank()) {
            return error("empty frame; " + SHAPE, null);
        }
        if (frame.length() > MAX_FRAME_CHARS) {
            return error("frame too large: " + frame.length() + " characters, at most " + MAX_FRAME_CHARS, null);
        }
        JsonNode root;
        try {
            root = mapper.readTree(frame);
        } catch (Exception e) {
            return error("frame is not valid JSON; " + SHAPE, null);
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            return error(SHAPE, null);
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SUBSCRIBE.equals(name) && !PublishIntervalParser.FIELD.equals(name)) {
                return error("unknown field: " + (name.length() <= 20 ? name : name.substring(0, 20) + "...") + "; "
                        + SHAPE, name.length() <= 20 ? name : null);
            }
        }
        Duration interval = null;
        if (root.has(PublishIntervalParser.FIELD)) {
            JsonNode value = root.get(PublishIntervalParser.FIELD);
            PublishIntervalParser.Result parsed = intervals.parse(value.isTextual() ? value.asText() : null);
            if (parsed.error() != null) {
                return error(parsed.error(), PublishIntervalParser.FIELD);
            }
            interval = parsed.interval();
        }
        if (!root.has(SUBSCRIBE)) {
            return new Result(null, interval, null, null);
        }
        if (!root.get(SUBSCRIBE).isArray()) {
            return error(SHAPE, SUBSCRIBE);
        }
        List<String> coins = new ArrayList<>();
        for (Iterator<JsonNode> it = root.get(SUBSCRIBE).elements(); it.hasNext();) {
            JsonNode item = it.next();
            if (!item.isTextual()) {
                return error("subscribe must list coin names as strings; " + SHAPE, SUBSCRIBE);
            }
            String coin = item.asText().trim().toUpperCase(Locale.ROOT);
            if (!followed.contains(coin)) {
                return error("unknown coin: " + item.asText() + " (followed: " + String.join(", ", followed) + ")",
                        SUBSCRIBE);
            }
            if (!coins.contains(coin)) {
                coins.add(coin);
            }
        }
        return new Result(coins.isEmpty() ? followed : List.copyOf(coins), interval, null, null);
    }

    private static Result error(String message, String field) {
        return new Result(null, null, message, field);
    }
}
