package io.signaldesk.decision.ledger;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * A ledger of its own for a backtest: a SQLite database in a temporary file with the service's own migrations, on
 * one connection (a backtest is one thread). The live ledger, proposals and dashboard are never touched; the file is
 * deleted when it is closed. A file, not {@code :memory:}: an in-memory database keeps every page in native memory, so
 * a long backtest grew the process past its budget; a file's pages stay on disk beyond a small page cache.
 */
public final class ScratchLedger implements AutoCloseable {

    /** SQLite's page cache for the scratch file, in KiB (a negative cache_size is KiB). */
    static final int PAGE_CACHE_KIB = 4096;

    private final Connection connection;
    private final Path file;
    private final Db db;
    private final DatabaseInitializer database;

    private ScratchLedger(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
        DataSource source = new OneConnection(connection);
        Flyway.configure().dataSource(source).locations("classpath:db/sqlite", "classpath:db/migration")
                .load().migrate();
        this.db = Db.soleWriter(source);
        this.database = DatabaseInitializer.migrated();
    }

    public static ScratchLedger open() {
        Path file = null;
        Connection connection = null;
        try {
            file = Files.createTempFile("signal-desk-backtest-", ".db");
            connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
            try (Statement pragma = connection.createStatement()) {
                // a scratch thrown away at the end: one process holds it (no file locking per statement), no journal,
                // no fsync, a bounded page cache, temporaries on disk
                pragma.execute("PRAGMA locking_mode=EXCLUSIVE");
                pragma.execute("PRAGMA journal_mode=OFF");
                pragma.execute("PRAGMA synchronous=OFF");
                pragma.execute("PRAGMA cache_size=-" + PAGE_CACHE_KIB);
                pragma.execute("PRAGMA temp_store=FILE");
            }
            return new ScratchLedger(connection, file);
        } catch (SQLException e) {
            abandon(connection, file);
            throw new Db.StorageException(e);
        } catch (IOException e) {
            abandon(connection, file);
            throw new Db.StorageException(e);
        } catch (RuntimeException e) {
            abandon(connection, file);
            throw e;
        }
    }

    /** After a failed open: the connection closed and the file gone, quietly (the open's failure is reported). */
    private static void abandon(Connection connection, Path file) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // the open's own failure is the one reported
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temporary directory
        }
    }

    public Db db() {
        return db;
    }

    public DatabaseInitializer database() {
        return database;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new Db.StorageException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Hands out the one connection; closing what it handed out keeps it open (the backtest's whole life is on it).
     * Statements are prepared once per SQL text and kept (SQLite spends more time preparing a statement than running
     * these): closing one only clears its parameters. One thread uses the ledger, and no caller runs the same SQL
     * while a result set of it is still open.
     */
    private record OneConnection(Connection connection, Map<String, PreparedStatement> statements) implements DataSource {

        OneConnection(Connection connection) {
            this(connection, new HashMap<>());
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        if (method.getName().equals("prepareStatement") && args.length == 1) {
                            return kept((String) args[0]);
                        }
                        return forward(connection, method, args);
                    });
        }

        private PreparedStatement kept(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            PreparedStatement kept = statement;
            return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] { PreparedStatement.class }, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            kept.clearParameters();
                            return null;
                        }
                        return forward(kept, method, args);
                    });
        }

        private static Object forward(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
