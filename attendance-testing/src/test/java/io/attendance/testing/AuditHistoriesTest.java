package io.attendance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.Sequenced;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.AuditTrail;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AuditHistoriesTest {
    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final Employee ADA = Employee.first(new EmployeeId("E-1"), EmployeeDetails.named("Ada", ZoneId.of("UTC")), NOW);

    /** A trail of every event ever appended, numbered from 1 in steps of 2 (numbers need only increase), read a page at a time. */
    private static final class PagedTrail implements AuditTrail {
        final List<Sequenced<AuditEvent>> records = new ArrayList<>();
        final List<Sequenced<EmployeeAuditEvent>> employees = new ArrayList<>();
        int pagesRead;

        @Override
        public void append(AuditEvent event) {
            records.add(new Sequenced<>(2L * (records.size() + employees.size()) + 1, event));
        }

        @Override
        public void append(EmployeeAuditEvent event) {
            employees.add(new Sequenced<>(2L * (records.size() + employees.size()) + 1, event));
        }

        @Override
        public List<Sequenced<EmployeeAuditEvent>> history(EmployeeId employeeId, OptionalLong after, int limit) {
            return page(employees.stream().filter(event -> event.event().employeeId().equals(employeeId)).toList(), after, limit);
        }

        @Override
        public List<Sequenced<AuditEvent>> history(EmployeeId employeeId, WorkDate date, OptionalLong after, int limit) {
            return page(records.stream().filter(event -> event.event().employeeId().equals(employeeId)
                    && event.event().date().equals(date)).toList(), after, limit);
        }

        private <E> List<Sequenced<E>> page(List<Sequenced<E>> events, OptionalLong after, int limit) {
            pagesRead++;
            return events.stream().filter(event -> event.sequence() > after.orElse(0)).limit(limit).toList();
        }
    }

    @Test
    void aRecordsWholeHistoryIsReadPageAfterPageOldestFirst() {
        PagedTrail trail = new PagedTrail();
        AttendanceRecord record = AttendanceRecord.first(ADA.id(), DAY, AttendanceStatus.PRESENT, NOW);
        trail.append(AuditEvent.created(record, "user:hr"));
        for (int i = 1; i < 2_500; i++) {
            AttendanceStatus status = i % 2 == 0 ? AttendanceStatus.PRESENT : AttendanceStatus.ABSENT;
            AttendanceRecord next = record.revised(DayEntry.statusOnly(status, RecordSource.API), NOW.plusSeconds(i)).orElseThrow();
            trail.append(AuditEvent.updated(record, next, "user:hr"));
            record = next;
        }
        trail.append(AuditEvent.created(AttendanceRecord.first(ADA.id(), WorkDate.of(2026, 11, 28), AttendanceStatus.PRESENT,
                NOW), "user:hr"));

        List<AuditEvent> history = AuditHistories.of(trail, ADA.id(), DAY);

        assertThat(history).hasSize(2_500).isEqualTo(trail.records.subList(0, 2_500).stream().map(Sequenced::event).toList());
        assertThat(history.get(2_499).after()).contains(record);
        assertThat(trail.pagesRead).isEqualTo(3);
    }

    @Test
    void anEmployeesWholeHistoryIsReadUntilAPageIsShort() {
        PagedTrail trail = new PagedTrail();
        trail.append(EmployeeAuditEvent.created(ADA, "user:hr"));
        Employee employee = ADA;
        for (int i = 1; i < 1_000; i++) {
            Employee next = employee.revised(EmployeeDetails.named("Ada " + i, ZoneId.of("UTC")), NOW.plusSeconds(i)).orElseThrow();
            trail.append(EmployeeAuditEvent.updated(employee, next, "user:hr"));
            employee = next;
        }

        List<EmployeeAuditEvent> history = AuditHistories.of(trail, ADA.id());

        assertThat(history).hasSize(1_000).isEqualTo(trail.employees.stream().map(Sequenced::event).toList());
        assertThat(trail.pagesRead).as("a full page, then an empty one").isEqualTo(2);
        assertThat(AuditHistories.of(new PagedTrail(), ADA.id())).isEmpty();
    }
}
