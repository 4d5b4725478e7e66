package io.signaldesk.feed.ws;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a connection's own /ws/market publish interval, {@code "10ms"} or {@code "1s"}: whole milliseconds or
 * seconds, from feed.publish-interval-min up to {@link #MAX}. No other spelling (numbers, ISO-8601, spaces) is read.
 */
final class PublishIntervalParser {

    static final String FIELD = "interval";
    static final Duration MAX = Duration.ofMinutes(1);
    private static final Pattern FORMAT = Pattern.compile("([0-9]{1,6})(ms|s)");

    /** The interval asked for, or why it was refused. */
    record Result(Duration interval, String error) {
    }

    private final Duration min;

    PublishIntervalParser(Duration min) {
        this.min = min;
    }

    Result parse(String text) {
        String shape = "interval must be a duration such as \"10ms\" or \"1s\" (whole ms or s), between "
                + format(min) + " and " + format(MAX);
        if (text == null) {
            return new Result(null, shape);
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return new Result(null, shape + "; got \"" + echo(text) + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration interval = "s".equals(matcher.group(2)) ? Duration.ofSeconds(amount) : Duration.ofMillis(amount);
        if (interval.compareTo(min) < 0 || interval.compareTo(MAX) > 0) {
            return new Result(null, shape + "; got \"" + text + "\"");
        }
        return new Result(interval, null);
    }

    /** The spelling this parser reads: {@code 10ms}, {@code 2s}. */
    static String format(Duration interval) {
        long millis = interval.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    private static String echo(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
