package io.attendance.adapter.postgres;

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
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DayChanges} with group commit. Callers queue their change and wait; two committer threads
 * each take what is queued (up to {@link #MAX_GROUP} calls, one per employee, none of an employee
 * the other committer is writing) and write it in one transaction: one SELECT reads every day of
 * the group and locks its stored records, the plans run, one statement per kind of write carries
 * all the group's rows (inserts as unnested arrays, compare-and-set updates as one JDBC batch), one
 * COMMIT makes them durable together. So a group costs a handful of round trips and one WAL flush
 * however many calls it holds, and groups grow by themselves with the load: while one group
 * commits, the next one queues. A batch ({@link #applyAll}) is such a group of its own, written on
 * the caller's thread. The committers use plain JDBC: JDBI's per-statement work (binders resolved
 * by reflection, result iterators) was half of their CPU.
 *
 * <p>Each call still ends alone. A plan that refuses fails its own call before anything is written.
 * An insert or compare-and-set that finds another instance's row rolls the group back, and the
 * group runs again with every plan seeing that write; the same, after a short random pause, for a
 * transaction PostgreSQL aborted for losing to a concurrent one ({@link LostTransactions}). Any
 * other database error runs each call of the group in a transaction of its own, so only the call
 * that causes it fails. A call is answered only after its group has committed.
 *
 * <p>On a host's data source, a call on a thread whose connection comes in a transaction of the
 * host's (autocommit off, as a transaction manager hands out the thread's transaction connection) is
 * no group's: it is written on that connection, as a batch of one, inside a savepoint, and commits or
 * rolls back with the host's transaction. Its failure rolls back to the savepoint and leaves the
 * host's transaction usable; a transaction lost to a concurrent one is a
 * {@link io.attendance.domain.error.Conflict} at once, since the host's transaction lost with it.
 */
public final class PostgresDayChanges implements DayChanges, AutoCloseable {
    /** Calls written in one transaction at most: big enough to amortise, small enough to keep one group's latency low. */
    static final int MAX_GROUP = 128;
    /** Calls waiting at most; beyond them a call is refused at once rather than queued for long. */
    static final int MAX_WAITING = 4_096;
    /** Committers: one writes while another waits for its commit to be flushed. */
    static final int COMMITTERS = 2;
    private static final long WAIT_FOR_THE_OTHER_COMMITTER_MILLIS = 10;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PostgresDayChanges.class);
    private static final Comparator<AttendanceKey> BY_EMPLOYEE_THEN_DATE =
            Comparator.comparing(AttendanceKey::employeeId).thenComparing(AttendanceKey::date);

    /**
     * Every day of a group or batch, by position, with its employee and record when stored. The
     * stored records are locked in (employee, date) order as they are read (a lock that waited reads
     * the row as its holder committed it): a compare-and-set then never loses to another instance,
     * so busy writers of one day cannot starve each other, and two transactions that overlap wait
     * for each other in one order instead of deadlocking.
     */
    private static final String READ_DAYS = """
            WITH k AS (
                   SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS date[]))
                          WITH ORDINALITY AS days(employee_id, work_date, position)),
                 r AS (
                   SELECT r.*
                     FROM <attendance_records> r
                     JOIN k ON r.employee_id = k.employee_id COLLATE "C" AND r.work_date = k.work_date
                    ORDER BY r.employee_id, r.work_date
                      FOR UPDATE OF r)
            SELECT k.position, %s, %s
              FROM k
              LEFT JOIN <employees> e ON e.employee_id = k.employee_id COLLATE "C"
              LEFT JOIN r ON r.employee_id = k.employee_id COLLATE "C" AND r.work_date = k.work_date
            """.formatted(EmployeeRow.columns("e", "e_"), PostgresAttendanceRecords.RECORD_COLUMNS);

    private final DataSource dataSource;
    /** Whether a connection may come in a transaction of the host's: never from the adapter's own pool. */
    private final boolean joinsHostTransactions;
    private final DatabaseSchema schema;
    private final String readDays;
    private final LinkedBlockingDeque<Pending> queue = new LinkedBlockingDeque<>();
    private final Semaphore places = new Semaphore(MAX_WAITING);
    private final List<Thread> committers = new ArrayList<>();
    /** The employees of the groups being committed now. */
    private final Set<EmployeeId> committing = new HashSet<>();
    private final DistributionSummary groupSizes;
    private volatile boolean closed;

    PostgresDayChanges(DataSource dataSource, boolean joinsHostTransactions, DatabaseSchema schema, int committers,
            MeterRegistry registry) {
        if (committers < 1) {
            throw new IllegalArgumentException("at least one committer is needed, was " + committers);
        }
        this.dataSource = dataSource;
        this.joinsHostTransactions = joinsHostTransactions;
        this.schema = schema;
        this.readDays = schema.qualify(READ_DAYS);
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
        if (joinsHostTransactions && inHostTransaction()) {
            return applyAll(List.of(day), stored -> List.of(plan.apply(stored.get(0)))).get(0);
        }
        if (closed || !places.tryAcquire()) {
            throw new Unavailable(closed ? "day changes are closed" : "too many writes are waiting", null);
        }
        Pending pending = new Pending(day, plan);
        pending.answer.whenComplete((change, failure) -> places.release());
        queue.addLast(pending);
        return pending.awaitAnswer();
    }

    /**
     * Refuses new calls, commits the ones queued, and stops the committers; a call that slipped in
     * as they stopped is answered {@link Unavailable}, never left waiting.
     */
    @Override
    public void close() {
        closed = true;
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        for (Thread committer : committers) {
            try {
                committer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Pending late;
        while ((late = queue.pollFirst()) != null) {
            late.fail(new Unavailable("day changes are closed", null));
        }
    }

    /**
     * Whether the connection the host's source hands this thread is in a transaction: one connection
     * taken and given back, no round trip (the driver knows its autocommit).
     */
    private boolean inHostTransaction() {
        try (Connection connection = dataSource.getConnection()) {
            return !connection.getAutoCommit();
        } catch (SQLException failure) {
            throw DatabaseFailures.translate(new IllegalStateException(failure.getMessage(), failure));
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
            List<Pending> group;
            try {
                group = nextGroup(first);
            } catch (InterruptedException interrupted) {
                return;
            }
            if (group.isEmpty()) {
                continue;
            }
            groupSizes.record(group.size());
            try {
                commit(group);
            } catch (Throwable unexpected) {
                // a committer never dies: whatever went wrong fails this group's calls, not the next
                LOG.error("a group of {} day changes failed unexpectedly", group.size(), unexpected);
                group.forEach(pending -> pending.fail(unexpected));
            } finally {
                finished(group);
            }
        }
    }

    /**
     * {@code first} and what is queued behind it, one call per employee, and none of an employee the
     * other committer is writing: the committers never race each other, and no two rows of a group
     * collide. The others go back to the front of the queue, in their order, for a next group. Empty
     * when every call waits for the other committer, after waiting a little for it to finish.
     */
    private synchronized List<Pending> nextGroup(Pending first) throws InterruptedException {
        List<Pending> group = new ArrayList<>();
        Set<EmployeeId> employees = new HashSet<>(committing);
        List<Pending> deferred = new ArrayList<>();
        Pending next = first;
        do {
            (employees.add(next.day.employeeId()) ? group : deferred).add(next);
        } while (group.size() < MAX_GROUP && (next = queue.pollFirst()) != null);
        for (int i = deferred.size() - 1; i >= 0; i--) {
            queue.addFirst(deferred.get(i));
        }
        if (group.isEmpty()) {
            wait(WAIT_FOR_THE_OTHER_COMMITTER_MILLIS);
        }
        group.forEach(pending -> committing.add(pending.day.employeeId()));
        return group;
    }

    private synchronized void finished(List<Pending> group) {
        group.forEach(pending -> committing.remove(pending.day.employeeId()));
        notifyAll();
    }

    private void commit(List<Pending> group) {
        List<Pending> remaining = new ArrayList<>(group);
        int lost = 0;
        while (!remaining.isEmpty()) {
            List<Pending> raced;
            try {
                raced = attempt(remaining);
            } catch (RuntimeException failure) {
                remaining.removeIf(Pending::isAnswered);
                if (LostTransactions.isLost(failure)) {
                    LostTransactions.pauseAfter(++lost);
                    raced = remaining;
                } else if (remaining.size() > 1 && !DatabaseFailures.isUnreachable(failure)) {
                    remaining.forEach(pending -> commit(List.of(pending)));
                    return;
                } else {
                    RuntimeException translated = DatabaseFailures.translate(failure);
                    remaining.forEach(pending -> pending.fail(translated));
                    if (DatabaseFailures.isUnreachable(failure)) {
                        failQueued(translated);
                    }
                    return;
                }
            }
            for (Pending pending : raced) {
                if (++pending.attempts == LostTransactions.ATTEMPTS) {
                    pending.fail(LostTransactions.tooManyConcurrentChanges());
                }
            }
            remaining.removeIf(Pending::isAnswered);
        }
    }

    /**
     * Fails every call queued now: they would meet the server that just failed a group, and must not
     * wait for a committer to find that out group by group.
     */
    private void failQueued(RuntimeException failure) {
        Pending queued;
        while ((queued = queue.pollFirst()) != null) {
            queued.fail(failure);
        }
    }

    /**
     * Plans and writes {@code group} in one transaction. Every call is answered except those that
     * met a concurrent writer: then the transaction is rolled back, and those are returned.
     */
    private List<Pending> attempt(List<Pending> group) {
        List<AttendanceKey> days = group.stream().map(pending -> pending.day).toList();
        Attempt attempt = inTransaction(connection -> {
            List<Stored> stored = read(connection, days);
            List<Planned> planned = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                Pending pending = group.get(i);
                if (pending.isAnswered()) {
                    continue; // its plan refused in a transaction that is run again
                }
                try {
                    planned.add(Planned.of(i, pending.day, stored.get(i), pending.plan.apply(stored.get(i))));
                } catch (RuntimeException refusal) {
                    pending.fail(refusal);
                }
            }
            return new Attempt(planned, write(connection, planned));
        });
        if (attempt.raced().isEmpty()) {
            attempt.planned().forEach(written -> group.get(written.index()).succeed(written.change()));
            return List.of();
        }
        return attempt.raced().stream().map(written -> group.get(written.index())).toList();
    }

    /** A batch is a group of its own that commits or fails whole, written on the caller's thread. */
    @Override
    public List<Change> applyAll(List<AttendanceKey> days, Function<List<Stored>, List<Change>> plan) {
        if (new HashSet<>(days).size() != days.size()) {
            throw new IllegalArgumentException("a day repeats in " + days);
        }
        for (int attempts = 1; ; attempts++) {
            try {
                Attempt attempt = inTransaction(connection -> {
                    List<Stored> stored = read(connection, days);
                    List<Change> changes = plan.apply(stored);
                    if (changes.size() != days.size()) {
                        throw new IllegalArgumentException(changes.size() + " changes for " + days.size() + " days");
                    }
                    List<Planned> planned = new ArrayList<>();
                    for (int i = 0; i < days.size(); i++) {
                        planned.add(Planned.of(i, days.get(i), stored.get(i), changes.get(i)));
                    }
                    return new Attempt(planned, write(connection, planned));
                });
                if (attempt.raced().isEmpty()) {
                    return attempt.planned().stream().map(Planned::change).toList();
                }
            } catch (RuntimeException failure) {
                boolean runAgain = LostTransactions.isLost(failure) && attempts < LostTransactions.ATTEMPTS
                        && LostTransactions.pauseAfter(attempts);
                if (!runAgain) {
                    throw DatabaseFailures.translate(failure);
                }
            }
            if (attempts == LostTransactions.ATTEMPTS) {
                throw LostTransactions.tooManyConcurrentChanges();
            }
        }
    }

    /** What one transaction planned, and the changes that met a concurrent writer (then it was rolled back). */
    private record Attempt(List<Planned> planned, List<Planned> raced) {
    }

    @FunctionalInterface
    private interface Work {
        Attempt run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in a transaction of its own: committed unless a change met a concurrent
     * writer or it threw; a driver's exception comes out unchecked, with its message and cause. Run
     * once more when it met a read-only server: the pool has dropped that server's connections. On a
     * connection in the host's transaction, in a savepoint of it instead.
     */
    private Attempt inTransaction(Work work) {
        return DatabaseFailures.onceMoreIfReadOnly(() -> inOneTransaction(work));
    }

    private Attempt inOneTransaction(Work work) {
        try (Connection connection = dataSource.getConnection()) {
            if (joinsHostTransactions && !connection.getAutoCommit()) {
                return HostTransactionSavepoints.inSavepoint(connection, () -> work.run(connection),
                        attempt -> attempt.raced().isEmpty());
            }
            connection.setAutoCommit(false);
            try {
                Attempt attempt = work.run(connection);
                if (attempt.raced().isEmpty()) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return attempt;
            } catch (SQLException | RuntimeException failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            } finally {
                autoCommitAgain(connection);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
    }

    /**
     * A host's pool may hand the connection on as it is given back; no round trip once the transaction
     * has ended. A connection that cannot take it is broken, and its own failure is the one reported.
     */
    private static void autoCommitAgain(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException broken) {
            // the pool discards a broken connection
        }
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** What is stored of each day, in their order. */
    private List<Stored> read(Connection connection, List<AttendanceKey> days) throws SQLException {
        Stored[] stored = new Stored[days.size()];
        try (PreparedStatement select = withDays(connection, readDays, days)) {
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Optional<Employee> employee = rs.getString("e_employee_id") == null
                            ? Optional.empty()
                            : Optional.of(EmployeeRow.toDomain(EmployeeRow.read(rs, "e_")));
                    Optional<AttendanceRecord> record = AttendanceRow.readContent(rs, "").map(AttendanceRow::toDomain);
                    stored[rs.getInt("position") - 1] = new Stored(employee, record);
                }
            }
        }
        return Arrays.asList(stored);
    }

    /** {@code sql} prepared with the days' employee ids and dates as its two array parameters. */
    private static PreparedStatement withDays(Connection connection, String sql, List<AttendanceKey> days)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text",
                days.stream().map(day -> day.employeeId().value()).toArray()));
        statement.setArray(2, connection.createArrayOf("text",
                days.stream().map(day -> day.date().value().toString()).toArray()));
        return statement;
    }

    /**
     * Writes the planned changes, employees first (records need them), each kind in (employee, date)
     * order, so two transactions never lock rows in opposite orders; the changes that met a
     * concurrent writer.
     */
    private List<Planned> write(Connection connection, List<Planned> unordered) throws SQLException {
        List<Planned> planned = unordered.stream().sorted(Comparator.comparing(Planned::day, BY_EMPLOYEE_THEN_DATE))
                .toList();
        List<Planned> raced = new ArrayList<>();
        raced.addAll(insertAll(connection, planned, Planned::addsEmployee,
                written -> EmployeeRow.fromDomain(written.employee()).parameters(), asNamed(schema.table("employees")),
                List.of("employee_id")));
        raced.addAll(batch(connection, planned, Planned::replacesEmployee,
                written -> EmployeeRow.fromDomain(written.employee()).parameters()
                        .add("employee_id", written.employee().id().value(), String.class)
                        .add("version", written.stored.employee().orElseThrow().version(), Long.class),
                names -> replace(schema.table("employees"), names, "employee_id = ? AND version = ?")));
        if (!raced.isEmpty()) {
            return raced;
        }
        raced.addAll(insertAll(connection, planned, Planned::addsRecord,
                written -> AttendanceRow.parameters("", Optional.of(AttendanceRow.fromDomain(written.record()))),
                asNamed(schema.table("attendance_records")), List.of("employee_id", "work_date")));
        raced.addAll(batch(connection, planned, Planned::replacesRecord,
                written -> AttendanceRow.parameters("", Optional.of(AttendanceRow.fromDomain(written.record())))
                        .add("employee_id", written.record().employeeId().value(), String.class)
                        .add("work_date", written.record().date().value(), LocalDate.class)
                        .add("version", written.stored.record().orElseThrow().version(), Long.class),
                names -> replace(schema.table("attendance_records"), names, "employee_id = ? AND work_date = ? AND version = ?")));
        if (!raced.isEmpty()) {
            return raced;
        }
        insertAll(connection, planned, written -> written.change.employee().isPresent(),
                written -> EmployeeAuditEventRow.fromDomain(written.change.employee().orElseThrow().event()).parameters(),
                names -> "INSERT INTO " + schema.table("employee_audit_events") + " (" + EmployeeAuditEventRow.COLUMNS
                        + ") SELECT " + EmployeeAuditEventRow.values(""), List.of());
        insertAll(connection, planned, written -> written.change.record().isPresent(),
                written -> AuditEventRow.fromDomain(written.change.record().orElseThrow().event()).parameters(),
                names -> "INSERT INTO " + schema.table("audit_events") + " (" + AuditEventRow.COLUMNS + ") SELECT "
                        + AuditEventRow.values(""), List.of());
        return raced;
    }

    /**
     * Inserts a row for every planned change {@code which} selects, in one statement whatever their
     * number: each parameter's values go as one array, unnested into a column of the parameter's
     * name, from which {@code insert} (given those names) selects the row. With {@code key} columns,
     * a row whose key exists already is skipped (a concurrent writer got there first): the changes of
     * the rows the statement did not return are the ones returned here.
     */
    private static List<Planned> insertAll(Connection connection, List<Planned> planned, Predicate<Planned> which,
            Function<Planned, Parameters> parameters, Function<List<String>, String> insert, List<String> key)
            throws SQLException {
        List<Planned> selected = planned.stream().filter(which).toList();
        if (selected.isEmpty()) {
            return List.of();
        }
        List<Parameters> rows = selected.stream().map(parameters).toList();
        Parameters first = rows.get(0);
        List<String> columns = first.names();
        List<String> arrays = new ArrayList<>();
        for (int column = 0; column < columns.size(); column++) {
            arrays.add("CAST(? AS " + first.sqlType(column) + "[])");
        }
        String sql = insert.apply(columns) + " FROM unnest(" + String.join(", ", arrays) + ") AS p("
                + String.join(", ", columns) + ")" + (key.isEmpty() ? "" : " ON CONFLICT (" + String.join(", ", key)
                + ") DO NOTHING RETURNING " + key.stream().map(column -> column + "::text").collect(Collectors.joining(", ")));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < columns.size(); column++) {
                int index = column;
                statement.setArray(column + 1, connection.createArrayOf("text",
                        rows.stream().map(row -> row.text(index)).toArray()));
            }
            if (key.isEmpty()) {
                statement.executeUpdate();
                return List.of();
            }
            Set<List<String>> inserted = new HashSet<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    List<String> returned = new ArrayList<>();
                    for (int column = 1; column <= key.size(); column++) {
                        returned.add(rs.getString(column));
                    }
                    inserted.add(returned);
                }
            }
            List<Planned> raced = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                Parameters row = rows.get(i);
                if (!inserted.contains(key.stream().map(row::text).toList())) {
                    raced.add(selected.get(i));
                }
            }
            return raced;
        }
    }

    /** The head of {@link #insertAll}'s INSERT that fills every column of {@code table} with the parameter of its name. */
    private static Function<List<String>, String> asNamed(String table) {
        return names -> "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT *";
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
     * the changes whose statement changed no row (a concurrent writer got there first).
     */
    private static List<Planned> batch(Connection connection, List<Planned> planned, Predicate<Planned> which,
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
            List<Planned> raced = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    raced.add(selected.get(i));
                }
            }
            return raced;
        }
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

    /** The change a plan decided on what it read of the day, at {@code index} in its group or batch. */
    private record Planned(int index, AttendanceKey day, Stored stored, Change change) {
        /** @throws IllegalArgumentException when the change does not apply to the day as stored */
        static Planned of(int index, AttendanceKey day, Stored stored, Change change) {
            change.requireAppliesTo(day, stored);
            return new Planned(index, day, stored, change);
        }

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
