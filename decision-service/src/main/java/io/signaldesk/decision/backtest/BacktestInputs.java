package io.signaldesk.decision.backtest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.signaldesk.common.error.Shorten;
import io.signaldesk.core.market.Coin;

/**
 * What a backtest request names as its market data, checked as names before any file is opened (the data directory
 * checks the files): candle files by coin, paths whose name tells the coin, CSV text sent inline, or Binance
 * captures; and its from/to instants. Every refusal is a {@link BacktestInputException} naming the field.
 */
final class BacktestInputs {

    /** Largest CSV text sent inline for one coin (the request body is capped too). */
    static final int MAX_INLINE_CSV = 3 * 1024 * 1024;
    /** At most this many capture files a run. */
    static final int MAX_CAPTURES = 16;
    private static final int MAX_COINS = 10;
    /** The shortest coin before USDT at the start of a file name (BTCUSDT-1m-2024-10.csv, WUSDT-1m.csv). */
    private static final Pattern COIN_IN_NAME = Pattern.compile("^(" + Coin.PATTERN + "?)USDT", Pattern.CASE_INSENSITIVE);

    private BacktestInputs() {
    }

    /** Candle CSV text sent in the body ({@code csv}: coin → text), at most {@link #MAX_INLINE_CSV} characters each. */
    static Map<String, String> inline(BacktestRequest request, Map<String, String> files) {
        Map<String, String> inline = new LinkedHashMap<>();
        if (request.csv() == null) {
            return inline;
        }
        request.csv().forEach((coin, text) -> {
            String field = "csv." + Shorten.text(coin);
            if (text != null && text.length() > MAX_INLINE_CSV) {
                throw new BacktestInputException(field, field + " is longer than " + MAX_INLINE_CSV + " characters");
            }
            put(inline, field, coin, text);
            if (files.containsKey(coin.toUpperCase(Locale.ROOT))) {
                throw new BacktestInputException(field, coin.toUpperCase(Locale.ROOT) + " is given twice");
            }
        });
        if (files.size() + inline.size() > MAX_COINS) {
            throw new BacktestInputException("files", "at most " + MAX_COINS + " coins");
        }
        return inline;
    }

    /** The capture names of the request, checked as names (the data directory checks the files); none for candles. */
    static List<String> captures(BacktestRequest request) {
        if (request.captures() == null) {
            return List.of();
        }
        if (request.captures().isEmpty() || request.captures().size() > MAX_CAPTURES) {
            throw new BacktestInputException("captures", "give 1-" + MAX_CAPTURES + " capture names, got "
                    + request.captures().size());
        }
        if (request.files() != null || request.paths() != null || request.csv() != null) {
            throw new BacktestInputException("captures", "captures replace candles: give captures or files/paths/csv, not both");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < request.captures().size(); i++) {
            String name = request.captures().get(i);
            if (name == null || name.isBlank()) {
                throw new BacktestInputException("captures[" + i + "]", "a capture name in the data directory is required");
            }
            if (names.contains(name)) {
                throw new BacktestInputException("captures[" + i + "]", Shorten.text(name) + " is given twice");
            }
            names.add(name);
        }
        return names;
    }

    /** The candle files the request names (files, paths), checked as names, by coin; at least one source of candles. */
    static Map<String, String> files(BacktestRequest request) {
        Map<String, String> files = new LinkedHashMap<>();
        if (request.files() != null) {
            if (request.files().size() > MAX_COINS) {
                throw new BacktestInputException("files", "at most " + MAX_COINS + " coins");
            }
            request.files().forEach((coin, file) -> put(files, "files." + Shorten.text(coin), coin, file));
        }
        if (request.paths() != null) {
            if (request.paths().size() > MAX_COINS) {
                throw new BacktestInputException("paths", "at most " + MAX_COINS + " paths");
            }
            for (String file : request.paths()) {
                if (file == null || file.isBlank()) {
                    throw new BacktestInputException("paths", "paths must not contain empty entries");
                }
                String fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
                Matcher matcher = COIN_IN_NAME.matcher(fileName);
                if (!matcher.find()) {
                    throw new BacktestInputException("paths", "cannot tell the coin from the file name of " + Shorten.text(file)
                            + "; use files: {\"BTC\": \"" + Shorten.text(file) + "\"}");
                }
                put(files, "paths", matcher.group(1), file);
            }
        }
        if (files.isEmpty() && (request.csv() == null || request.csv().isEmpty())) {
            throw new BacktestInputException("files", "give files (coin → CSV name in the data directory), paths (CSV names), "
                    + "csv (coin → CSV text) or captures (Binance capture names in the data directory)");
        }
        return files;
    }

    private static void put(Map<String, String> files, String field, String coin, String file) {
        if (!Coin.valid(coin)) {
            throw new BacktestInputException(field, "coin " + Coin.MESSAGE + ", got '" + Shorten.text(coin) + "'");
        }
        String name = Coin.of(coin).symbol();
        if (file == null || file.isBlank()) {
            throw new BacktestInputException(field, "a CSV is required for " + name);
        }
        if (files.putIfAbsent(name, file) != null) {
            throw new BacktestInputException(field, name + " is given twice");
        }
    }

    /** {@code from} or {@code to}: an ISO-8601 UTC instant (on a whole minute), or null when absent. */
    static Instant instant(String field, String text, boolean wholeMinute) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > BacktestBounds.MAX_INSTANT_LENGTH) {
            throw new BacktestInputException(field, field + " must be an ISO-8601 UTC instant like 2024-10-01T03:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BacktestInputException(field, field + " must be an ISO-8601 UTC instant like 2024-10-01T03:00:00Z, got '" + text + "'");
        }
        if (wholeMinute && (instant.getEpochSecond() % 60 != 0 || instant.getNano() != 0)) {
            throw new BacktestInputException(field, field + " must be on a whole minute");
        }
        return instant;
    }
}
