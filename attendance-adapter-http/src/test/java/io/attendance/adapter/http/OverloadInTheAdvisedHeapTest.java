package io.attendance.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.port.AttendanceRecords;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * 300 connections hammering v2 reads and writes of a service that cannot keep up, in the heap the
 * README advises ({@code -Xmx256m}, a surefire execution of its own): the requests beyond the load
 * limits are answered 503 with {@code Retry-After}, nothing else goes wrong, what the heap holds
 * after collections stays far from full, and {@code /health/live} keeps answering 200 (never shed: {@link LoadSheddingTest} holds every
 * place to show that the probes take none; how fast they answer on this machine is printed, not
 * asserted). Over the in-memory ports, slowed down: what grows
 * with an overload is the HTTP server's (requests queued, their buffers and threads); what the
 * database adapter holds is bounded by its pool and group size whatever the load.
 */
class OverloadInTheAdvisedHeapTest {
    private static final int CONNECTIONS = 300;
    private static final int EMPLOYEES = 30;
    /**
     * The load lasts as long as this many probes, taken once every connection has had an answer: a
     * count, not a time window, which a busy machine could spend before the load or the probes began.
     */
    private static final int PROBES = 50;
    /** Each call to the records port takes this long: a database that is the bottleneck. */
    private static final long PORT_MILLIS = 5;
    private static final LoadLimits LIMITS = new LoadLimits(16, 64, Duration.ofMillis(500));

    @Test
    void threeHundredConnectionsOnV2ReadsAndWritesAreServedOrShedWithinTheHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(256L * 1024 * 1024);
        try (RunningApi server = RunningApi.start(RunningApi.SETTINGS.withLoadLimits(LIMITS),
                OverloadInTheAdvisedHeapTest::slowed)) {
            for (int employee = 0; employee < EMPLOYEES; employee++) {
                assertThat(server.putEmployee(id(employee), "Employee " + employee).status()).isEqualTo(201);
            }
            Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
            AtomicLong peakHeap = new AtomicLong();
            AtomicLong peakAfterCollections = new AtomicLong();
            AtomicLong slowestLive = new AtomicLong();
            AtomicBoolean loading = new AtomicBoolean(true);
            LongAdder answered = new LongAdder();
            ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS + 2);
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int connection = 0; connection < CONNECTIONS; connection++) {
                    int client = connection;
                    running.add(clients.submit(() -> {
                        for (int request = 0; loading.get(); request++) {
                            String employee = id((client + request) % EMPLOYEES);
                            String date = LocalDate.of(2026, 1, 1).plusDays(client % 200).toString();
                            RunningApi.Reply reply = request % 2 == 0
                                    ? server.get(RunningApi.record(employee, date))
                                    : server.putRecord(employee, date, "{\"status\":\"Present\"}");
                            statuses.computeIfAbsent(reply.status(), status -> new LongAdder()).increment();
                            answered.increment();
                            if (reply.status() == 503) {
                                assertThat(reply.header("Retry-After")).isEqualTo("1");
                                assertThat(reply.header(LoadShedding.RETRY_AFTER_MS)).isEqualTo("500");
                            }
                        }
                        return null;
                    }));
                }
                running.add(clients.submit(() -> {
                    while (loading.get()) {
                        Runtime runtime = Runtime.getRuntime();
                        peakHeap.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                        peakAfterCollections.accumulateAndGet(heapAfterTheLastCollection(), Math::max);
                        Thread.sleep(20);
                    }
                    return null;
                }));
                Future<?> prober = clients.submit(() -> {
                    awaitAnAnswerPerConnection(answered);
                    for (int probe = 0; probe < PROBES; probe++) {
                        long started = System.nanoTime();
                        assertThat(liveStatusLine(server)).startsWith("HTTP/1.1 200 ");
                        slowestLive.accumulateAndGet(System.nanoTime() - started, Math::max);
                        Thread.sleep(100);
                    }
                    return null;
                });
                try {
                    prober.get();
                } finally {
                    loading.set(false);
                }
                for (Future<?> client : running) {
                    client.get();
                }
            } finally {
                clients.shutdownNow();
            }
            System.out.printf("%d connections, %d probes: statuses %s, heap peak %d MiB (%d MiB after collections) of %d MiB,"
                    + " slowest /health/live %d ms%n", CONNECTIONS, PROBES, statuses, peakHeap.get() >> 20,
                    peakAfterCollections.get() >> 20, Runtime.getRuntime().maxMemory() >> 20,
                    Duration.ofNanos(slowestLive.get()).toMillis());

            assertThat(statuses.keySet()).as("only answers a caller can act on").isSubsetOf(200, 201, 404, 503);
            assertThat(statuses).as("shed the load beyond the limits").containsKey(503);
            assertThat(statuses.getOrDefault(200, new LongAdder()).sum() + statuses.getOrDefault(201, new LongAdder()).sum())
                    .as("served what it could").isPositive();
            // what the load holds, not the garbage awaiting a collection, whose peak follows how the collector sizes
            // its young generation by the pauses it measures, and so how busy the machine is
            assertThat(peakAfterCollections.get()).as("heap held after collections at its peak")
                    .isLessThan(Runtime.getRuntime().maxMemory() / 2);
        }
    }

    /** What the heap's pools held right after the collection that last went through them. */
    private static long heapAfterTheLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
                .mapToLong(pool -> pool.getCollectionUsage().getUsed())
                .sum();
    }

    /** Until the load has built up; a deadline of 30 s in steps, for a server that answers nothing. */
    private static void awaitAnAnswerPerConnection(LongAdder answered) throws InterruptedException {
        for (int step = 0; step < 3_000 && answered.sum() < CONNECTIONS; step++) {
            Thread.sleep(10);
        }
        assertThat(answered.sum()).as("answers before the probes").isGreaterThanOrEqualTo(CONNECTIONS);
    }

    /**
     * On a connection of its own, as a platform's probe comes: the test's client, busy with 300
     * connections, must not be what is measured.
     */
    private static String liveStatusLine(RunningApi server) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + OperationsEndpoints.LIVE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String id(int employee) {
        return String.format("H-%03d", employee);
    }

    /** Every call to the records port takes {@link #PORT_MILLIS} more. */
    private static AttendanceRecords slowed(AttendanceRecords records) {
        return (AttendanceRecords) Proxy.newProxyInstance(AttendanceRecords.class.getClassLoader(),
                new Class<?>[] {AttendanceRecords.class}, (proxy, method, arguments) -> {
                    Thread.sleep(PORT_MILLIS);
                    try {
                        return method.invoke(records, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
