package io.attendance.domain.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CachedReadsTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final AttendanceQuery NOVEMBER = new AttendanceQuery(WorkDate.of(2026, 11, 1),
            WorkDate.of(2026, 11, 30), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    /**
     * Values of each argument type of a cached read's factory, the first of each the one that the
     * others vary from. Enums, records and optionals are made from these; a factory that takes
     * another type fails the walk below until it gets samples here.
     */
    private static final Map<Type, List<?>> SAMPLES = Map.of(
            EmployeeId.class, List.of(ADA, new EmployeeId("E-2")),
            WorkDate.class, List.of(DAY, WorkDate.of(2026, 11, 26), WorkDate.of(2026, 11, 28)),
            String.class, List.of("Ops", "Sales", "-", "=Ops"),
            Boolean.class, List.of(true, false),
            Instant.class, List.of(Instant.parse("2026-11-27T09:00:00Z"), Instant.parse("2026-11-27T09:00:00.000001Z")),
            int.class, List.of(10, 11));

    /** One call of a factory of {@link CachedReads}, and the key it made. */
    private record Call(Method factory, List<Object> arguments, CacheKey<?> key) {
        static Call of(Method factory, List<Object> arguments) {
            try {
                return new Call(factory, arguments, (CacheKey<?>) factory.invoke(null, arguments.toArray()));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(factory + " with " + arguments, e);
            }
        }

        boolean sameAs(Call other) {
            return factory.equals(other.factory) && arguments.equals(other.arguments);
        }

        @Override
        public String toString() {
            return factory.getName() + arguments;
        }
    }

    /**
     * The factories of every declared read, each called with arguments that differ from its first
     * call in one part at a time (an argument, or one filter of a query, or one half of a position).
     */
    private static List<Call> callsOfEveryFactory() {
        List<Call> calls = new ArrayList<>();
        for (Method factory : CachedReads.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(factory.getModifiers()) || factory.getReturnType() != CacheKey.class) {
                continue;
            }
            List<List<Object>> samples = Arrays.stream(factory.getGenericParameterTypes()).map(CachedReadsTest::samples).toList();
            List<Object> first = samples.stream().map(values -> values.get(0)).toList();
            calls.add(Call.of(factory, first));
            for (int i = 0; i < samples.size(); i++) {
                for (Object other : samples.get(i).subList(1, samples.get(i).size())) {
                    List<Object> arguments = new ArrayList<>(first);
                    arguments.set(i, other);
                    calls.add(Call.of(factory, arguments));
                }
            }
        }
        return calls;
    }

    /** Distinct values of {@code type}, the first of them the one the others vary from. */
    private static List<Object> samples(Type type) {
        if (SAMPLES.containsKey(type)) {
            return List.copyOf(SAMPLES.get(type));
        }
        if (type instanceof ParameterizedType optional && optional.getRawType() == Optional.class) {
            List<Object> values = new ArrayList<>(List.of(Optional.empty()));
            samples(optional.getActualTypeArguments()[0]).forEach(value -> values.add(Optional.of(value)));
            return values;
        }
        if (type instanceof Class<?> enumType && enumType.isEnum()) {
            return List.of(enumType.getEnumConstants());
        }
        if (type instanceof Class<?> recordType && recordType.isRecord()) {
            return records(recordType);
        }
        throw new AssertionError("no samples of " + type + ", an argument of a cached read: add some to SAMPLES");
    }

    /** A record of the first sample of every component, then the valid ones that differ from it in one component. */
    private static List<Object> records(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<List<Object>> samples = Arrays.stream(components).map(component -> samples(component.getGenericType())).toList();
        Object[] first = samples.stream().map(values -> values.get(0)).toArray();
        List<Object> records = new ArrayList<>();
        records.add(record(type, first).orElseThrow());
        for (int i = 0; i < components.length; i++) {
            int valid = 0;
            for (Object other : samples.get(i).subList(1, samples.get(i).size())) {
                Object[] values = first.clone();
                values[i] = other;
                Optional<Object> record = record(type, values);
                record.ifPresent(records::add);
                valid += record.isPresent() ? 1 : 0;
            }
            assertThat(valid).as("valid samples of %s.%s", type.getSimpleName(), components[i].getName()).isPositive();
        }
        return records;
    }

    /** The record of these components, empty when its constructor refuses them. */
    private static Optional<Object> record(Class<?> type, Object[] values) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return Optional.of(constructor.newInstance(values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ValidationFailed || e.getCause() instanceof IllegalArgumentException) {
                return Optional.empty();
            }
            throw new AssertionError(type.getSimpleName() + " of " + Arrays.toString(values), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(type.getSimpleName() + " of " + Arrays.toString(values), e);
        }
    }

    /**
     * Two calls share a cache entry exactly when they are the same call: a key that left out or
     * blurred any argument (a filter, the position a page starts after, its limit) would serve one
     * query's answer to another, possibly to a caller who may not read it. The walk covers every
     * factory of {@link CachedReads}, so a read declared later is checked as soon as it exists.
     */
    @Test
    void twoQueriesThatDifferInAnyArgumentNeverShareACacheEntry() {
        List<Call> calls = callsOfEveryFactory();

        for (CachedRead<?> read : CachedReads.every()) {
            assertThat(calls).as("calls of the factory of %s", read).anyMatch(call -> call.key().read() == read);
        }
        for (Call call : calls) {
            for (Call other : calls) {
                assertThat(call.key().equals(other.key())).as("%s and %s share a key", call, other)
                        .isEqualTo(call.sameAs(other));
            }
        }
    }

    @Test
    void aPageKeyHoldsEveryComponentOfItsQueryAndItsPositionAndLimit() {
        assertThat(CachedReads.attendancePage(NOVEMBER, Optional.of(new AttendanceKey(DAY, ADA)), 10).arguments())
                .as("a component added to AttendanceQuery must be added to its cache key")
                .hasSize(AttendanceQuery.class.getRecordComponents().length + 2 + 1);
        assertThat(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.of(ADA), 10).arguments())
                .as("a component added to EmployeeQuery must be added to its cache key")
                .hasSize(EmployeeQuery.class.getRecordComponents().length + 1 + 1);
    }

    @Test
    void noTextPassesForAnAbsentFilter() {
        EmployeeQuery dashDepartment = new EmployeeQuery(Optional.of("-"), Optional.empty(), Optional.empty());

        assertThat(CachedReads.employeePage(dashDepartment, Optional.empty(), 10))
                .isNotEqualTo(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10));
    }

    @Test
    void everyReadHasANameOfItsOwn() {
        List<String> names = CachedReads.every().stream().map(CachedRead::name).toList();

        assertThat(names).doesNotHaveDuplicates().contains("latest", "rendered-attendance-listing", "employee-page");
    }

    @Test
    void aKeyNamesAnEmployeeExactlyWhenItsReadFollowsOne() {
        CacheKey<?> record = CachedReads.record(ADA, DAY);
        CacheKey<?> page = CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 10);

        assertThat(record.employee()).contains(ADA);
        assertThat(page.employee()).isEmpty();
        assertThatThrownBy(() -> new CacheKey<>(record.read(), Optional.empty(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a key of record (EMPLOYEE) names no employee");
        assertThatThrownBy(() -> new CacheKey<>(page.read(), Optional.of(ADA), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a key of employee-page (LISTINGS) names an employee");
    }

    @Test
    void aReadIsNamedSoThatItFitsInAnyKeyAndMeterTag() {
        assertThatThrownBy(() -> new CachedRead<>("Attendance page", CachedRead.Scope.LISTINGS, CachedValue.rendered()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
