package io.signaldesk.decision.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.signaldesk.decision.config.DecisionConfig;
import io.signaldesk.decision.engine.port.LedgerState;

/**
 * Prepares the ledger before anything else starts: on SQLite creates the folder of the database file, on
 * PostgreSQL ({@code decision.db.url}) checks the URL names one; a SQLite file that fails {@code PRAGMA quick_check}
 * stops the start (reported, never served); then applies the Flyway migrations of the
 * active datasource (db/sqlite or db/postgresql, then the portable db/migration).
 */
@ApplicationScoped
public class DatabaseInitializer implements LedgerState {

    private static final Logger LOG = Logger.getLogger(DatabaseInitializer.class);

    private final InjectableInstance<Flyway> flyway;
    private final String dbPath;
    private final Optional<String> url;
    private volatile boolean ready;

    @jakarta.inject.Inject
    DatabaseInitializer(@Any InjectableInstance<Flyway> flyway, DecisionConfig config) {
        this.flyway = flyway;
        this.dbPath = config.db().path();
        this.url = config.db().url().filter(u -> !u.isBlank());
    }

    /** A database another owner migrated already (a backtest's scratch ledger). */
    private DatabaseInitializer() {
        this.flyway = null;
        this.dbPath = null;
        this.url = Optional.empty();
        this.ready = true;
    }

    static DatabaseInitializer migrated() {
        return new DatabaseInitializer();
    }

    /** True once the migrations ran; scheduled jobs wait for it. */
    public boolean ready() {
        return ready;
    }

    /** PostgreSQL (decision.db.url) may be shared by several decision services; the SQLite file is this one's. */
    @Override
    public boolean shared() {
        return url.isPresent();
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        String where;
        if (url.isPresent()) {
            if (!url.get().startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("DECISION_DB_URL must be a jdbc:postgresql://host:port/database URL");
            }
            where = "PostgreSQL " + withoutQuery(url.get());
        } else {
            Path parent = Path.of(dbPath).toAbsolutePath().getParent();
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the database folder " + parent, e);
            }
            where = "SQLite " + Path.of(dbPath).toAbsolutePath();
            LedgerIntegrity.problem(Path.of(dbPath)).ifPresent(problem -> {
                LOG.errorf("the ledger %s is corrupt (PRAGMA quick_check: %s): refusing to serve it", where, problem);
                throw new IllegalStateException("the ledger " + Path.of(dbPath).toAbsolutePath() + " is corrupt (PRAGMA "
                        + "quick_check: " + problem + "); the service refuses to serve it: restore it from a backup, or "
                        + "move it away to start an empty ledger");
            });
        }
        var result = flyway.getActive().migrate();
        ready = true;
        LOG.infof("database %s ready (%d migrations applied)", where, result.migrationsExecuted);
    }

    /** The URL as logged: query parameters may carry credentials. */
    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
