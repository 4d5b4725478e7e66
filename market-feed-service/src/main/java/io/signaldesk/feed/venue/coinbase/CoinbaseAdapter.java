package io.signaldesk.feed.venue.coinbase;

import static io.signaldesk.market.venue.JsonFields.array;
import static io.signaldesk.market.venue.JsonFields.decimal;
import static io.signaldesk.market.venue.JsonFields.instant;
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
import io.signaldesk.market.domain.BookSide;
import io.signaldesk.market.domain.Instrument;
import io.signaldesk.market.domain.PriceLevel;
import io.signaldesk.market.domain.TradeEvent;
import io.signaldesk.market.domain.Venue;
import io.signaldesk.market.venue.JsonFields;
import io.signaldesk.market.venue.VenueParseException;

/** Stateless translation between Coinbase Advanced Trade WebSocket JSON and the common model. */
public final class CoinbaseAdapter {

    private CoinbaseAdapter() {
    }

    /** BTC + USD -> BTC-USD. */
    public static Instrument instrument(String coin, String quote) {
        return new Instrument((coin + "-" + quote).toUpperCase(Locale.ROOT), Venue.COINBASE, coin);
    }

    /**
     * Advanced Trade's {@code market_trades} side is read as the taker's side (as nautilus_trader's
     * adapter does); the legacy Exchange feed's {@code match.side} was the maker's and is not used here.
     */
    public static Aggressor aggressor(String side) {
        return switch (side.toUpperCase(Locale.ROOT)) {
            case "BUY" -> Aggressor.BUY;
            case "SELL" -> Aggressor.SELL;
            default -> throw new VenueParseException("bad_value", "trade side must be BUY or SELL: " + side);
        };
    }

    public static String subscribe(String channel, List<String> productIds) {
        return request("subscribe", channel, productIds);
    }

    public static String unsubscribe(String channel, List<String> productIds) {
        return request("unsubscribe", channel, productIds);
    }

    private static String request(String type, String channel, List<String> productIds) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", type);
        message.put("product_ids", productIds);
        message.put("channel", channel);
        return JsonFields.toJson(message);
    }

    public static CoinbaseMessage parse(String text) {
        JsonNode root = JsonFields.parse(text);
        if ("error".equals(root.path("type").asText())) {
            return new CoinbaseError(root.path("message").asText("(no message)"));
        }
        String channel = text(root, "channel");
        return switch (channel) {
            case "market_trades" -> new CoinbaseMarketTrades(longValue(root, "sequence_num"), tradeEvents(root));
            case "l2_data" -> new CoinbaseLevel2(longValue(root, "sequence_num"), instant(root, "timestamp"),
                    l2Events(root));
            case "heartbeats" -> new CoinbaseHeartbeat(longValue(root, "sequence_num"),
                    root.path("events").path(0).path("heartbeat_counter").asLong());
            case "subscriptions" -> new CoinbaseSubscriptions(longValue(root, "sequence_num"));
            default -> throw new VenueParseException("unknown_type", "unexpected channel '" + channel + "'");
        };
    }

    private static List<CoinbaseTradesEvent> tradeEvents(JsonNode root) {
        List<CoinbaseTradesEvent> events = new ArrayList<>();
        for (JsonNode event : array(root, "events")) {
            List<CoinbaseTrade> trades = new ArrayList<>();
            for (JsonNode trade : array(event, "trades")) {
                BigDecimal size = decimal(trade, "size");
                if (size.signum() < 0) {
                    throw new VenueParseException("negative_size", "negative trade size " + size.toPlainString());
                }
                BigDecimal price = decimal(trade, "price");
                if (size.signum() == 0 || price.signum() <= 0) {
                    throw new VenueParseException("bad_value", "trade price and size must be positive");
                }
                String side = text(trade, "side");
                aggressor(side);
                trades.add(new CoinbaseTrade(text(trade, "trade_id"), text(trade, "product_id"), price, size, side,
                        instant(trade, "time")));
            }
            events.add(new CoinbaseTradesEvent(text(event, "type"), trades));
        }
        return events;
    }

    private static List<CoinbaseL2Event> l2Events(JsonNode root) {
        List<CoinbaseL2Event> events = new ArrayList<>();
        for (JsonNode event : array(root, "events")) {
            String type = text(event, "type");
            if (!type.equals("snapshot") && !type.equals("update")) {
                throw new VenueParseException("unknown_type", "unexpected l2_data event type '" + type + "'");
            }
            List<CoinbaseL2Update> updates = new ArrayList<>();
            for (JsonNode update : array(event, "updates")) {
                PriceLevel level = JsonFields.level(decimal(update, "price_level"), decimal(update, "new_quantity"));
                updates.add(new CoinbaseL2Update(side(text(update, "side")), level.price(), level.size()));
            }
            events.add(new CoinbaseL2Event(type.equals("snapshot"), text(event, "product_id"), updates));
        }
        return events;
    }

    private static BookSide side(String side) {
        return switch (side) {
            case "bid" -> BookSide.BID;
            case "offer", "ask" -> BookSide.ASK;
            default -> throw new VenueParseException("bad_value", "book side must be bid or offer: " + side);
        };
    }

    public static TradeEvent toTrade(CoinbaseTrade trade, Instrument instrument, Instant receivedAt) {
        return new TradeEvent(instrument, trade.price(), trade.size(), aggressor(trade.side()), trade.tradeId(),
                trade.time(), receivedAt);
    }

    /** Splits an event's updates into bid and ask levels. */
    public static List<List<PriceLevel>> levels(CoinbaseL2Event event) {
        List<PriceLevel> bids = new ArrayList<>();
        List<PriceLevel> asks = new ArrayList<>();
        for (CoinbaseL2Update update : event.updates()) {
            (update.side() == BookSide.BID ? bids : asks).add(new PriceLevel(update.priceLevel(), update.newQuantity()));
        }
        return List.of(bids, asks);
    }
}
