package io.attendance.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
        PrivilegeDroppingBinaries dropping =
                PrivilegeDroppingBinaries.needed() ? PrivilegeDroppingBinaries.asUnprivilegedUser() : null;
        EmbeddedPostgres.Builder trusting = PostgresBinaries.builder(BinaryCache.ofUser(), dropping)
                .setDataDirectory(data).setCleanDataDirectory(false).setRegisterShutdownHook(false);
        if (dropping != null) {
            dropping.letThrough(directory);
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

    /** Zonky alone would run them from {@code <java.io.tmpdir>/embedded-pg}, a folder it makes writable by all. */
    @Test
    void theServerRunsTheBinariesOfTheCacheWhichOnlyItsOwnerMayWrite() throws Exception {
        BinaryCache cache = BinaryCache.at(directory.resolve("cache"));
        Path data = directory.resolve("data");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0, cache)) {
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
            assertThat(ProcessHandle.of(postmaster).flatMap(process -> process.info().command()))
                    .hasValueSatisfying(command -> assertThat(Path.of(command))
                            .startsWith(cache.root()).endsWith(Path.of("bin", "postgres")));
        }
        List<String> othersMayWrite = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(cache.root())) {
            paths.filter(path -> !path.startsWith(cache.root().resolve("zonky")) && !Files.isSymbolicLink(path))
                    .filter(path -> !Collections.disjoint(permissions(path), Set.of(PosixFilePermission.GROUP_WRITE,
                            PosixFilePermission.OTHERS_WRITE)))
                    .forEach(path -> othersMayWrite.add(path.toString()));
        }
        assertThat(othersMayWrite).isEmpty();
        // zonky makes its working directory, in there, writable by all: no one else may enter
        assertThat(PosixFilePermissions.toString(permissions(cache.root().resolve("zonky")))).isEqualTo("rwx------");
    }

    @Test
    void binariesOthersMayWriteToAreRefusedBeforeAnyRuns() throws Exception {
        BinaryCache cache = BinaryCache.at(directory.resolve("cache"));
        PostgresBinaries.builder(cache, null);
        Path postgres;
        try (Stream<Path> unpacked = Files.list(cache.root())) {
            postgres = unpacked.filter(Files::isDirectory).filter(path -> path.getFileName().toString().startsWith("postgres-"))
                    .findFirst().orElseThrow().resolve("bin").resolve("postgres");
        }
        Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path data = directory.resolve("data");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, 0, cache))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to run the embedded servers' binaries")
                .hasMessageContaining(postgres + " others may write to it (mode 0777)");
        assertThat(data.resolve("PG_VERSION")).doesNotExist();
    }

    /**
     * Test JVMs start their servers at once on a machine whose cache is still empty: one unpacks
     * while the others wait, and each runs the whole of it.
     */
    @Test
    void jvmsStartingAtOnceOnAnEmptyCacheAllRunTheirServer() throws Exception {
        Path cache = directory.resolve("cache");
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(runEmbeddedPostgres(directory.resolve("data-" + i), Map.of("XDG_CACHE_HOME", cache.toString())));
        }
        for (int i = 0; i < children.size(); i++) {
            assertThat(outputOf(children.get(i), directory.resolve("data-" + i))).contains(RunEmbeddedPostgres.ANSWERED);
        }
        try (Stream<Path> unpacked = Files.list(cache.resolve("attendance"))) {
            assertThat(unpacked.map(path -> path.getFileName().toString()).filter(name -> name.startsWith("postgres-")))
                    .hasSize(2).anyMatch(name -> name.endsWith(".complete"));
        }
    }

    /** Zonky alone unpacks into, and deletes old data directories from, {@code <java.io.tmpdir>/embedded-pg}. */
    @Test
    void nothingIsUnpackedOrCleanedUpInTheSystemTemporaryDirectory() throws Exception {
        Path temporary = Files.createDirectory(directory.resolve("tmp"));
        Path data = directory.resolve("data");
        Process child = runEmbeddedPostgres(data, Map.of(), "-Djava.io.tmpdir=" + temporary);

        assertThat(outputOf(child, data)).contains(RunEmbeddedPostgres.ANSWERED);
        assertThat(temporary.resolve("embedded-pg")).doesNotExist();
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@link RunEmbeddedPostgres} in a child JVM, its output in a file beside {@code data}. */
    private static Process runEmbeddedPostgres(Path data, Map<String, String> environment, String... jvmOptions)
            throws java.io.IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", testClassPath(), RunEmbeddedPostgres.class.getName(), data.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** What the child of {@link #runEmbeddedPostgres} said, once it has ended well. */
    private static String outputOf(Process child, Path data) throws Exception {
        // a deadline for a child that hangs, not a measure of speed
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(data.resolveSibling(data.getFileName() + ".log"));
        assertThat(child.exitValue()).as(output).isZero();
        return output;
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

        // a cache of its own: the unprivileged user is let through every directory above the cache
        Process child = runEmbeddedPostgres(data, Map.of("PATH", fakeBin + ":" + System.getenv("PATH"),
                "XDG_CACHE_HOME", directory.resolve("cache").toString()));

        assertThat(outputOf(child, data)).contains(RunEmbeddedPostgres.ANSWERED);
        assertThat(Files.getOwner(data).getName()).isIn("postgres", "nobody");
        assertThat(Files.getOwner(directory.resolve("cache")).getName()).isEqualTo("root");
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
