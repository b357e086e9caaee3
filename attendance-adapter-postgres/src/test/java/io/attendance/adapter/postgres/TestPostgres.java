package io.attendance.adapter.postgres;

import io.attendance.embedded.EmbeddedPostgresServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The PostgreSQL of the tests, shared by this module and by every module whose tests need a real
 * database (through this module's test-jar). One server per JVM, started on first use:
 * <ol>
 *   <li>the server named by {@code ATTENDANCE_TEST_DB_URL} (with {@code ATTENDANCE_TEST_DB_USER},
 *       {@code ATTENDANCE_TEST_DB_PASSWORD}; the user needs CREATEDB), else</li>
 *   <li>a {@code postgres:15-alpine} container when Testcontainers is on the classpath and a Docker
 *       engine answers, else</li>
 *   <li>an {@link EmbeddedPostgresServer} with its data in a temporary directory, removed at exit (its
 *       binaries in the user's private cache, which every test JVM shares).</li>
 * </ol>
 * Tests never share a database by accident: each asks for a {@link #freshDatabase()} (empty) or a
 * {@link #freshMigratedDatabase()} (the changelog applied), made by {@code CREATE DATABASE}, and may
 * empty it between tests with {@link #truncateAll(TestDatabase)}.
 */
public final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    /** Names differ across JVMs too: modules may test in parallel against one external server. */
    private static final String RUN = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);

    private static TestDatabase server;
    private static String migratedTemplate;

    private TestPostgres() {
    }

    /** Where to reach one database, and a way to open the adapter on it. */
    public record TestDatabase(String jdbcUrl, String user, String password) {
        /** The adapter on this database, with a small pool and its own meter registry. */
        public PostgresDatabase connect() {
            return PostgresDatabase.connect(jdbcUrl, user, password, 10, new SimpleMeterRegistry());
        }

        /**
         * A plain JDBC connection, for a test's own SQL: its search path is the default schema, where
         * the migrations put the tables, so that SQL names them as they are.
         */
        public Connection openConnection() throws SQLException {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            properties.setProperty("password", password);
            properties.setProperty("currentSchema", DatabaseSchema.DEFAULT.name());
            return DriverManager.getConnection(jdbcUrl, properties);
        }

        /** The first column of every row {@code sql} answers, as text, in the order it answers them. */
        public List<String> firstColumn(String sql) throws SQLException {
            List<String> values = new ArrayList<>();
            try (Connection connection = openConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** A new, empty database of its own. */
    public static TestDatabase freshDatabase() {
        return createDatabase(null);
    }

    /** A new database with every changeset applied (copied from a template migrated once per JVM). */
    public static synchronized TestDatabase freshMigratedDatabase() {
        if (migratedTemplate == null) {
            TestDatabase template = freshDatabase();
            try (PostgresDatabase database = template.connect()) {
                database.migrations().update();
            }
            migratedTemplate = databaseName(template);
        }
        return createDatabase(migratedTemplate);
    }

    /**
     * Empties every table of the default schema, except Liquibase's own, the append-only audit tables
     * included: as their owner (who ran the migrations), it switches their triggers off for its own
     * transaction only. The ALTER TABLE locks each table until the commit, by which the triggers are
     * back on, so no other connection ever sees a table unguarded. A test's reset, never the service's.
     */
    public static void truncateAll(TestDatabase database) {
        truncateAll(database, DatabaseSchema.DEFAULT);
    }

    /** As {@link #truncateAll(TestDatabase)}, the tables of {@code schema}. */
    public static void truncateAll(TestDatabase database, DatabaseSchema schema) {
        try (Connection connection = database.openConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT format('%I.%I', schemaname, tablename) FROM pg_tables
                     WHERE schemaname = ? AND tablename NOT LIKE 'databasechangelog%'
                    """)) {
                select.setString(1, schema.name());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            if (!tables.isEmpty()) {
                connection.setAutoCommit(false);
                for (String table : tables) {
                    statement.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
                }
                statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
                for (String table : tables) {
                    statement.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
                }
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + database.jdbcUrl(), e);
        }
    }

    private static synchronized TestDatabase createDatabase(String template) {
        TestDatabase admin = server();
        String name = "attendance_test_" + RUN + "_" + DATABASES.incrementAndGet();
        try (Connection connection = admin.openConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
            CREATED.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on " + admin.jdbcUrl(), e);
        }
        return new TestDatabase(withDatabase(admin.jdbcUrl(), name), admin.user(), admin.password());
    }

    private static synchronized TestDatabase server() {
        if (server == null) {
            server = startServer();
        }
        return server;
    }

    private static TestDatabase startServer() {
        String url = System.getenv("ATTENDANCE_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            TestDatabase external = new TestDatabase(url, orElse(System.getenv("ATTENDANCE_TEST_DB_USER"), "postgres"),
                    orElse(System.getenv("ATTENDANCE_TEST_DB_PASSWORD"), ""));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropCreatedDatabases(external), "test-postgres-cleanup"));
            return external;
        }
        if (testcontainersOnClasspath() && Containers.dockerAvailable()) {
            return Containers.startPostgres();
        }
        return startEmbedded();
    }

    /** A server that outlives the tests keeps none of their databases (the others go with their server). */
    private static void dropCreatedDatabases(TestDatabase admin) {
        try (Connection connection = admin.openConnection(); Statement statement = connection.createStatement()) {
            for (String name : CREATED) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException ignored) {
            // best effort at exit: a left-over test database is harmless
        }
    }

    private static TestDatabase startEmbedded() {
        try {
            Path directory = Files.createTempDirectory("attendance-test-pg-");
            EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(directory.resolve("data"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                embedded.close();
                deleteRecursively(directory);
            }, "test-postgres-cleanup"));
            return new TestDatabase(embedded.superuserJdbcUrl(), embedded.superuser(), embedded.superuserPassword());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory: what is left is the system's to clean
        }
    }

    private static String databaseName(TestDatabase database) {
        String url = database.jdbcUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The same server and parameters, another database: jdbc:postgresql://hosts[/database][?parameters]. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String parameters = query < 0 ? "" : url.substring(query);
        String base = query < 0 ? url : url.substring(0, query);
        int hostsStart = base.indexOf("//") + 2;
        int slash = base.indexOf('/', hostsStart);
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + parameters;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static boolean testcontainersOnClasspath() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, TestPostgres.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException absent) {
            return false;
        }
    }

    /**
     * Testcontainers is referenced only from here, and this class is loaded (and verified, which
     * needs Testcontainers' classes) only when Testcontainers is on the classpath: modules that never
     * run Docker need not depend on it.
     */
    private static final class Containers {
        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError unusable) {
                return false;
            }
        }

        static TestDatabase startPostgres() {
            org.testcontainers.containers.GenericContainer<?> container =
                    new org.testcontainers.containers.GenericContainer<>(
                            org.testcontainers.utility.DockerImageName.parse("postgres:15-alpine"))
                            .withEnv("POSTGRES_USER", "attendance")
                            .withEnv("POSTGRES_PASSWORD", "attendance")
                            .withEnv("POSTGRES_DB", "attendance")
                            .withTmpFs(java.util.Map.of("/var/lib/postgresql/data", "rw"))
                            .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300")
                            .withExposedPorts(5432)
                            .waitingFor(org.testcontainers.containers.wait.strategy.Wait
                                    .forLogMessage(".*database system is ready to accept connections.*\\s", 2))
                            .withStartupTimeout(java.time.Duration.ofMinutes(2));
            container.start();
            String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/attendance";
            return new TestDatabase(url, "attendance", "attendance");
        }
    }
}
