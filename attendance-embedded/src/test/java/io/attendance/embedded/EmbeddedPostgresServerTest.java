package io.attendance.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {
    @TempDir
    Path directory;

    @Test
    void theDataSurviveAStopAndARestartOnTheSameDirectoryAndPort() throws Exception {
        Path data = directory.resolve("data");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data);
        try (first; Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (n int)");
            statement.execute("INSERT INTO kept VALUES (42)");
        }
        first.close(); // again: a second close is harmless
        assertThatThrownBy(() -> connect(first)).as("stopped").isInstanceOf(SQLException.class);

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data, first.port())) {
            assertThat(queryOne(second, "SELECT n FROM kept")).isEqualTo(42);
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    @Test
    void aServerOnAFreePortAnswersOnItsUrl() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("data"))) {
            assertThat(server.port()).isPositive();
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/attendance");
            assertThat(queryOne(server, "SELECT 1")).isEqualTo(1);
        }
    }

    @Test
    void everyConnectionNeedsTheRightPassword() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("data"))) {
            for (String url : List.of(server.jdbcUrl(), server.superuserJdbcUrl())) {
                for (String user : List.of(server.user(), server.superuser())) {
                    assertThatThrownBy(() -> DriverManager.getConnection(url, user, null).close())
                            .as("%s as %s without a password", url, user).isInstanceOf(SQLException.class);
                    assertThatThrownBy(() -> DriverManager.getConnection(url, user, "wrong").close())
                            .as("%s as %s with a wrong password", url, user)
                            .hasMessageContaining("password authentication failed");
                }
            }
            assertThat(dataOf(server, "pg_hba.conf")).isEqualTo(EmbeddedPostgresServer.PG_HBA).doesNotContain("trust");
        }
    }

    @Test
    void theApplicationRoleIsNoSuperuserAndOwnsItsDatabase() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("data"));
                Connection connection = connect(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE written (n int)");
            statement.execute("INSERT INTO written VALUES (7)");

            assertThat(server.user()).isNotEqualTo(server.superuser());
            assertThat(queryOne(server, "SELECT count(*) FROM pg_roles WHERE rolname = current_user AND NOT rolsuper"))
                    .isEqualTo(1);
            assertThat(queryOne(server, "SELECT count(*) FROM pg_tables WHERE tablename = 'written' AND tableowner = current_user"))
                    .isEqualTo(1);
            assertThatThrownBy(() -> statement.execute("COPY written TO PROGRAM 'true'"))
                    .hasMessageContaining("must be superuser");
        }
    }

    @Test
    void thePasswordsAreKeptOwnerOnlyBesideTheClusterAndReused() throws Exception {
        Path data = directory.resolve("data");
        String password;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data)) {
            password = first.password();
        }
        Path credentials = directory.resolve("data-credentials.properties");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(GeneratedPasswords.OWNER_ONLY);
        assertThat(Files.readString(credentials)).contains(password);
        assertThat(directory.resolve(".data-initdb-password")).doesNotExist();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data)) {
            assertThat(second.password()).isEqualTo(password);
            assertThat(queryOne(second, "SELECT 1")).isEqualTo(1);
        }
    }

    /** A cluster made before passwords: initdb with trust, the tables in the database "postgres". */
    @Test
    void aClusterOfTheTrustSetupGetsPasswordsAndKeepsItsData() throws Exception {
        Path data = directory.resolve("data");
        EmbeddedPostgres.Builder trusting = EmbeddedPostgres.builder()
                .setDataDirectory(data).setCleanDataDirectory(false).setRegisterShutdownHook(false);
        if (PrivilegeDroppingBinaries.needed()) {
            PrivilegeDroppingBinaries.install(trusting, data);
        }
        try (EmbeddedPostgres old = trusting.start();
                Connection connection = old.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id int GENERATED ALWAYS AS IDENTITY, n int)");
            statement.execute("INSERT INTO kept (n) VALUES (42)");
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data)) {
            assertThat(queryOne(server, "SELECT n FROM kept")).isEqualTo(42);
            try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO kept (n) VALUES (43)");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.superuserJdbcUrl(), server.superuser(), null).close())
                    .isInstanceOf(SQLException.class);
            assertThat(dataOf(server, "pg_hba.conf")).isEqualTo(EmbeddedPostgresServer.PG_HBA);
        }
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data)) {
            assertThat(queryOne(again, "SELECT sum(n) FROM kept")).isEqualTo(85);
        }
    }

    private static String dataOf(EmbeddedPostgresServer server, String file) {
        try {
            return Files.readString(server.dataDirectory().resolve(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Where the kernel allows no user namespace, zonky cannot hide root from initdb; the server then
     * runs as an unprivileged user. Forced here in a child JVM whose {@code unshare} always fails.
     */
    @Test
    void asRootWithoutUserNamespacesThePostgresProcessesRunAsAnUnprivilegedUser() throws Exception {
        assumeTrue(isRoot(), "only root needs it");
        Path fakeBin = Files.createDirectories(directory.resolve("bin"));
        Path unshare = Files.writeString(fakeBin.resolve("unshare"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path data = directory.resolve("data");

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", testClassPath(),
                RunEmbeddedPostgres.class.getName(), data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains(RunEmbeddedPostgres.ANSWERED);
        assertThat(Files.getOwner(data).getName()).isIn("postgres", "nobody");
    }

    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }

    private static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /** The integer in the first column of the first row of {@code sql}, on the server's own database. */
    static int queryOne(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection connection = connect(server);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}
