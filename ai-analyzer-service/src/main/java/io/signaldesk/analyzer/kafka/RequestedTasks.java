package io.signaldesk.analyzer.kafka;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.signaldesk.analyzer.domain.MarketSnapshotDto;
import io.signaldesk.analyzer.rest.EntryRequest;
import io.signaldesk.analyzer.rest.ExitRequest;
import io.signaldesk.analyzer.rest.RiskRequest;
import io.signaldesk.analyzer.service.AnalysisTask;
import io.signaldesk.analyzer.service.EntryTask;
import io.signaldesk.analyzer.service.ExitTask;
import io.signaldesk.analyzer.service.RiskTask;
import io.signaldesk.common.error.BadInputException;
import io.signaldesk.core.market.CoinSnapshot;

/**
 * A Kafka record read as strictly as a REST body: the same JSON rules (no coercion, no unknown field), the same bean
 * validation of the body per type, and a market snapshot that must come with the request (the consumer never calls
 * the feed). Anything else is an {@link BadInputException} naming the field, for the dead-letter topic.
 */
@ApplicationScoped
public class RequestedTasks {

    /** A record above this is refused unread, like a REST body above 256 KiB. */
    public static final int MAX_RECORD_CHARS = 256 * 1024;

    private final ObjectReader strict;
    private final Validator validator;

    RequestedTasks(ObjectMapper mapper, Validator validator) {
        this.strict = mapper.reader().with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.validator = validator;
    }

    public AnalysisRequestRecord read(String json) {
        if (json == null || json.isBlank()) {
            throw new BadInputException("body", "empty record");
        }
        if (json.length() > MAX_RECORD_CHARS) {
            throw new BadInputException("body", "record larger than " + MAX_RECORD_CHARS + " characters");
        }
        return valid(parse(json, AnalysisRequestRecord.class, ""), "");
    }

    /** The analysis the record asks for; SENTIMENT is refused (the scheduled sentiment is each analyzer's own). */
    public AnalysisTask<?> task(AnalysisRequestRecord request) {
        return switch (request.type()) {
            case ENTRY -> {
                EntryRequest body = valid(body(request, EntryRequest.class), "body.");
                yield new EntryTask(coin(body.market(), body.coin()), body.side(), body.price(), body.record());
            }
            case EXIT -> {
                ExitRequest body = valid(body(request, ExitRequest.class), "body.");
                CoinSnapshot coin = coin(body.market(), body.coin());
                yield new ExitTask(coin, body.side(), body.entryPrice(), body.currentPrice(), body.size(), body.openedAt(),
                        body.market().marketTime(coin), body.record());
            }
            case RISK -> {
                RiskRequest body = valid(body(request, RiskRequest.class), "body.");
                yield new RiskTask(coin(body.market(), body.coin()), body.side(), body.price(), body.equity());
            }
            case SENTIMENT -> throw new BadInputException("type",
                    "SENTIMENT is not asked over Kafka: each analyzer runs its own schedule");
        };
    }

    private <T> T body(AnalysisRequestRecord request, Class<T> type) {
        JsonNode body = request.body();
        if (!body.isObject()) {
            throw new BadInputException("body", "must be a JSON object");
        }
        try {
            return strict.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw unreadable(e, "body.");
        }
    }

    private <T> T parse(String json, Class<T> type, String prefix) {
        try {
            return strict.forType(type).readValue(json);
        } catch (JsonProcessingException e) {
            throw unreadable(e, prefix);
        }
    }

    private <T> T valid(T value, String prefix) {
        if (value == null) {
            throw new BadInputException(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "must not be null");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            ConstraintViolation<T> first = violations.stream()
                    .min(Comparator.comparing(v -> v.getPropertyPath().toString())).orElseThrow();
            String field = prefix + field(first.getPropertyPath());
            throw new BadInputException(field, field + " " + first.getMessage());
        }
        return value;
    }

    /** {@code market.coins[0].lastPrice}: the path's named nodes and indexes, without Bean Validation's {@code <list element>}. */
    private static String field(jakarta.validation.Path path) {
        StringBuilder field = new StringBuilder();
        for (jakarta.validation.Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    private static CoinSnapshot coin(MarketSnapshotDto market, String coin) {
        if (market == null) {
            throw new BadInputException("body.market", "a request over Kafka carries its market snapshot");
        }
        return market.coin(coin).orElseThrow(() -> new BadInputException("body.coin",
                "no market data for " + coin.toUpperCase(Locale.ROOT) + " in the snapshot"));
    }

    private static BadInputException unreadable(JsonProcessingException e, String prefix) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = prefix + mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
            return new BadInputException(field, field + " has the wrong type or value");
        }
        return new BadInputException(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1),
                "malformed JSON");
    }
}
