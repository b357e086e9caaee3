package io.attendance.adapter.postgres;

import io.attendance.domain.port.HealthProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * Whether PostgreSQL answers {@code SELECT 1} through the pool within a short timeout. The pool
 * itself would wait its whole connection timeout for a dead server, so the check runs on a helper
 * thread that is abandoned (and interrupted) when the answer is late.
 */
public final class PostgresHealthProbe implements HealthProbe {
    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "attendance-db-health");
        thread.setDaemon(true);
        return thread;
    });

    PostgresHealthProbe(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public boolean isUp() {
        Future<Boolean> answer;
        try {
            answer = checks.submit(this::selectOne);
        } catch (RejectedExecutionException closed) {
            return false;
        }
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException down) {
            answer.cancel(true);
            return false;
        }
    }

    void close() {
        checks.shutdownNow();
    }

    private boolean selectOne() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }
}
