package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.Employee;
import io.attendance.embedded.EmbeddedPostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server of our own that goes away and comes back: the pool says so meanwhile, then reconnects. */
class DatabaseRestartTest {
    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");

    @TempDir
    Path directory;

    @Test
    void whileTheServerIsDownCallsAreUnavailableAndAfterItsRestartThePoolReconnects() {
        Path data = directory.resolve("data");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data);
        // the production timeouts
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

            server = EmbeddedPostgresServer.start(data, server.port());

            // the pool opens its new connections in the background: on a loaded machine the first may
            // take longer than one call's wait, so the promise is that it reconnects, not how soon
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!database.healthProbe().isUp()) {
                assertThat(System.nanoTime()).as("the pool reconnected in time").isLessThan(deadline);
            }
            assertThat(database.employees().find(ADA.id())).contains(ADA);
        } finally {
            server.close();
        }
    }
}
