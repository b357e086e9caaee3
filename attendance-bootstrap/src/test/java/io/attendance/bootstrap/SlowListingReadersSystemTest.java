package io.attendance.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that start reading the full listing and then stop: the listing is far longer than the
 * cache limit (so it is read from PostgreSQL every time), than one chunk, and than the socket
 * buffers, so the server sits blocked writing to each of them. They must hold no pool connection
 * while it does: with more such clients than connections, other requests still answer at once.
 */
class SlowListingReadersSystemTest {
    private static final int POOL = 3;
    private static final int SLOW_READERS = POOL + 2;
    private static final int EMPLOYEES = 2_000;
    private static final int DAYS = 100;
    /**
     * A request that queued for a connection would be a 503 after this wait, as the slow readers never
     * give back what they hold while their sockets stay unread: a 200 did not queue, however long it took.
     */
    private static final String POOL_WAIT = "1s";

    @Test
    void readersThatStopReadingTheFullListingLeaveThePoolToEveryoneElse() throws Exception {
        Map<String, String> settings = new HashMap<>(TestServers.freshEnvironment());
        settings.put("ATTENDANCE_DB_POOL_SIZE", String.valueOf(POOL));
        settings.put("ATTENDANCE_DB_CONNECTION_TIMEOUT", POOL_WAIT);
        settings.put("ATTENDANCE_CACHE_MAX_LIST_SIZE", "10");
        settings.put("ATTENDANCE_V1_AUTH", "false");
        try (RunningService service = RunningService.start(settings)) {
            manyRecords(settings);
            List<Socket> slowReaders = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_READERS; i++) {
                    slowReaders.add(startReadingTheListingThenStop(service.port()));
                }

                HttpResponse<String> record = service.get("/api/v2/employees/E-00001/attendance/2026-01-01");
                HttpResponse<String> ready = service.anonymous().get("/health/ready");

                assertThat(record.statusCode()).as("served, not refused after waiting for the pool").isEqualTo(200);
                assertThat(record.body()).contains("\"employeeId\":\"E-00001\"");
                assertThat(ready.statusCode()).isEqualTo(200);
            } finally {
                for (Socket reader : slowReaders) {
                    reader.close();
                }
            }
        }
    }

    /** 200,000 records, about 15 MB of listing: more than any socket buffer holds. */
    private static void manyRecords(Map<String, String> settings) throws SQLException {
        try (Connection connection = TestServers.openConnection(settings);
                Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO employees (employee_id, name, name_lower, created_at, updated_at)
                    SELECT 'E-' || lpad(i::text, 5, '0'), 'Employee ' || i, 'employee ' || i, now(), now()
                      FROM generate_series(1, %d) AS i
                    """.formatted(EMPLOYEES));
            statement.execute("""
                    INSERT INTO attendance_records (employee_id, work_date, status, version, created_at, updated_at)
                    SELECT e.employee_id, DATE '2026-01-01' + d, 'PRESENT', 1, now(), now()
                      FROM employees e CROSS JOIN generate_series(0, %d) AS d
                    """.formatted(DAYS - 1));
        }
    }

    /**
     * Asks for the listing with a small receive buffer, reads its first bytes (or waits a while for
     * them), then reads nothing more while the socket stays open.
     */
    private static Socket startReadingTheListingThenStop(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4 * 1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/attendance/search/all HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        try {
            in.readNBytes(64);
        } catch (SocketTimeoutException stillWaiting) {
            // a reader the server has not answered yet is a slow reader too
        }
        return socket;
    }
}
