package io.signaldesk.market.binance;

import static io.signaldesk.market.venue.JsonFields.decimal;
import static io.signaldesk.market.venue.JsonFields.level;
import static io.signaldesk.market.venue.JsonFields.longValue;
import static io.signaldesk.market.venue.JsonFields.pairLevels;
import static io.signaldesk.market.venue.JsonFields.required;
import static io.signaldesk.market.venue.JsonFields.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.BookEvent;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.JsonFields;
import io.signaldesk.market.venue.VenueParseException;

/** Stateless translation between Binance spot JSON and the common model. */
public final class BinanceAdapter {

    private BinanceAdapter() {
    }

    /** BTC + USDT -> BTCUSDT. */
    public static Instrument instrument(String coin, String quote) {
        String symbol = (coin + quote).toUpperCase(Locale.ROOT);
        return new Instrument(symbol, Venue.BINANCE, coin);
    }

    /** {@code {base}/stream?streams=btcusdt@trade/btcusdt@depth@100ms/...}. */
    public static String combinedStreamUrl(String baseUrl, List<Instrument> instruments) {
        String streams = instruments.stream()
                .map(i -> i.symbol().toLowerCase(Locale.ROOT))
                .flatMap(s -> java.util.stream.Stream.of(s + "@trade", s + "@depth@100ms"))
                .collect(Collectors.joining("/"));
        return trimSlash(baseUrl) + "/stream?streams=" + streams;
    }

    /** {@code {rest}/api/v3/depth?symbol=BTCUSDT&limit=1000}. */
    public static String depthSnapshotUrl(String restUrl, Instrument instrument, int limit) {
        return trimSlash(restUrl) + "/api/v3/depth?symbol=" + instrument.symbol() + "&limit=" + limit;
    }

    /**
     * How a REST depth snapshot is written into a raw recording: wrapped like a stream frame named
     * {@code <symbol>@depthSnapshot} (not a real Binance stream) so that a replay knows its symbol.
     */
    public static String snapshotFrame(Instrument instrument, String restBody) {
        return "{\"stream\":\"" + instrument.symbol().toLowerCase(Locale.ROOT) + "@depthSnapshot\",\"data\":"
                + restBody.strip() + "}";
    }

    /** Binance's {@code m} is "the buyer is the maker": then the taker sold. */
    public static Aggressor aggressor(boolean buyerIsMaker) {
        return buyerIsMaker ? Aggressor.SELL : Aggressor.BUY;
    }

    /** Parses one frame, combined-stream wrapped ({@code {"stream":..,"data":..}}) or raw. */
    public static BinanceMessage parse(String text) {
        JsonNode root = JsonFields.parse(text);
        JsonNode data = root;
        String stream = null;
        if (root.has("stream") && root.has("data")) {
            stream = text(root, "stream");
            data = required(root, "data");
            if (!data.isObject()) {
                throw new VenueParseException("bad_value", "'data' is not an object");
            }
        }
        return parseData(data, stream);
    }

    private static BinanceMessage parseData(JsonNode data, String stream) {
        if (data.has("e")) {
            String event = text(data, "e");
            return switch (event) {
                case "trade" -> new BinanceTrade(symbol(data), longValue(data, "t"), price(data, "p"), quantity(data, "q"),
                        longValue(data, "E"), longValue(data, "T"), bool(data, "m"));
                case "aggTrade" -> new BinanceAggTrade(symbol(data), longValue(data, "a"), price(data, "p"),
                        quantity(data, "q"), longValue(data, "E"), longValue(data, "T"), bool(data, "m"));
                case "depthUpdate" -> depthUpdate(data);
                case "serverShutdown" -> new BinanceServerShutdown(data.path("E").asLong());
                default -> throw new VenueParseException("unknown_type", "unknown event type '" + event + "'");
            };
        }
        if (data.has("lastUpdateId")) {
            String symbol = stream == null ? null : stream.substring(0, stream.indexOf('@') < 0 ? stream.length()
                    : stream.indexOf('@')).toUpperCase(Locale.ROOT);
            return new BinanceDepthSnapshot(symbol, longValue(data, "lastUpdateId"), pairLevels(data, "bids"),
                    pairLevels(data, "asks"));
        }
        if (data.has("u") && data.has("b") && data.has("a")) {
            return new BinanceBookTicker(symbol(data), longValue(data, "u"),
                    level(decimal(data, "b"), decimal(data, "B")), level(decimal(data, "a"), decimal(data, "A")));
        }
        if (data.has("error")) {
            JsonNode error = data.get("error");
            return new BinanceError(error.path("code").asLong(), error.path("msg").asText(error.toString()));
        }
        if (data.has("code") && data.has("msg")) {
            return new BinanceError(data.get("code").asLong(), data.get("msg").asText());
        }
        if (data.has("id") && data.has("result")) {
            return new BinanceResponse(data.get("id").asLong());
        }
        throw new VenueParseException("unknown_type", "unrecognised frame with fields " + fieldNames(data));
    }

    private static BinanceDepthUpdate depthUpdate(JsonNode data) {
        long first = longValue(data, "U");
        long last = longValue(data, "u");
        if (first > last) {
            throw new VenueParseException("bad_value", "depthUpdate U " + first + " > u " + last);
        }
        return new BinanceDepthUpdate(symbol(data), longValue(data, "E"), first, last, pairLevels(data, "b"),
                pairLevels(data, "a"));
    }

    public static TradeEvent toTrade(BinanceTrade trade, Instrument instrument, Instant receivedAt) {
        return new TradeEvent(instrument, trade.price(), trade.quantity(), aggressor(trade.buyerIsMaker()),
                Long.toString(trade.tradeId()), Instant.ofEpochMilli(trade.tradeTime()), receivedAt);
    }

    public static TradeEvent toTrade(BinanceAggTrade trade, Instrument instrument, Instant receivedAt) {
        return new TradeEvent(instrument, trade.price(), trade.quantity(), aggressor(trade.buyerIsMaker()),
                "a" + trade.aggTradeId(), Instant.ofEpochMilli(trade.tradeTime()), receivedAt);
    }

    public static BookEvent toUpdate(BinanceDepthUpdate update, Instrument instrument, Instant receivedAt) {
        return new BookEvent(instrument, BookEvent.Kind.UPDATE, update.bids(), update.asks(),
                Instant.ofEpochMilli(update.eventTime()), receivedAt);
    }

    private static String symbol(JsonNode data) {
        return text(data, "s").toUpperCase(Locale.ROOT);
    }

    private static BigDecimal price(JsonNode data, String field) {
        BigDecimal price = decimal(data, field);
        if (price.signum() <= 0) {
            throw new VenueParseException("bad_value", "price must be positive: " + price.toPlainString());
        }
        return price;
    }

    private static BigDecimal quantity(JsonNode data, String field) {
        BigDecimal quantity = decimal(data, field);
        if (quantity.signum() < 0) {
            throw new VenueParseException("negative_size", "negative trade quantity " + quantity.toPlainString());
        }
        if (quantity.signum() == 0) {
            throw new VenueParseException("bad_value", "zero trade quantity");
        }
        return quantity;
    }

    private static boolean bool(JsonNode data, String field) {
        JsonNode value = required(data, field);
        if (!value.isBoolean()) {
            throw new VenueParseException("bad_value", "field '" + field + "' is not a boolean");
        }
        return value.booleanValue();
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder names = new StringBuilder();
        node.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ",").append(n));
        return "[" + names + "]";
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
