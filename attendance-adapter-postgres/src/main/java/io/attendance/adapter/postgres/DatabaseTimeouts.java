package io.attendance.adapter.postgres;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the service waits on PostgreSQL before it answers that the database is unavailable.
 *
 * @param connection how long a caller waits for a pooled connection, and a new connection for its
 *     server to accept it: a stopped server is reported after this
 * @param statement how long one statement may run ({@code statement_timeout}, so the server itself
 *     cancels it and the connection stays usable); a server that says nothing for this plus
 *     {@link #SOCKET_MARGIN} (a paused or black-holed one) counts as dead, and its connection is dropped
 * @param idleInTransaction how long the server keeps a transaction its client has left idle
 *     ({@code idle_in_transaction_session_timeout}): an instance that hangs mid-transaction holds
 *     its row locks no longer than this
 */
public record DatabaseTimeouts(Duration connection, Duration statement, Duration idleInTransaction) {
    /** HikariCP waits at least this long for a connection. */
    public static final Duration MIN_CONNECTION = Duration.ofMillis(250);
    /** The statements of this service take milliseconds: a 1,000-item batch, a 2,000-row chunk of a listing included. */
    public static final DatabaseTimeouts DEFAULTS =
            new DatabaseTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2));
    /** Lets the server's own cancel of a slow statement arrive before the client gives the connection up. */
    static final Duration SOCKET_MARGIN = Duration.ofMillis(500);

    public DatabaseTimeouts {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(idleInTransaction, "idleInTransaction");
        if (connection.compareTo(MIN_CONNECTION) < 0) {
            throw new IllegalArgumentException("the connection timeout must be at least " + MIN_CONNECTION.toMillis()
                    + " ms, was " + connection.toMillis() + " ms");
        }
        if (statement.toMillis() < 1 || idleInTransaction.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms, were " + statement + " and " + idleInTransaction);
        }
    }

    /** How long a connection may stay silent while the service waits for an answer. */
    Duration socket() {
        return statement.plus(SOCKET_MARGIN);
    }
}
