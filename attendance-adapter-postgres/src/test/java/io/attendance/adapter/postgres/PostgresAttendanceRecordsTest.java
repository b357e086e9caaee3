package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import io.attendance.testing.RecordSeeding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The search's SQL against the domain's own definition ({@link AttendanceQuery#matches}) over many
 * records and filter combinations, whole and in pages; and callers' mistakes.
 */
class PostgresAttendanceRecordsTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final AttendanceStatus[] STATUSES = AttendanceStatus.values();

    @Test
    void theSearchAnswersEveryFilterAsTheDomainDefinesIt() {
        Data data = fourtyEmployeesOverTwoWeeks();
        Instant lateUpdates = TestData.NOW.plusSeconds(3600);
        List<AttendanceQuery> queries = List.of(
                query(WorkDate.of(2026, 3, 1), WorkDate.of(2026, 3, 31), null, null, null, null),
                query(WorkDate.of(2026, 3, 4), WorkDate.of(2026, 3, 9), null, null, null, null),
                query(WorkDate.of(2026, 3, 4), WorkDate.of(2026, 3, 4), null, null, null, null),
                query(WorkDate.of(2026, 3, 1), WorkDate.of(2026, 3, 31), new EmployeeId("E-07"), null, null, null),
                query(WorkDate.of(2026, 3, 1), WorkDate.of(2026, 3, 31), null, "Dept 2", null, null),
                query(WorkDate.of(2026, 3, 1), WorkDate.of(2026, 3, 31), null, null, AttendanceStatus.HALF_DAY, null),
                query(WorkDate.of(2026, 3, 1), WorkDate.of(2026, 3, 31), null, null, null, lateUpdates),
                query(WorkDate.of(2026, 3, 2), WorkDate.of(2026, 3, 12), new EmployeeId("E-12"), "Dept 0",
                        AttendanceStatus.PRESENT, TestData.NOW),
                query(WorkDate.of(2026, 3, 2), WorkDate.of(2026, 3, 12), null, "Dept 1",
                        AttendanceStatus.PRESENT, lateUpdates),
                query(WorkDate.of(2026, 3, 1), WorkDate.of(2026, 3, 31), null, "No such department", null, null),
                query(WorkDate.of(2027, 1, 1), WorkDate.of(2027, 12, 31), null, null, null, null));

        for (AttendanceQuery query : queries) {
            List<AttendanceRecord> expected = data.matching(query);
            assertThat(DATABASE.attendanceRecords().search(query, Optional.empty(), 1000)).as(query.canonical())
                    .containsExactlyElementsOf(expected);
            assertThat(walk(query, 7)).as("in pages of 7: " + query.canonical()).containsExactlyElementsOf(expected);
        }
        assertThat(data.matching(queries.get(6))).as("the late updates").isNotEmpty().hasSizeLessThan(100);
    }

    @Test
    void aCallersMistakesAreRefusedBeforeAnyStatementRuns() {
        Employee ada = addEmployee(TestData.employee("E-1", "Ada Lovelace"));
        AttendanceRecord first = RecordSeeding.written(DATABASE.database().dayChanges(),
                TestData.record(ada, DAY, AttendanceStatus.PRESENT));
        AttendanceQuery today = query(DAY, DAY, null, null, null, null);

        assertThatThrownBy(() -> DATABASE.attendanceRecords().search(today, Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DATABASE.attendanceRecords().search(today, Optional.empty(), 0)).isEmpty();
        assertThat(DATABASE.attendanceRecords().find(ada.id(), DAY)).contains(first);
    }

    private static List<AttendanceRecord> walk(AttendanceQuery query, int limit) {
        List<AttendanceRecord> walked = new ArrayList<>();
        Optional<AttendanceKey> after = Optional.empty();
        List<AttendanceRecord> page;
        do {
            page = DATABASE.attendanceRecords().search(query, after, limit);
            walked.addAll(page);
            after = page.isEmpty() ? after : Optional.of(page.get(page.size() - 1).key());
        } while (page.size() == limit);
        return walked;
    }

    /** Every record, with the employees, to tell which records a query should find. */
    private record Data(Map<EmployeeId, Employee> employees, List<AttendanceRecord> records) {
        List<AttendanceRecord> matching(AttendanceQuery query) {
            return records.stream()
                    .filter(record -> query.matches(record, employees.get(record.employeeId())))
                    .sorted(Comparator.comparing(AttendanceRecord::key))
                    .toList();
        }
    }

    /**
     * 40 employees in 3 departments (and some in none), each with a record most days of March 1-14,
     * the statuses varied, some revised an hour or more later.
     */
    private static Data fourtyEmployeesOverTwoWeeks() {
        Map<EmployeeId, Employee> employees = new HashMap<>();
        List<AttendanceRecord> all = new ArrayList<>();
        for (int e = 0; e < 40; e++) {
            String id = "E-%02d".formatted(e);
            Employee employee = e % 5 == 4 ? TestData.employee(id, "Employee " + e)
                    : TestData.employee(id, "Employee " + e, "Dept " + (e % 3), true);
            addEmployee(employee);
            employees.put(employee.id(), employee);
            for (int day = 1; day <= 14; day++) {
                if ((e + day) % 6 == 0) {
                    continue;
                }
                AttendanceRecord record = TestData.record(employee, WorkDate.of(2026, 3, day),
                        STATUSES[(e * day) % STATUSES.length]);
                RecordSeeding.written(DATABASE.database().dayChanges(), record);
                if ((e * 7 + day) % 11 == 0) {
                    record = RecordSeeding.written(DATABASE.database().dayChanges(), record.revised(
                            TestData.fullDay(record.date(), "revised"), TestData.NOW.plusSeconds(3600L + e * 60L + day))
                            .orElseThrow());
                }
                all.add(record);
            }
        }
        return new Data(employees, all);
    }

    private static Employee addEmployee(Employee employee) {
        DATABASE.employees().add(employee);
        return employee;
    }

    private static AttendanceQuery query(WorkDate from, WorkDate to, EmployeeId employeeId, String department,
            AttendanceStatus status, Instant updatedSince) {
        return new AttendanceQuery(from, to, Optional.ofNullable(employeeId), Optional.ofNullable(department),
                Optional.ofNullable(status), Optional.ofNullable(updatedSince));
    }
}
