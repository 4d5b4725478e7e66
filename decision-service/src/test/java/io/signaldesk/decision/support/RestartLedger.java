package io.signaldesk.decision.support;

import java.nio.file.Path;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/**
 * One ledger database that a restart test opens again and again, as each start of the service does: a SQLite file or
 * a fresh database on the test's {@link PostgresServer}, with the dialect's migrations ahead of the portable ones.
 */
public record RestartLedger(String dialect, Supplier<DataSource> sources) {

    /** The ledger in a SQLite file (created by the first migration). */
    public static RestartLedger sqlite(Path file) {
        return new RestartLedger("db/sqlite", () -> {
            SQLiteDataSource source = new SQLiteDataSource();
            source.setUrl("jdbc:sqlite:" + file);
            return source;
        });
    }

    /** The ledger in a new, empty database on the running PostgreSQL server, its name starting with {@code prefix}. */
    public static RestartLedger postgres(String prefix) {
        String url = PostgresServer.get().newDatabase(prefix);
        return new RestartLedger("db/postgresql", () -> {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setUrl(url);
            source.setUser(PostgresServer.USER);
            source.setPassword(PostgresServer.PASSWORD);
            return source;
        });
    }

    /** A new data source on the database, as a started service opens it; not migrated. */
    public DataSource open() {
        return sources.get();
    }

    /** A new data source on the database, migrated first as the service does at each start. */
    public DataSource started() {
        DataSource source = open();
        Flyway.configure().dataSource(source).locations("classpath:" + dialect, "classpath:db/migration").load().migrate();
        return source;
    }
}
