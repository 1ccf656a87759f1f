package io.payonator.ops.ledger.postgres;

import io.payonator.ops.ledger.LedgerInUseException;
import io.payonator.ops.ledger.LedgerLocation;
import io.payonator.ops.ledger.LedgerUnreachableException;
import org.postgresql.Driver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A ledger in a PostgreSQL database, named by its JDBC URL
 * ({@code jdbc:postgresql://HOST:PORT/DATABASE?user=NAME}). The password comes from the URL, else
 * from {@code PGPASSWORD}, else the driver reads {@code ~/.pgpass}; it is never shown.
 */
public final class PostgresLocation implements LedgerLocation {

    public static final String BACKEND = "postgresql";
    /** The context property with the password, when there is one to pass on. */
    static final String PASSWORD_PROPERTY = "payonator.postgres.password";

    private static final String PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    private final String url;
    private final String password;

    private PostgresLocation(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /** Whether {@code text} names a PostgreSQL ledger. */
    public static boolean names(String text) {
        return text.startsWith(PREFIX);
    }

    /** @throws IllegalArgumentException if the URL is not one the PostgreSQL driver accepts */
    public static PostgresLocation parse(String url) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + withoutPassword(url) + "' is not a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://HOST:PORT/DATABASE?user=NAME)");
        }
        String password = parsed.getProperty("password");
        return new PostgresLocation(url, password != null ? password : System.getenv("PGPASSWORD"));
    }

    /** The URL as it may be shown: a password in it is masked. */
    public static String withoutPassword(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("payonator.postgres.url", url);
        if (password != null) {
            properties.put(PASSWORD_PROPERTY, password);
            properties.put("spring.datasource.password", password);
        }
        return properties;
    }

    @Override
    public WriterLock lockForWriting() {
        Connection connection = connect("writer");
        try {
            return PostgresWriterLock.acquire(connection, toString());
        } catch (SQLException | LedgerInUseException e) {
            closeAfter(connection, e);
            throw e instanceof SQLException sql ? unreachable(sql) : (LedgerInUseException) e;
        }
    }

    /** A cluster node shares the writer's lock with the other nodes; its connection names the node. */
    @Override
    public WriterLock lockForCluster(String node) {
        Connection connection = connect(PostgresWriterLock.CLUSTER_NODE + node);
        try {
            return PostgresWriterLock.acquireShared(connection, toString());
        } catch (SQLException | LedgerInUseException e) {
            closeAfter(connection, e);
            throw e instanceof SQLException sql ? unreachable(sql) : (LedgerInUseException) e;
        }
    }

    /** A ledger is there once its event store is. */
    @Override
    public boolean exists() {
        try (Connection connection = connect("check"); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT to_regclass('domainevententry') IS NOT NULL")) {
            result.next();
            return result.getBoolean(1);
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    /** Another program's tables may share the database: the ledger's names are its own (see the README). */
    @Override
    public Optional<String> notALedger() {
        return Optional.empty();
    }

    /** The database is the operator's: its tables are created by the first start's migrations. */
    @Override
    public void create() {
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    /**
     * Tables a failed first start created stay: the database is the operator's, and Flyway's
     * history says how far the schema got; the next start carries on from there.
     */
    @Override
    public void removeCreated() {
    }

    @Override
    public boolean isTemporary() {
        return false;
    }

    @Override
    public void delete() {
        throw new UnsupportedOperationException("a PostgreSQL ledger is never temporary: " + this);
    }

    @Override
    public boolean isStorageFailure(Throwable failure) {
        return PostgresFailures.isDatabaseFailure(failure);
    }

    @Override
    public String describe(Throwable failure) {
        return PostgresFailures.describe(failure);
    }

    @Override
    public String toString() {
        return withoutPassword(url);
    }

    /** Connection properties for every connection of this process to the ledger; {@code role} names it to the server. */
    static Properties connectionProperties(String password, String role) {
        Properties properties = new Properties();
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "payonator " + role + ", pid " + ProcessHandle.current().pid());
        return properties;
    }

    private Connection connect(String role) {
        try {
            return DriverManager.getConnection(url, connectionProperties(password, role));
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private LedgerUnreachableException unreachable(SQLException e) {
        return new LedgerUnreachableException("cannot open the ledger " + this + ": " + PostgresFailures.describe(e), e);
    }

    private static void closeAfter(Connection connection, Exception failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
