package io.signaldesk.common.config;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Turns the one key {@code signal.transport} into every Kafka channel's {@code mp.messaging.*.enabled}: true in the
 * kafka transport, false otherwise, for each channel whose connector is smallrye-kafka. It sits below every
 * properties file ({@link #ORDINAL}), so a channel's own {@code enabled} line, where one is written, still wins.
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceFactory}.
 */
public class TransportChannels implements ConfigSourceFactory {

    /** Under application.properties (250) and the microprofile-config.properties of the jars (100). */
    static final int ORDINAL = 90;
    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean kafka = kafka(context.getValue("signal.transport"));
        Map<String, String> enabled = new TreeMap<>();
        for (Iterator<String> names = context.iterateNames(); names.hasNext();) {
            Matcher channel = CONNECTOR.matcher(names.next());
            if (channel.matches() && "smallrye-kafka".equals(valueOf(context.getValue(channel.group())))) {
                enabled.put("mp.messaging." + channel.group(1) + "." + channel.group(2) + ".enabled", String.valueOf(kafka));
            }
        }
        return List.of(new MapBackedConfigSource("signal.transport channels", enabled, ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The same reading as {@link TransportConfig#transport()}: the enum's name in any case. */
    static boolean kafka(ConfigValue transport) {
        String value = valueOf(transport);
        return value != null && Transport.KAFKA.name().equals(value.trim().toUpperCase(Locale.ROOT));
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
