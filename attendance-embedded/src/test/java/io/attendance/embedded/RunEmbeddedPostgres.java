package io.attendance.embedded;

import java.nio.file.Path;
import java.sql.SQLException;

/** Starts an embedded server on the directory given, checks it answers, stops it: for a child JVM. */
final class RunEmbeddedPostgres {
    static final String ANSWERED = "embedded PostgreSQL answered";

    private RunEmbeddedPostgres() {
    }

    public static void main(String[] args) throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]))) {
            if (EmbeddedPostgresServerTest.queryOne(server, "SELECT 1") != 1) {
                throw new IllegalStateException("the embedded server does not answer");
            }
            System.out.println(ANSWERED);
        }
    }
}
