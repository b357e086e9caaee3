package io.attendance.adapter.postgres;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Where the pool gets its connections: pgjdbc with the service's timeouts. Each new connection
 * reads with the socket timeout of {@link DatabaseTimeouts} in milliseconds (the driver's own
 * {@code socketTimeout} counts whole seconds), which HikariCP keeps as the connection's network
 * timeout. A URL naming several hosts gets {@code targetServerType=primary} unless it says otherwise
 * (the URL's parameters win over these properties), so that a new connection never lands on a
 * standby or a demoted primary, whichever host comes first.
 */
final class PostgresConnections implements DataSource {
    private static final Driver DRIVER = new Driver();
    /** Opening a connection: the sign-in's exchanges (scram-sha-256 has three), then HikariCP's session settings. */
    private static final int OPENING_ROUND_TRIPS = 4;

    private final String url;
    private final Properties properties = new Properties();
    private final int socketTimeoutMillis;
    private final int openingSeconds;

    PostgresConnections(String url, String user, String password, DatabaseTimeouts timeouts) {
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        this.url = url;
        this.socketTimeoutMillis = Math.toIntExact(timeouts.socket().toMillis());
        this.openingSeconds = Math.toIntExact(wholeSeconds(timeouts.connection())
                + OPENING_ROUND_TRIPS * wholeSeconds(timeouts.socket()));
        // driver properties must be strings: the driver reads them with Properties.getProperty
        if (user != null) {
            properties.setProperty(PGProperty.USER.getName(), user);
        }
        if (password != null) {
            properties.setProperty(PGProperty.PASSWORD.getName(), password);
        }
        properties.setProperty(PGProperty.APPLICATION_NAME.getName(), "attendance-api");
        // the server's detail of an error (a failing row, a batch entry with its values inlined) can hold
        // a password hash; exception messages reach log lines, so they say what failed, not with what
        properties.setProperty(PGProperty.LOG_SERVER_ERROR_DETAIL.getName(), "false");
        // a silent (firewalled) host must not hold a connection attempt longer than callers wait
        properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), String.valueOf(wholeSeconds(timeouts.connection())));
        // for the sign-in, before the connection gets its timeout in milliseconds
        properties.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), String.valueOf(wholeSeconds(timeouts.socket())));
        if (namesSeveralHosts(parsed)) {
            properties.setProperty(PGProperty.TARGET_SERVER_TYPE.getName(), "primary");
        }
    }

    static boolean namesSeveralHosts(Properties parsedUrl) {
        return PGProperty.PG_HOST.getOrDefault(parsedUrl).contains(",");
    }

    private static long wholeSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DRIVER.connect(url, properties);
        try {
            connection.setNetworkTimeout(Runnable::run, socketTimeoutMillis);
        } catch (SQLException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
        return connection;
    }

    /** The pool is given no user of its own: the credentials are this source's. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the credentials are set once, when the source is made");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver logs through java.util.logging
    }

    /** The connect and socket timeouts bound the opening of a connection already. */
    @Override
    public void setLoginTimeout(int seconds) {
    }

    /**
     * The longest a connection takes to open: HikariCP waits this long, as it shuts down, for one
     * being opened, which would otherwise outlive the pool.
     */
    @Override
    public int getLoginTimeout() {
        return openingSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver logs through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
