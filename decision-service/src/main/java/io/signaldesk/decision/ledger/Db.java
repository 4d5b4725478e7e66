package io.signaldesk.decision.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import io.signaldesk.decision.engine.port.LedgerUnavailable;

/**
 * Thin JDBC helper over the ledger's data source (the SQLite file, or PostgreSQL when {@code decision.db.url} is
 * set: whichever of the two is active, see config/LedgerDatabaseSelector): transactions and column conversions.
 * The SQL the repositories send runs unchanged on both.
 */
@ApplicationScoped
public class Db {

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final boolean soleWriter;
    private final LedgerHealth health;

    @Inject
    public Db(@Any InjectableInstance<AgroalDataSource> dataSources, LedgerHealth health) {
        this(dataSources.getActive(), false, health);
    }

    /** Over any data source: tests build a second ledger stack on the same database, as a second service would. */
    public Db(DataSource dataSource) {
        this(dataSource, false, null);
    }

    private Db(DataSource dataSource, boolean soleWriter, LedgerHealth health) {
        this.dataSource = dataSource;
        this.soleWriter = soleWriter;
        this.health = health;
    }

    /** A database only this object's user writes, on one thread (a backtest's scratch ledger). */
    static Db soleWriter(DataSource dataSource) {
        return new Db(dataSource, true, null);
    }

    /** Whether nobody else writes this database: a repository may then keep running totals of what it wrote. */
    boolean isSoleWriter() {
        return soleWriter;
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it. A failure is a
     * {@link StorageException} naming its {@link LedgerFault}; the database's own error is kept even when the rollback
     * fails too (SQLite ends the transaction itself on a full disk, so the rollback finds none).
     */
    public <T> T inTransaction(Work<T> work) {
        T result;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit);
            }
        } catch (SQLException e) {
            throw failed(new StorageException(e));
        } catch (StorageException e) {
            throw failed(e);
        }
        if (health != null) {
            health.succeeded();
        }
        return result;
    }

    /** Runs {@code work} on a connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failed(new StorageException(e));
        }
    }

    private StorageException failed(StorageException e) {
        if (health != null) {
            health.failed(e);
        }
        return e;
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // the connection is broken: the pool drops it; the work's own failure is what the caller hears
        }
    }

    static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setObject(index, null);
        } else if (value instanceof BigDecimal number) {
            statement.setString(index, number.toPlainString());
        } else if (value instanceof Instant instant) {
            statement.setString(index, text(instant));
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    /** Fixed-width UTC text so that SQL compares and sorts instants correctly. */
    static String text(Instant instant) {
        return STAMP.format(instant);
    }

    static PreparedStatement prepare(Connection connection, String sql, Object... values) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            set(statement, i + 1, values[i]);
        }
        return statement;
    }

    static int update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, values)) {
            return statement.executeUpdate();
        }
    }

    static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : new BigDecimal(text);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Instant.parse(text);
    }

    static <E extends Enum<E>> E enumOf(ResultSet rs, String column, Class<E> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : Enum.valueOf(type, text);
    }

    /** A storage failure, with its {@link LedgerFault}; the caller's transaction was rolled back. */
    public static class StorageException extends LedgerUnavailable {
        private final LedgerFault fault;

        public StorageException(Throwable cause) {
            super(cause);
            this.fault = LedgerFault.of(cause);
        }

        public LedgerFault fault() {
            return fault;
        }

        @Override
        public String why() {
            return fault.text();
        }
    }
}
