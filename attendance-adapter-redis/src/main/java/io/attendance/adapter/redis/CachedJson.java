package io.attendance.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.WorkDate;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The JSON of cached values. The domain carries no JSON annotations, so the adapter maps it to small
 * records of plain strings and numbers: instants as ISO-8601 text (nanosecond precision), dates as
 * YYYY-MM-DD, statuses by enum name. Reading goes back through the domain constructors, so a payload
 * that breaks a domain rule is rejected like any unreadable one.
 */
final class CachedJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One record with its employee, flattened: the employee id is the record's. */
    record Entry(String employeeId, String name, String date, String status, long version, String createdAt,
                 String updatedAt) {

        static Entry of(EmployeeAttendance attendance) {
            AttendanceRecord record = attendance.record();
            return new Entry(record.employeeId().value(), attendance.employee().name(), record.date().toString(),
                    record.status().name(), record.version(), record.createdAt().toString(),
                    record.updatedAt().toString());
        }

        EmployeeAttendance toDomain() {
            EmployeeId id = new EmployeeId(employeeId);
            return new EmployeeAttendance(new Employee(id, name), new AttendanceRecord(id,
                    new WorkDate(LocalDate.parse(date)), AttendanceStatus.valueOf(status), version,
                    Instant.parse(createdAt), Instant.parse(updatedAt)));
        }
    }

    /** The latest record of an employee; {@code entry} is null when the employee has none. */
    record Latest(Entry entry) {
    }

    /** Every record, in order. */
    record All(List<Entry> entries) {
    }

    private CachedJson() {
    }

    static String latest(Optional<EmployeeAttendance> latest) {
        return write(new Latest(latest.map(Entry::of).orElse(null)));
    }

    static Optional<EmployeeAttendance> readLatest(String json) {
        Latest latest = read(json, Latest.class);
        return Optional.ofNullable(latest.entry()).map(Entry::toDomain);
    }

    static String all(List<EmployeeAttendance> all) {
        return write(new All(all.stream().map(Entry::of).toList()));
    }

    static List<EmployeeAttendance> readAll(String json) {
        All all = read(json, All.class);
        if (all.entries() == null) {
            throw new IllegalArgumentException("a cached list has no entries field");
        }
        return all.entries().stream().map(Entry::toDomain).toList();
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException("a cached value is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
