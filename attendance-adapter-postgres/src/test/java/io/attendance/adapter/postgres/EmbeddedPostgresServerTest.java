package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Employee;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {
    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");

    @TempDir
    Path directory;

    @Test
    void theDataSurviveAStopAndARestartOnTheSameDirectoryAndThePoolReconnects() throws IOException {
        Path data = directory.resolve("data");
        int port = freePort();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, port);
        // the production connection timeout: reconnecting to a restarted server on a busy machine can take a second
        try (PostgresDatabase database = PostgresDatabase.connect(
                server.jdbcUrl(), server.user(), server.password(), 2, registry)) {
            database.migrations().update();
            database.employees().add(ADA);
            assertThat(database.healthProbe().isUp()).isTrue();
            assertThat(registry.find("hikaricp.connections").tag("pool", PostgresDatabase.POOL_NAME).gauge())
                    .as("the pool's metrics in the registry").isNotNull();

            server.close();

            assertThat(database.healthProbe().isUp()).isFalse();
            assertThatThrownBy(() -> database.employees().find(ADA.id())).isInstanceOf(Unavailable.class);

            server = EmbeddedPostgresServer.start(data, port);

            assertThat(database.employees().find(ADA.id())).contains(ADA);
            assertThat(database.healthProbe().isUp()).isTrue();
        } finally {
            server.close();
        }
        assertThat(data.resolve("PG_VERSION")).exists();
    }

    @Test
    void aServerOnAFreePortAnswersOnItsUrl() {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("data"));
                PostgresDatabase database = PostgresDatabase.connect(
                        server.jdbcUrl(), server.user(), server.password(), 1, new SimpleMeterRegistry())) {
            assertThat(server.port()).isPositive();
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + server.port() + "/postgres");
            assertThat(database.healthProbe().isUp()).isTrue();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
