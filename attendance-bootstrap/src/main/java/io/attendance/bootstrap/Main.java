package io.attendance.bootstrap;

import ch.qos.logback.classic.Level;
import io.attendance.adapter.postgres.Migrations;
import io.attendance.adapter.postgres.PostgresDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar attendance-api.jar [serve | migrate | rollback --count N | status | create-user ...]}.
 * Exit codes: 0 done, 1 the command failed, 2 bad configuration or usage.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_CONFIGURATION = 2;

    private static final String USAGE = "usage: java -jar attendance-api.jar [serve | migrate | rollback --count N | status"
            + " | " + CreateUserTool.USAGE + "]\n"
            + "create-user reads the new user's password (12 characters or more) from the first line of standard input";

    private Main() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int code = run(args, System.getenv(), System.in, System.out, System.err);
        if (code != OK) {
            System.exit(code);
        }
    }

    static int run(String[] args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        List<String> words = Arrays.asList(args);
        String command = words.isEmpty() ? "serve" : words.get(0);
        AttendanceConfig config;
        try {
            config = ConfigLoader.load(environment);
        } catch (ConfigurationError e) {
            err.println("configuration error: " + e.getMessage());
            return BAD_CONFIGURATION;
        }
        config.logLevel().ifPresent(Main::setRootLogLevel);
        Logger log = LoggerFactory.getLogger(Main.class);
        try {
            return switch (command) {
                case "serve" -> serve(config, out);
                case "migrate" -> withMigrations(config, Migrations::update, "migrations applied", out);
                case "status" -> withMigrations(config, migrations -> out.println(migrations.status()), null, out);
                case "rollback" -> {
                    int count = rollbackCount(words);
                    if (count < 1) {
                        err.println(USAGE);
                        yield BAD_CONFIGURATION;
                    }
                    yield withMigrations(config, migrations -> migrations.rollback(count),
                            "rolled back " + count + " changeset(s)", out);
                }
                case "create-user" -> CreateUserTool.run(words, config, in, out, err);
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield OK;
                }
                default -> {
                    err.println("unknown command '" + command + "'; " + USAGE);
                    yield BAD_CONFIGURATION;
                }
            };
        } catch (RuntimeException e) {
            log.error("{} failed", command, e);
            err.println(command + " failed: " + e.getMessage());
            return FAILED;
        }
    }

    /** Bootstrap alone knows the logging backend, so the level goes straight onto logback's root logger. */
    private static void setRootLogLevel(Level level) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(level);
    }

    private static int serve(AttendanceConfig config, PrintStream console) {
        AttendanceServer service = AttendanceServer.start(config, console);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.drainThenClose();
            stopped.countDown();
        }, "graceful-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static int withMigrations(AttendanceConfig config, Consumer<Migrations> action, String done, PrintStream out) {
        try (EmbeddedServices servers = EmbeddedServices.forMigrations(config);
             PostgresDatabase database = PostgresDatabase.connect(servers.database().jdbcUrl(),
                     servers.database().user(), servers.database().password(), 2, new SimpleMeterRegistry(),
                     config.databaseTimeouts(), config.databaseSchema())) {
            action.accept(database.migrations().waitingForTheLockAtMost(config.migration().lockWait()));
        }
        if (done != null) {
            out.println(done);
        }
        return OK;
    }

    /** {@code rollback --count N}; anything else is 0, a usage error. */
    private static int rollbackCount(List<String> words) {
        if (words.size() != 3 || !"--count".equals(words.get(1))) {
            return 0;
        }
        try {
            return Integer.parseInt(words.get(2));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
