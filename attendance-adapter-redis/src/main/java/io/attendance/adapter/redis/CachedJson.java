package io.attendance.adapter.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CachedValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON of cached values. The domain carries no JSON annotations, so the adapter maps each element
 * type to a small record of plain strings, numbers and booleans: instants as ISO-8601 text (to the
 * nanosecond), dates as YYYY-MM-DD, zones by their id, enums by name, an absent optional as
 * {@code null}. Every field is always written and must be present when read. An optional answer is
 * {@code {"value": ...|null}}, a list {@code {"values": [...]}}. Reading goes back through the domain
 * constructors, so a payload that breaks a domain rule is rejected like any unreadable one.
 */
final class CachedJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Every element type a cached value can be made of, with the record that carries it in JSON. */
    private static final Map<Class<?>, Mapping<?, ?>> MAPPINGS = Map.of(
            EmployeeAttendance.class, new Mapping<>(AttendanceJson.class, AttendanceJson::of, AttendanceJson::toDomain),
            Employee.class, new Mapping<>(EmployeeJson.class, EmployeeJson::of, EmployeeJson::toDomain),
            AttendanceRecord.class, new Mapping<>(RecordJson.class, RecordJson::of, RecordJson::toDomain));

    /**
     * A fingerprint of the JSON records' shapes (their names, members and member types), part of
     * every entry's key: a release that adds, removes or retypes a member reads none of the values
     * another release sharing the Redis wrote, with no version number to remember to move.
     */
    static final String SHAPE = shapeOf(Arrays.stream(CachedJson.class.getDeclaredClasses())
            .filter(Class::isRecord).toList());

    /** Eight characters that change with any of {@code records}' names, members or member types. */
    static String shapeOf(List<Class<?>> records) {
        String shapes = records.stream()
                .map(type -> type.getSimpleName() + Arrays.stream(type.getRecordComponents())
                        .map(member -> member.getName() + ":" + member.getGenericType().getTypeName())
                        .collect(Collectors.joining(",", "(", ")")))
                .sorted()
                .collect(Collectors.joining(";"));
        return KeySpace.digest(shapes).substring(0, 8);
    }

    /** How one kind of value is written to and read from its stored bytes; both throw on a value they cannot handle. */
    record Codec<T>(Function<T, byte[]> write, Function<byte[], T> read) {
        /** A value that is bytes already, stored as it is. */
        static final Codec<byte[]> BYTES = new Codec<>(Function.identity(), Function.identity());
    }

    /**
     * How values of that shape are stored.
     *
     * @throws IllegalArgumentException when an element type has no JSON mapping here
     */
    @SuppressWarnings("unchecked")
    static <V> Codec<V> of(CachedValue<V> shape) {
        // each branch builds the codec of the very type the shape stands for
        if (shape instanceof CachedValue.OptionalOf<?> optional) {
            return (Codec<V>) mapping(optional.element()).optional();
        }
        if (shape instanceof CachedValue.ListOf<?> list) {
            return (Codec<V>) mapping(list.element()).list();
        }
        if (shape instanceof CachedValue.Rendered) {
            return (Codec<V>) Codec.BYTES;
        }
        throw new IllegalArgumentException("no codec for cached values shaped " + shape);
    }

    private static Mapping<?, ?> mapping(Class<?> element) {
        Mapping<?, ?> mapping = MAPPINGS.get(element);
        if (mapping == null) {
            throw new IllegalArgumentException(
                    "no JSON mapping for cached " + element.getName() + ": add one to CachedJson");
        }
        return mapping;
    }

    record EmployeeJson(String id, String name, String department, String timezone, boolean active, long version,
                        String createdAt, String updatedAt) {

        static EmployeeJson of(Employee employee) {
            return new EmployeeJson(employee.id().value(), employee.name(), employee.department().orElse(null),
                    employee.timezone().getId(), employee.active(), employee.version(),
                    employee.createdAt().toString(), employee.updatedAt().toString());
        }

        Employee toDomain() {
            return new Employee(new EmployeeId(id),
                    new EmployeeDetails(name, Optional.ofNullable(department), ZoneId.of(timezone), active),
                    version, IsoText.instant(createdAt), IsoText.instant(updatedAt));
        }
    }

    record RecordJson(String employeeId, String date, String status, String checkIn, String checkOut, String note,
                      String source, long version, String createdAt, String updatedAt) {

        static RecordJson of(AttendanceRecord record) {
            DayEntry entry = record.entry();
            return new RecordJson(record.employeeId().value(), record.date().toString(), entry.status().name(),
                    entry.checkIn().map(Instant::toString).orElse(null),
                    entry.checkOut().map(Instant::toString).orElse(null), entry.note().orElse(null),
                    entry.source().name(), record.version(), record.createdAt().toString(),
                    record.updatedAt().toString());
        }

        AttendanceRecord toDomain() {
            DayEntry entry = DayEntry.of(AttendanceStatus.valueOf(status), RecordSource.valueOf(source))
                    .checkIn(Optional.ofNullable(checkIn).map(IsoText::instant))
                    .checkOut(Optional.ofNullable(checkOut).map(IsoText::instant))
                    .note(Optional.ofNullable(note))
                    .build();
            return new AttendanceRecord(new EmployeeId(employeeId), new WorkDate(IsoText.date(date)), entry,
                    version, IsoText.instant(createdAt), IsoText.instant(updatedAt));
        }
    }

    /** A record with its employee, as v1 answers. */
    record AttendanceJson(EmployeeJson employee, RecordJson record) {

        static AttendanceJson of(EmployeeAttendance attendance) {
            return new AttendanceJson(EmployeeJson.of(attendance.employee()), RecordJson.of(attendance.record()));
        }

        EmployeeAttendance toDomain() {
            return new EmployeeAttendance(required(employee).toDomain(), required(record).toDomain());
        }
    }

    /** An optional answer: {@code value} is null when there is none. */
    record One<J>(J value) {
    }

    /** A list answer. */
    record Many<J>(List<J> values) {
    }

    private CachedJson() {
    }

    /** A domain type and the record that carries it in JSON. */
    private record Mapping<T, J>(Class<J> json, Function<T, J> toJson, Function<J, T> toDomain) {

        Codec<Optional<T>> optional() {
            JavaType type = MAPPER.getTypeFactory().constructParametricType(One.class, json);
            return new Codec<>(
                    value -> write(new One<>(value.map(toJson).orElse(null))),
                    stored -> Optional.ofNullable(CachedJson.<One<J>>read(stored, type).value()).map(toDomain));
        }

        Codec<List<T>> list() {
            JavaType type = MAPPER.getTypeFactory().constructParametricType(Many.class, json);
            return new Codec<>(
                    values -> write(new Many<>(values.stream().map(toJson).toList())),
                    stored -> required(CachedJson.<Many<J>>read(stored, type).values()).stream()
                            .map(element -> toDomain.apply(required(element)))
                            .toList());
        }
    }

    private static <T> T required(T part) {
        return Objects.requireNonNull(part, "a cached value lacks a part that is never null");
    }

    private static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] json, JavaType type) {
        try {
            return required(MAPPER.readValue(json, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
