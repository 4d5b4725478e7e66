package io.signaldesk.decision.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.signaldesk.decision.config.DecisionConfig;

/** Creates the folder of the database file, then applies the Flyway migrations, before anything else starts. */
@ApplicationScoped
public class DatabaseInitializer {

    private static final Logger LOG = Logger.getLogger(DatabaseInitializer.class);

    private final Flyway flyway;
    private final String dbPath;
    private volatile boolean ready;

    DatabaseInitializer(Flyway flyway, DecisionConfig config) {
        this.flyway = flyway;
        this.dbPath = config.db().path();
    }

    /** True once the migrations ran; scheduled jobs wait for it. */
    public boolean ready() {
        return ready;
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        Path parent = Path.of(dbPath).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database folder " + parent, e);
        }
        var result = flyway.migrate();
        ready = true;
        LOG.infof("database %s ready (%d migrations applied)", Path.of(dbPath).toAbsolutePath(), result.migrationsExecuted);
    }
}
