package io.signaldesk.decision.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Picks the ledger's datasource at run time. Quarkus fixes each datasource's db-kind at build time and deactivates
 * one without a URL by itself, so {@code decision.db.url} (env DECISION_DB_URL) set activates the
 * {@code postgresql} datasource; this source then deactivates the default SQLite one
 * ({@code quarkus.datasource.active=false}, at an ordinal below application.properties so an explicit setting
 * wins). Unset: nothing is added and SQLite alone is active, as it always was.
 */
public class LedgerDatabaseSelector implements ConfigSourceFactory {

    static final String URL = "decision.db.url";
    static final int ORDINAL = 90;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(URL);
        if (url == null || url.getValue() == null || url.getValue().isBlank()) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of("quarkus.datasource.active", "false"),
                LedgerDatabaseSelector.class.getSimpleName(), ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
