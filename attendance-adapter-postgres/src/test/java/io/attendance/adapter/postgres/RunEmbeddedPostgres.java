package io.attendance.adapter.postgres;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;

/** Starts an embedded server on the directory given, checks it answers, stops it: for a child JVM. */
final class RunEmbeddedPostgres {
    static final String ANSWERED = "embedded PostgreSQL answered";

    private RunEmbeddedPostgres() {
    }

    public static void main(String[] args) {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]));
                PostgresDatabase database = PostgresDatabase.connect(
                        server.jdbcUrl(), server.user(), server.password(), 1, new SimpleMeterRegistry())) {
            if (!database.healthProbe().isUp()) {
                throw new IllegalStateException("the embedded server does not answer");
            }
            System.out.println(ANSWERED);
        }
    }
}
