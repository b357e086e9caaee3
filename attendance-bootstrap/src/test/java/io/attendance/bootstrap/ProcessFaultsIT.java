package io.attendance.bootstrap;

import static io.attendance.bootstrap.RunningJar.send;
import static io.attendance.bootstrap.RunningJar.withAdministrator;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.attendance.adapter.postgres.TestPostgres;
import io.attendance.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jar's process meeting the faults a platform deals it, on the test run's servers and in embedded
 * mode: {@code kill -9} in the middle of a 1,000-item batch, at a random moment, leaves the batch whole or
 * absent and a restart that serves with no hand laid on it (in embedded mode the killed JVM's
 * PostgreSQL and Redis are still running on its data); then SIGTERM under a load of writes turns
 * readiness to 503 while the writes are still served, the process exits within 30 s, every write
 * answered 2xx is in PostgreSQL with its audit event, and in embedded mode PostgreSQL stops only after
 * HTTP has drained. One scenario per mode, so that the JVMs are started as few times as possible.
 */
class ProcessFaultsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH_EMPLOYEES = 20;
    private static final int BATCH_DAYS = 50;
    private static final LocalDate FIRST_BATCH_DAY = LocalDate.of(2025, 1, 1);
    private static final int WRITERS = 6;
    private static final LocalDate FIRST_WRITTEN_DAY = LocalDate.of(2026, 1, 1);
    /** The default: room for some of the writers' answers to come after readiness said 503, however busy the machine. */
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "embedded servers: {0}")
    @ValueSource(booleans = {false, true})
    void aBatchCutByKillIsWholeOrAbsentTheRestartServesAndSigtermUnderWritesLosesNoAcknowledgedWrite(boolean embedded)
            throws Exception {
        Map<String, String> environment = new HashMap<>(withAdministrator(embedded
                ? Map.of("ATTENDANCE_DATA_DIR", directory.resolve("data").toString())
                : TestServers.freshEnvironment()));
        environment.put("ATTENDANCE_SHUTDOWN_DRAIN_DELAY", DRAIN.toSeconds() + "s");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        RunningJar jar = RunningJar.start(directory.resolve("first.log"), environment, RunningJar.freePort());
        try {
            String bearer = "Bearer " + jar.signIn(RunningService.ADMIN_PASSWORD);
            for (int employee = 0; employee < BATCH_EMPLOYEES; employee++) {
                assertThat(put(jar, bearer, "/api/v2/employees/" + employeeId(employee), "{\"name\":\"K " + employee + "\"}")
                        .statusCode()).isEqualTo(201);
            }
            // a batch let through tells how long one takes on this machine, so that the kill falls anywhere from
            // its start (reading, planning) to just past its answer; each run of the test picks other moments
            long started = System.nanoTime();
            assertThat(send(batchRequest(jar, bearer, 0)).statusCode()).isEqualTo(200);
            long batchMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            long killAfterMillis = (long) (batchMillis * (0.1 + random.nextDouble() * 1.1));
            CompletableFuture<HttpResponse<String>> batch = RunningJar.CLIENT.sendAsync(
                    batchRequest(jar, bearer, 1).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(killAfterMillis);
            jar.process.destroyForcibly();
            assertThat(jar.process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
            boolean answered = batch.handle((response, failure) -> failure == null && response.statusCode() == 200)
                    .get(30, TimeUnit.SECONDS);

            jar = RunningJar.start(directory.resolve("restarted.log"), environment, RunningJar.freePort());
            bearer = "Bearer " + jar.signIn(RunningService.ADMIN_PASSWORD);
            int stored = storedOfBatch(jar, bearer, 1);
            System.out.printf("embedded %s, seed %d: a batch takes %d ms; killed %d ms into the next, answered 200: %s,"
                    + " items stored: %d%n", embedded, seed, batchMillis, killAfterMillis, answered, stored);
            assertThat(stored).as("items stored after kill -9 at %d ms (seed %d)", killAfterMillis, seed)
                    .isIn(0, BATCH_EMPLOYEES * BATCH_DAYS);
            if (answered) {
                assertThat(stored).as("an acknowledged batch").isEqualTo(BATCH_EMPLOYEES * BATCH_DAYS);
            }

            stopUnderWrites(jar, bearer, embedded, environment);
        } finally {
            jar.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            // a failed run must not leave running the embedded servers of a JVM it killed
            stopProcessNamedIn(directory.resolve("data").resolve("postgres").resolve("postmaster.pid"), "postgres");
            stopProcessNamedIn(directory.resolve("data").resolve("redis").resolve("redis.pid"), "redis-server");
        }
    }

    private static void stopProcessNamedIn(Path pidFile, String program) throws IOException {
        if (Files.exists(pidFile)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                    .filter(process -> process.info().command().orElse("").contains(program))
                    .ifPresent(ProcessHandle::destroy);
        }
    }

    /** SIGTERM while writers keep writing: readiness first, then the drain, and every 2xx stored. */
    private void stopUnderWrites(RunningJar jar, String bearer, boolean embedded, Map<String, String> environment)
            throws Exception {
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Set<Integer> otherStatuses = ConcurrentHashMap.newKeySet();
        AtomicLong notReadyAt = new AtomicLong();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            String employee = employeeId(writer);
            clients.add(CompletableFuture.runAsync(() -> {
                for (int day = 0; day < 300; day++) {
                    String date = FIRST_WRITTEN_DAY.plusDays(day).toString();
                    try {
                        int status = put(jar, bearer, "/api/v2/employees/" + employee + "/attendance/" + date,
                                "{\"status\":\"Present\"}").statusCode();
                        if (status / 100 == 2) {
                            acknowledged.put(employee + " " + date, System.nanoTime());
                        } else {
                            otherStatuses.add(status);
                        }
                    } catch (IOException stopped) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        clients.add(CompletableFuture.runAsync(() -> {
            while (notReadyAt.get() == 0) {
                try {
                    if (send(HttpRequest.newBuilder(jar.uri("/health/ready"))).statusCode() == 503) {
                        notReadyAt.set(System.nanoTime());
                    }
                    Thread.sleep(50);
                } catch (IOException | InterruptedException stopped) {
                    return;
                }
            }
        }));
        Thread.sleep(1_000);

        long sigterm = System.nanoTime();
        jar.process.destroy();
        boolean exited = jar.process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS);
        Duration tookToExit = Duration.ofNanos(System.nanoTime() - sigterm);
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        System.out.printf("embedded %s: SIGTERM under %d writers: not ready after %d ms, %d writes acknowledged after that,"
                        + " exit after %d ms; %d writes acknowledged in all%n", embedded, WRITERS,
                TimeUnit.NANOSECONDS.toMillis(notReadyAt.get() - sigterm),
                acknowledged.values().stream().filter(at -> at > notReadyAt.get()).count(), tookToExit.toMillis(),
                acknowledged.size());

        assertThat(exited).as("exited within %s of SIGTERM", EXIT_WITHIN).isTrue();
        jar.assertStoppedCleanly();
        assertThat(otherStatuses).as("answers other than 2xx").isEmpty();
        assertThat(notReadyAt.get()).as("readiness answered 503").isPositive();
        assertThat(acknowledged.values()).as("writes served while readiness said 503")
                .anyMatch(at -> at > notReadyAt.get());
        String log = Files.readString(jar.log);
        assertThat(log.indexOf("Attendance API draining")).as("drained before the listener closed")
                .isNotNegative().isLessThan(log.indexOf("HTTP server stopped"));
        if (embedded) {
            assertThat(log.indexOf("HTTP server stopped")).as("HTTP drained before the embedded PostgreSQL stopped")
                    .isLessThan(log.indexOf("embedded PostgreSQL of"));
        }

        Set<String> stored = new HashSet<>();
        withDatabase(embedded, environment, connection -> {
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT employee_id, work_date FROM attendance_records"
                        + " WHERE work_date >= DATE '" + FIRST_WRITTEN_DAY + "'")) {
                    while (rows.next()) {
                        stored.add(rows.getString(1) + " " + rows.getDate(2).toLocalDate());
                    }
                }
                try (ResultSet orphans = statement.executeQuery("""
                        SELECT (SELECT count(*) FROM attendance_records r WHERE NOT EXISTS (SELECT 1 FROM audit_events a
                                  WHERE a.employee_id = r.employee_id AND a.work_date = r.work_date)),
                               (SELECT count(*) FROM audit_events a WHERE NOT EXISTS (SELECT 1 FROM attendance_records r
                                  WHERE a.employee_id = r.employee_id AND a.work_date = r.work_date))""")) {
                    orphans.next();
                    assertThat(orphans.getLong(1)).as("records without their audit event").isZero();
                    assertThat(orphans.getLong(2)).as("audit events without their record").isZero();
                }
            }
        });
        assertThat(stored).as("every write answered 2xx").containsAll(acknowledged.keySet());
    }

    /** The items of batch {@code number} the service now serves. */
    private static int storedOfBatch(RunningJar jar, String bearer, int number) throws Exception {
        LocalDate first = FIRST_BATCH_DAY.plusDays(number * (long) BATCH_DAYS);
        HttpResponse<String> page = send(HttpRequest.newBuilder(jar.uri("/api/v2/attendance?from=" + first
                + "&to=" + first.plusDays(BATCH_DAYS - 1) + "&limit=1000")).header("Authorization", bearer));
        assertThat(page.statusCode()).as("the restarted service answers: %s", page.body()).isEqualTo(200);
        return JSON.readTree(page.body()).get("items").size();
    }

    private static HttpRequest.Builder batchRequest(RunningJar jar, String bearer, int number) {
        return HttpRequest.newBuilder(jar.uri("/api/v2/attendance/batch"))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch(number)));
    }

    private static byte[] batch(int number) {
        StringBuilder json = new StringBuilder("[");
        LocalDate first = FIRST_BATCH_DAY.plusDays(number * (long) BATCH_DAYS);
        for (int employee = 0; employee < BATCH_EMPLOYEES; employee++) {
            for (int day = 0; day < BATCH_DAYS; day++) {
                json.append(json.length() == 1 ? "" : ",").append("{\"employeeId\":\"").append(employeeId(employee))
                        .append("\",\"date\":\"").append(first.plusDays(day)).append("\",\"status\":\"Present\"}");
            }
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String employeeId(int employee) {
        return String.format("K-%02d", employee);
    }

    private static HttpResponse<String> put(RunningJar jar, String bearer, String path, String json)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(jar.uri(path))
                .header("Content-Type", "application/json")
                .header("Authorization", bearer)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The service's database, once the service has stopped: in embedded mode its own server, started here. */
    private void withDatabase(boolean embedded, Map<String, String> environment, SqlWork work) throws SQLException {
        if (embedded) {
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory.resolve("data").resolve("postgres"));
                    Connection connection = new TestPostgres.TestDatabase(server.jdbcUrl(), server.user(), server.password())
                            .openConnection()) {
                work.run(connection);
            }
        } else {
            try (Connection connection = TestServers.openConnection(environment)) {
                work.run(connection);
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }
}
