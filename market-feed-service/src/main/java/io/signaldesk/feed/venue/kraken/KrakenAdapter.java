package io.signaldesk.feed.venue.kraken;

import static io.signaldesk.market.venue.JsonFields.array;
import static io.signaldesk.market.venue.JsonFields.decimal;
import static io.signaldesk.market.venue.JsonFields.instant;
import static io.signaldesk.market.venue.JsonFields.level;
import static io.signaldesk.market.venue.JsonFields.longValue;
import static io.signaldesk.market.venue.JsonFields.text;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.signaldesk.core.market.Aggressor;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.JsonFields;
import io.signaldesk.market.venue.VenueParseException;

/** Stateless translation between Kraken spot WebSocket v2 JSON and the common model. */
public final class KrakenAdapter {

    private KrakenAdapter() {
    }

    /** BTC + USD -> BTC/USD (v2 spells bitcoin BTC, not XBT). */
    public static Instrument instrument(String coin, String quote) {
        return new Instrument((coin + "/" + quote).toUpperCase(Locale.ROOT), Venue.KRAKEN, coin);
    }

    /** Kraken v2 {@code side} is the taker's side. */
    public static Aggressor aggressor(String side) {
        return switch (side) {
            case "buy" -> Aggressor.BUY;
            case "sell" -> Aggressor.SELL;
            default -> throw new VenueParseException("bad_value", "trade side must be buy or sell: " + side);
        };
    }

    public static String subscribe(String channel, List<String> symbols, Integer depth, boolean snapshot, long reqId) {
        return request("subscribe", channel, symbols, depth, snapshot, reqId);
    }

    public static String unsubscribe(String channel, List<String> symbols, Integer depth, long reqId) {
        return request("unsubscribe", channel, symbols, depth, null, reqId);
    }

    private static String request(String method, String channel, List<String> symbols, Integer depth,
            Boolean snapshot, long reqId) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("channel", channel);
        params.put("symbol", symbols);
        if (depth != null) {
            params.put("depth", depth);
        }
        if (snapshot != null) {
            params.put("snapshot", snapshot);
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("method", method);
        message.put("params", params);
        message.put("req_id", reqId);
        return JsonFields.toJson(message);
    }

    public static KrakenMessage parse(String text) {
        JsonNode root = JsonFields.parse(text);
        if (root.has("channel")) {
            String channel = text(root, "channel");
            return switch (channel) {
                case "trade" -> new KrakenTradeMessage(text(root, "type"), trades(array(root, "data")));
                case "book" -> book(root);
                case "heartbeat" -> new KrakenHeartbeat();
                case "status" -> new KrakenStatus(root.path("data").path(0).path("system").asText("unknown"));
                default -> throw new VenueParseException("unknown_type", "unexpected channel '" + channel + "'");
            };
        }
        if (root.has("method")) {
            JsonNode result = root.path("result");
            String method = text(root, "method");
            boolean success = root.path("success").asBoolean("pong".equals(method));
            return new KrakenMethodResponse(method, success, root.hasNonNull("error") ? root.get("error").asText() : null,
                    result.path("channel").asText(null), result.path("symbol").asText(null));
        }
        throw new VenueParseException("unknown_type", "frame has neither 'channel' nor 'method'");
    }

    private static List<KrakenTrade> trades(JsonNode data) {
        List<KrakenTrade> trades = new ArrayList<>(data.size());
        for (JsonNode trade : data) {
            BigDecimal qty = decimal(trade, "qty");
            if (qty.signum() < 0) {
                throw new VenueParseException("negative_size", "negative trade qty " + qty.toPlainString());
            }
            if (qty.signum() == 0) {
                throw new VenueParseException("bad_value", "zero trade qty");
            }
            BigDecimal price = decimal(trade, "price");
            if (price.signum() <= 0) {
                throw new VenueParseException("bad_value", "trade price must be positive: " + price.toPlainString());
            }
            String side = text(trade, "side");
            aggressor(side);
            trades.add(new KrakenTrade(text(trade, "symbol"), side, price, qty, longValue(trade, "trade_id"),
                    instant(trade, "timestamp")));
        }
        return trades;
    }

    private static KrakenBookMessage book(JsonNode root) {
        String type = text(root, "type");
        if (!type.equals("snapshot") && !type.equals("update")) {
            throw new VenueParseException("unknown_type", "unexpected book type '" + type + "'");
        }
        List<KrakenBookData> data = new ArrayList<>();
        for (JsonNode item : array(root, "data")) {
            data.add(new KrakenBookData(text(item, "symbol"), levels(item, "bids"), levels(item, "asks"),
                    longValue(item, "checksum"), item.hasNonNull("timestamp") ? instant(item, "timestamp") : null));
        }
        return new KrakenBookMessage(type.equals("snapshot"), data);
    }

    private static List<PriceLevel> levels(JsonNode item, String field) {
        if (!item.has(field)) {
            return List.of();
        }
        JsonNode array = array(item, field);
        List<PriceLevel> levels = new ArrayList<>(array.size());
        for (JsonNode level : array) {
            levels.add(level(decimal(level, "price"), decimal(level, "qty")));
        }
        return levels;
    }

    public static TradeEvent toTrade(KrakenTrade trade, Instrument instrument, Instant receivedAt) {
        return new TradeEvent(instrument, trade.price(), trade.qty(), aggressor(trade.side()),
                Long.toString(trade.tradeId()), trade.timestamp(), receivedAt);
    }
}
