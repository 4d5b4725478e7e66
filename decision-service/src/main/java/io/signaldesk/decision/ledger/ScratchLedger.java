package io.signaldesk.decision.ledger;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * A ledger of its own for a backtest: an in-memory SQLite database with the service's own migrations, on one
 * connection (a backtest is one thread). The live ledger, proposals and dashboard are never touched; everything is
 * gone when it is closed.
 */
public final class ScratchLedger implements AutoCloseable {

    private final Connection connection;
    private final Db db;
    private final DatabaseInitializer database;

    private ScratchLedger(Connection connection) {
        this.connection = connection;
        DataSource source = new OneConnection(connection);
        Flyway.configure().dataSource(source).locations("classpath:db/sqlite", "classpath:db/migration")
                .load().migrate();
        this.db = Db.soleWriter(source);
        this.database = DatabaseInitializer.migrated();
    }

    public static ScratchLedger open() {
        try {
            return new ScratchLedger(new org.sqlite.JDBC().connect("jdbc:sqlite::memory:", new java.util.Properties()));
        } catch (SQLException e) {
            throw new Db.StorageException(e);
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
        }
    }

    /**
     * Hands out the one connection; closing what it handed out keeps it open (the in-memory database lives on it).
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
