package io.signaldesk.core.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payloads services exchange, kept once under {@code src/test/resources/contracts/} of trading-core (exported in its
 * test-jar). A producer's test asserts it writes exactly a fixture ({@link #assertProduces}); a consumer's test parses
 * the same fixture and asserts the fields it reads. When either side drifts, one of the two fails.
 */
public final class Contracts {

    /** What market-feed-service sends on /ws/market: a snapshot frame. */
    public static final String FEED_WS_SNAPSHOT = "feed-ws-market-snapshot.json";
    /** What market-feed-service answers on GET /api/market/snapshot. */
    public static final String FEED_REST_SNAPSHOT = "feed-api-market-snapshot.json";
    /** What decision-service POSTs to the analyzer's /api/analysis/entry. */
    public static final String ANALYZER_ENTRY_REQUEST = "analyzer-entry-request.json";
    /** The analyzer's JSON envelope answering that request from its rules. */
    public static final String ANALYZER_ENTRY_ANSWER = "analyzer-entry-answer.json";
    /** The same answer as Server-Sent Events (signal, reason, done), as the decision service asks for it. */
    public static final String ANALYZER_ENTRY_EVENTS = "analyzer-entry-answer.sse";

    /**
     * A recording of market-feed-service's events (JSON Lines) whose BTC mark moves at known times, and the outcomes of
     * calls made on it ({@link #HORIZON_OUTCOMES}): the decision engine's scoring and the analyzer's model evaluator
     * both replay it and must score those calls the same.
     */
    public static final String HORIZON_PRICE_PATH = "horizon-price-path.jsonl";
    /** The calls on {@link #HORIZON_PRICE_PATH} with their price and move at each horizon. */
    public static final String HORIZON_OUTCOMES = "horizon-outcomes.json";

    /** A coin made of a 1-minute candle (venue CANDLES, no book, no flow), as a backtest feeds the engine and asks the analyzer. */
    public static final String CANDLE_SNAPSHOT = "candle-snapshot.json";
    /** What the one rule entry ({@code TradingRules.evaluate(CoinSnapshot)}) says on {@link #CANDLE_SNAPSHOT}. */
    public static final String CANDLE_SNAPSHOT_RULES = "candle-snapshot-rules.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Contracts() {
    }

    /** The fixture's text. */
    public static String fixture(String name) {
        try (InputStream in = Contracts.class.getResourceAsStream("/contracts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture as a JSON tree. */
    public static JsonNode json(String name) {
        return read(fixture(name));
    }

    /**
     * Asserts that {@code producedJson} is the fixture: the same fields at every level (none missing, none added), the
     * same JSON types, and the same values except at {@code volatilePaths} (dotted, arrays as [n], e.g.
     * {@code market.asOf} or {@code coins[0].lastEventAgeMs}), whose value only has to be there with the same type:
     * times and durations that differ on every run.
     */
    public static void assertProduces(String fixtureName, String producedJson, String... volatilePaths) {
        List<String> differences = new ArrayList<>();
        compare("", json(fixtureName), read(producedJson), Set.of(volatilePaths), differences);
        if (!differences.isEmpty()) {
            fail("the payload drifted from contracts/" + fixtureName + ":\n  " + String.join("\n  ", differences)
                    + "\nproduced: " + producedJson);
        }
    }

    /** The Server-Sent Events of a fixture: each event's name and its data parsed as JSON, in order. */
    public static List<Event> events(String text) {
        List<Event> events = new ArrayList<>();
        String name = null;
        StringBuilder data = new StringBuilder();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.isEmpty()) {
                if (name != null || data.length() > 0) {
                    events.add(new Event(name == null ? "message" : name, read(data.toString())));
                }
                name = null;
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return events;
    }

    /** Asserts that produced Server-Sent Events are the fixture's: same names in order, each data as {@link #assertProduces}. */
    public static void assertProducesEvents(String fixtureName, String producedText, String... volatilePaths) {
        List<Event> expected = events(fixture(fixtureName));
        List<Event> produced = events(producedText);
        assertEquals(expected.stream().map(Event::name).toList(), produced.stream().map(Event::name).toList(),
                "event names of contracts/" + fixtureName + "; produced: " + producedText);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            compare(expected.get(i).name() + ":", expected.get(i).data(), produced.get(i).data(), Set.of(volatilePaths),
                    differences);
        }
        assertTrue(differences.isEmpty(), "the events drifted from contracts/" + fixtureName + ":\n  "
                + String.join("\n  ", differences) + "\nproduced: " + producedText);
    }

    /** One Server-Sent Event. */
    public record Event(String name, JsonNode data) {
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, Set<String> volatilePaths,
            List<String> differences) {
        String here = path;
        if (expected.getNodeType() != actual.getNodeType()
                && !(expected.isNumber() && actual.isNumber())) {
            differences.add(label(here) + ": expected " + expected.getNodeType() + " " + expected + ", got "
                    + actual.getNodeType() + " " + actual);
            return;
        }
        if (expected.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            Set<String> actualNames = new TreeSet<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            for (String name : names) {
                String child = here.isEmpty() || here.endsWith(":") ? here + name : here + "." + name;
                if (!actual.has(name)) {
                    differences.add(label(child) + ": missing");
                } else {
                    compare(child, expected.get(name), actual.get(name), volatilePaths, differences);
                }
            }
            actualNames.removeAll(names);
            actualNames.forEach(extra -> differences.add(label(here.isEmpty() || here.endsWith(":") ? here + extra
                    : here + "." + extra) + ": not in the contract"));
        } else if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(label(here) + ": expected " + expected.size() + " elements, got " + actual.size());
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(here + "[" + i + "]", expected.get(i), actual.get(i), volatilePaths, differences);
            }
        } else if (!volatilePaths.contains(strip(here)) && !sameValue(expected, actual)) {
            differences.add(label(here) + ": expected " + expected + ", got " + actual);
        }
    }

    private static boolean sameValue(JsonNode expected, JsonNode actual) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static String strip(String path) {
        int colon = path.indexOf(':');
        return colon < 0 ? path : path.substring(colon + 1);
    }

    private static String label(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
