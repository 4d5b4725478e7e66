package io.signaldesk.feed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.signaldesk.feed.config.FeedConfig;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Builds a {@link FeedConfig} outside Quarkus: the defaults plus the given feed.* keys. */
public final class TestConfigs {

    private TestConfigs() {
    }

    public static FeedConfig feed(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(FeedConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withConverter(Path.class, 200, Path::of)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(FeedConfig.class);
    }

    public static FeedConfig feed() {
        return feed(Map.of());
    }
}
