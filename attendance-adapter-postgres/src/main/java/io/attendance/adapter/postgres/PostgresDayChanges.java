package io.attendance.adapter.postgres;

import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.Unavailable;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.port.DayChanges;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DayChanges} with group commit. Callers queue their change and wait; a few committer
 * threads each take what is queued (up to {@link #MAX_GROUP}, one call per employee) and write it
 * in one transaction: one SELECT reads every day of the group, the plans run, one batched
 * statement per kind of write sends all the group's rows in one round trip, one COMMIT makes them
 * durable together. The committers use plain JDBC: JDBI's per-statement work (binders resolved by
 * reflection, result iterators) was half of their CPU. So a group costs a handful of round trips and one WAL flush however many calls
 * it holds, and groups grow by themselves with the load: while one group commits, the next one
 * queues.
 *
 * <p>Each call still ends alone. A plan that refuses fails its own call before anything is written.
 * An insert or compare-and-set that finds a concurrent writer's row (another instance, another
 * group) rolls the group back, and the group runs again with every plan seeing that write; the
 * same for a deadlock or serialization failure. Any other database error runs each call of the
 * group in a transaction of its own, so only the call that causes it fails. A call is answered only
 * after its group has committed.
 */
public final class PostgresDayChanges implements DayChanges, AutoCloseable {
    /** Calls written in one transaction at most: big enough to amortise, small enough to keep one group's latency low. */
    static final int MAX_GROUP = 128;
    /** Calls waiting at most; beyond them a call is refused at once rather than queued for long. */
    static final int MAX_WAITING = 4_096;
    /** Committers: one writes while another waits for its commit to be flushed. */
    static final int COMMITTERS = 2;
    private static final int ATTEMPTS = 5;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDayChanges.class);

    /** Every (employee, day) of the group, by position, with its employee and record when stored. */
    private static final String READ_DAYS = """
            SELECT k.position, %s, %s
              FROM unnest(CAST(? AS text[]), CAST(? AS date[]))
                   WITH ORDINALITY AS k(employee_id, work_date, position)
              LEFT JOIN employees e ON e.employee_id = k.employee_id COLLATE "C"
              LEFT JOIN attendance_records r ON r.employee_id = k.employee_id COLLATE "C" AND r.work_date = k.work_date
            """.formatted(EmployeeRow.columns("e", "e_"), PostgresAttendanceRecords.RECORD_COLUMNS);

    private final DataSource dataSource;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Semaphore places = new Semaphore(MAX_WAITING);
    private final List<Thread> committers = new ArrayList<>();
    private final DistributionSummary groupSizes;
    private volatile boolean closed;

    PostgresDayChanges(DataSource dataSource, int committers, MeterRegistry registry) {
        if (committers < 1) {
            throw new IllegalArgumentException("at least one committer is needed, was " + committers);
        }
        this.dataSource = dataSource;
        this.groupSizes = DistributionSummary.builder("db.write.group.size")
                .description("Day changes committed together in one transaction")
                .register(registry);
        Gauge.builder("db.write.queued", queue, Collection::size)
                .description("Day changes waiting for a committer")
                .register(registry);
        for (int i = 1; i <= committers; i++) {
            Thread committer = new Thread(this::commitGroups, "day-changes-committer-" + i);
            committer.setDaemon(true);
            committer.start();
            this.committers.add(committer);
        }
    }

    /** @throws Unavailable when too many calls are waiting, or this is closed */
    @Override
    public Change apply(AttendanceKey day, Function<Stored, Change> plan) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(plan, "plan");
        if (closed || !places.tryAcquire()) {
            throw new Unavailable(closed ? "day changes are closed" : "too many writes are waiting", null);
        }
        Pending pending = new Pending(day, plan);
        pending.answer.whenComplete((change, failure) -> places.release());
        queue.addLast(pending);
        return pending.awaitAnswer();
    }

    /** Refuses new calls, commits the ones queued, and stops the committers. */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread committer : committers) {
            try {
                committer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- the committers

    private void commitGroups() {
        while (true) {
            Pending first;
            try {
                first = queue.pollFirst(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                return;
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            List<Pending> group = nextGroup(first);
            groupSizes.record(group.size());
            try {
                commit(group);
            } catch (Throwable unexpected) {
                // a committer never dies: whatever went wrong fails this group's calls, not the next
                LOG.error("a group of {} day changes failed unexpectedly", group.size(), unexpected);
                group.forEach(pending -> pending.fail(unexpected));
            }
        }
    }

    /**
     * {@code first} and what is queued behind it, one call per employee (so no two rows of a group
     * collide); the others go back to the front of the queue, in their order, for the next group.
     */
    private List<Pending> nextGroup(Pending first) {
        List<Pending> group = new ArrayList<>();
        group.add(first);
        Set<EmployeeId> employees = new HashSet<>();
        employees.add(first.day.employeeId());
        List<Pending> deferred = new ArrayList<>();
        Pending next;
        while (group.size() < MAX_GROUP && (next = queue.pollFirst()) != null) {
            (employees.add(next.day.employeeId()) ? group : deferred).add(next);
        }
        for (int i = deferred.size() - 1; i >= 0; i--) {
            queue.addFirst(deferred.get(i));
        }
        // rows locked in one order by every group: two groups never deadlock on each other
        group.sort(Comparator.comparing((Pending pending) -> pending.day.employeeId())
                .thenComparing(pending -> pending.day.date()));
        return group;
    }

    private void commit(List<Pending> group) {
        List<Pending> remaining = new ArrayList<>(group);
        while (!remaining.isEmpty()) {
            List<Pending> raced;
            try {
                raced = attempt(remaining);
            } catch (RuntimeException failure) {
                remaining.removeIf(Pending::isAnswered);
                if (isRetryable(failure)) {
                    raced = remaining;
                } else if (remaining.size() > 1 && !DatabaseFailures.isUnreachable(failure)) {
                    remaining.forEach(pending -> commit(List.of(pending)));
                    return;
                } else {
                    RuntimeException translated = DatabaseFailures.translate(failure);
                    remaining.forEach(pending -> pending.fail(translated));
                    return;
                }
            }
            for (Pending pending : raced) {
                if (++pending.attempts == ATTEMPTS) {
                    pending.fail(new Conflict("too many concurrent changes to the same data; try again"));
                }
            }
            remaining.removeIf(Pending::isAnswered);
        }
    }

    /**
     * Plans and writes {@code group} in one transaction. Every call is answered except those that
     * met a concurrent writer: then the transaction is rolled back, and those are returned.
     */
    private List<Pending> attempt(List<Pending> group) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Map<AttendanceKey, Stored> stored = read(connection, group);
                List<Planned> planned = new ArrayList<>();
                for (Pending pending : group) {
                    Stored day = stored.get(pending.day);
                    try {
                        Change change = pending.plan.apply(day);
                        change.requireAppliesTo(pending.day, day);
                        planned.add(new Planned(pending, day, change));
                    } catch (RuntimeException refusal) {
                        pending.fail(refusal);
                    }
                }
                List<Pending> raced = write(connection, planned);
                if (!raced.isEmpty()) {
                    connection.rollback();
                    return raced;
                }
                connection.commit();
                planned.forEach(written -> written.pending.succeed(written.change));
                return List.of();
            } catch (SQLException | RuntimeException failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static Map<AttendanceKey, Stored> read(Connection connection, List<Pending> group) throws SQLException {
        Object[] employeeIds = group.stream().map(pending -> pending.day.employeeId().value()).toArray();
        Object[] dates = group.stream().map(pending -> pending.day.date().value().toString()).toArray();
        Map<AttendanceKey, Stored> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(READ_DAYS)) {
            select.setArray(1, connection.createArrayOf("text", employeeIds));
            select.setArray(2, connection.createArrayOf("text", dates));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Optional<Employee> employee = rs.getString("e_employee_id") == null
                            ? Optional.empty()
                            : Optional.of(EmployeeRow.toDomain(EmployeeRow.read(rs, "e_")));
                    Optional<AttendanceRecord> record = AttendanceRow.readContent(rs, "").map(AttendanceRow::toDomain);
                    stored.put(group.get(rs.getInt("position") - 1).day, new Stored(employee, record));
                }
            }
        }
        return stored;
    }

    /** Writes the planned changes, employees first (records need them); the calls that met a concurrent writer. */
    private static List<Pending> write(Connection connection, List<Planned> planned) throws SQLException {
        List<Pending> raced = new ArrayList<>();
        raced.addAll(batch(connection, planned, Planned::addsEmployee,
                written -> EmployeeRow.fromDomain(written.employee()).parameters(),
                names -> insert("employees", names, "ON CONFLICT (employee_id) DO NOTHING")));
        raced.addAll(batch(connection, planned, Planned::replacesEmployee,
                written -> EmployeeRow.fromDomain(written.employee()).parameters()
                        .add("employee_id", written.employee().id().value(), String.class)
                        .add("version", written.stored.employee().orElseThrow().version(), Long.class),
                names -> replace("employees", names, "employee_id = ? AND version = ?")));
        if (!raced.isEmpty()) {
            return raced;
        }
        raced.addAll(batch(connection, planned, Planned::addsRecord,
                written -> AttendanceRow.parameters("", Optional.of(AttendanceRow.fromDomain(written.record()))),
                names -> insert("attendance_records", names, "ON CONFLICT (employee_id, work_date) DO NOTHING")));
        raced.addAll(batch(connection, planned, Planned::replacesRecord,
                written -> AttendanceRow.parameters("", Optional.of(AttendanceRow.fromDomain(written.record())))
                        .add("employee_id", written.record().employeeId().value(), String.class)
                        .add("work_date", written.record().date().value(), LocalDate.class)
                        .add("version", written.stored.record().orElseThrow().version(), Long.class),
                names -> replace("attendance_records", names, "employee_id = ? AND work_date = ? AND version = ?")));
        if (!raced.isEmpty()) {
            return raced;
        }
        batch(connection, planned, written -> written.change.employee().isPresent(),
                written -> EmployeeAuditEventRow.fromDomain(written.change.employee().orElseThrow().event()).parameters(),
                names -> insert("employee_audit_events", names, ""));
        batch(connection, planned, written -> written.change.record().isPresent(),
                written -> AuditEventRow.fromDomain(written.change.record().orElseThrow().event()).parameters(),
                names -> insert("audit_events", names, ""));
        return raced;
    }

    private static String insert(String table, List<String> columns, String onConflict) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") " + onConflict;
    }

    /** An UPDATE of every column but the last {@code where}'s parameters, which the WHERE clause takes. */
    private static String replace(String table, List<String> names, String where) {
        int whereParameters = (int) where.chars().filter(c -> c == '?').count();
        List<String> columns = names.subList(0, names.size() - whereParameters);
        return "UPDATE " + table + " SET (" + String.join(", ", columns) + ") = ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ") WHERE " + where;
    }

    /**
     * Runs the statement once for every planned change {@code which} selects, all in one round trip,
     * with each one's {@code parameters} (in the statement's order: {@code sql} gets their names);
     * the calls whose statement changed no row (a concurrent writer got there first).
     */
    private static List<Pending> batch(Connection connection, List<Planned> planned, Predicate<Planned> which,
            Function<Planned, Parameters> parameters, Function<List<String>, String> sql) throws SQLException {
        List<Planned> selected = planned.stream().filter(which).toList();
        if (selected.isEmpty()) {
            return List.of();
        }
        List<Parameters> rows = selected.stream().map(parameters).toList();
        try (PreparedStatement statement = connection.prepareStatement(sql.apply(rows.get(0).names()))) {
            for (Parameters row : rows) {
                row.bindTo(statement, 1);
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            List<Pending> raced = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    raced.add(selected.get(i).pending);
                }
            }
            return raced;
        }
    }

    private static boolean isRetryable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- one call

    /** A queued call, answered once by a committer. */
    private static final class Pending {
        final AttendanceKey day;
        final Function<Stored, Change> plan;
        final CompletableFuture<Change> answer = new CompletableFuture<>();
        /** Times a concurrent writer made it run again; touched by its committer only. */
        int attempts;

        Pending(AttendanceKey day, Function<Stored, Change> plan) {
            this.day = day;
            this.plan = plan;
        }

        void succeed(Change change) {
            answer.complete(change);
        }

        void fail(Throwable failure) {
            answer.completeExceptionally(failure);
        }

        boolean isAnswered() {
            return answer.isDone();
        }

        /** Waits for the committer, and throws what failed this call as it was thrown. */
        Change awaitAnswer() {
            try {
                return answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            } catch (TimeoutException slow) {
                throw new Unavailable("the write was not committed within " + ANSWER_TIMEOUT, slow);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new Unavailable("interrupted while the write was committed", interrupted);
            }
        }
    }

    /** A call with what its plan decided on what it read. */
    private record Planned(Pending pending, Stored stored, Change change) {
        Employee employee() {
            return change.employee().orElseThrow().value();
        }

        AttendanceRecord record() {
            return change.record().orElseThrow().value();
        }

        boolean addsEmployee() {
            return change.employee().isPresent() && stored.employee().isEmpty();
        }

        boolean replacesEmployee() {
            return change.employee().isPresent() && stored.employee().isPresent();
        }

        boolean addsRecord() {
            return change.record().isPresent() && stored.record().isEmpty();
        }

        boolean replacesRecord() {
            return change.record().isPresent() && stored.record().isPresent();
        }
    }
}
