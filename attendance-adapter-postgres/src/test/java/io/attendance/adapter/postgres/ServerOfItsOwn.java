package io.attendance.adapter.postgres;

import io.attendance.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of one test's own, which the test stops and starts again on the same port,
 * or pauses ({@code SIGSTOP} to the postmaster and every backend: a host that went silent, as behind
 * a dropped network link) and resumes. Public for the other modules' tests, through the test-jar.
 */
public final class ServerOfItsOwn implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgresServer server;
    private boolean paused;

    private ServerOfItsOwn(Path data, EmbeddedPostgresServer server) {
        this.data = data;
        this.server = server;
        this.port = server.port();
    }

    /** A new cluster in {@code directory}, on a free port. */
    public static ServerOfItsOwn start(Path directory) {
        Path data = directory.resolve("data");
        return new ServerOfItsOwn(data, EmbeddedPostgresServer.start(data));
    }

    /** The application's database, as the service connects to it. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + server.user();
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public int port() {
        return port;
    }

    /** A fast shutdown: open sessions are rolled back, the port refuses connections. */
    public void stop() {
        server.close();
    }

    /** Starts the stopped server again, with its data, on its port. */
    public void restart() {
        server = EmbeddedPostgresServer.start(data, port);
    }

    /**
     * Freezes the server: connections are still accepted by the kernel, but nothing answers. The
     * postmaster first, then the backends it has: a postmaster still running while they were listed
     * could fork one more (the pool opens connections in the background), which would then serve
     * calls on a "frozen" server.
     */
    public void pause() {
        long postmaster = postmasterPid();
        kill("-STOP", List.of(postmaster));
        kill("-STOP", backendsOf(postmaster));
        paused = true;
    }

    /**
     * The backends first, listed while the postmaster is still frozen, then the postmaster: once it
     * runs it may end a backend (or start one) while they are listed, and a signal to a process gone
     * fails.
     */
    public void resume() {
        long postmaster = postmasterPid();
        kill("-CONT", backendsOf(postmaster));
        kill("-CONT", List.of(postmaster));
        paused = false;
    }

    /** Runs {@code sql} as the superuser, in the application's database. */
    public void executeAsSuperuser(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), server.superuser(), server.superuserPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql, e);
        }
    }

    /** What a new session of the superuser has for the setting {@code name}. */
    public String settingAsSuperuser(String name) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), server.superuser(), server.superuserPassword());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('" + name + "')")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + name, e);
        }
    }

    private static List<Long> backendsOf(long postmaster) {
        return ProcessHandle.of(postmaster).map(process -> process.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    private static void kill(String signal, List<Long> pids) {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes());
            if (kill.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no running server in " + data, e);
        }
    }

    @Override
    public void close() {
        if (paused) {
            resume();
        }
        server.close();
    }
}
