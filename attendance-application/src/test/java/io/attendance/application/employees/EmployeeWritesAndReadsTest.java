package io.attendance.application.employees;

import static io.attendance.application.InMemoryApplication.ACTOR;
import static io.attendance.application.InMemoryApplication.CLOCK;
import static io.attendance.application.InMemoryApplication.DEFAULT_ZONE;
import static io.attendance.application.InMemoryApplication.allPages;
import static io.attendance.application.InMemoryApplication.isHit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication;
import io.attendance.application.reading.Page;
import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.EmployeeAuditEvent;
import io.attendance.domain.model.EmployeeDetails;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CachedReads;
import io.attendance.testing.AllAtOnce;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmployeeWritesAndReadsTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");

    private final InMemoryApplication app = new InMemoryApplication();
    private final EmployeeWrites writes = app.employeeWrites;
    private final EmployeeReads reads = app.employeeReads;

    /** {@code active} null is left out, as a client may: the employee is active. */
    private static PutEmployeeCommand put(String name, String department, String zone, Boolean active) {
        return Commands.putEmployee("E-1", name, department, zone, active == null || active);
    }

    private static PutEmployeeCommand ada() {
        return put("Ada Lovelace", "Engineering", "Europe/London", true);
    }

    private static EmployeeQuery where(String department, Boolean active, String namePrefix) {
        return new EmployeeQuery(Optional.ofNullable(department), Optional.ofNullable(active), Optional.ofNullable(namePrefix));
    }

    @Test
    void aFirstPutCreatesTheEmployeeAtVersionOne() {
        Written<Employee> written = writes.put(ada(), Precondition.NONE, ACTOR);

        assertThat(written.created()).isTrue();
        assertThat(written.value()).isEqualTo(new Employee(ADA,
                new EmployeeDetails("Ada Lovelace", Optional.of("Engineering"), ZoneId.of("Europe/London"), true),
                1, CLOCK.instant(), CLOCK.instant()));
        assertThat(reads.get(ADA)).isEqualTo(written.value());
    }

    @Test
    void anotherPutReplacesTheDetailsAtTheNextVersion() {
        writes.put(ada(), Precondition.NONE, ACTOR);

        Written<Employee> written = writes.put(put("Ada King", null, null, false), Precondition.NONE, ACTOR);

        assertThat(written.created()).isFalse();
        assertThat(written.value().version()).isEqualTo(2);
        assertThat(written.value().details())
                .isEqualTo(new EmployeeDetails("Ada King", Optional.empty(), DEFAULT_ZONE, false));
        assertThat(reads.get(ADA)).isEqualTo(written.value());
    }

    @Test
    void rewritingTheSameDetailsChangesNothing() {
        Employee first = writes.put(ada(), Precondition.NONE, ACTOR).value();

        Written<Employee> again = writes.put(ada(), Precondition.ifMatch(1), ACTOR);

        assertThat(again.created()).isFalse();
        assertThat(again.value()).isEqualTo(first);
        assertThat(app.employees.find(ADA)).contains(first);
    }

    @Test
    void anAbsentTimezoneIsTheDefaultOneAndAnAbsentActiveIsTrue() {
        Employee created = writes.put(put("Ada", null, null, null), Precondition.NONE, ACTOR).value();

        assertThat(created.timezone()).isEqualTo(DEFAULT_ZONE);
        assertThat(created.active()).isTrue();
    }

    @Test
    void ifMatchWithTheStoredVersionReplaces() {
        writes.put(ada(), Precondition.NONE, ACTOR);

        assertThat(writes.put(put("Ada King", null, null, true), Precondition.ifMatch(1), ACTOR).value().version()).isEqualTo(2);
        assertThat(writes.put(put("Ada Queen", null, null, true), Precondition.ifMatchAny(), ACTOR).value().version()).isEqualTo(3);
    }

    @Test
    void ifMatchWithAnotherVersionFailsAndChangesNothing() {
        Employee stored = writes.put(ada(), Precondition.NONE, ACTOR).value();

        assertThatThrownBy(() -> writes.put(put("Ada King", null, null, true), Precondition.ifMatch(2), ACTOR))
                .isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> writes.deactivate(ADA, Precondition.ifMatch(7), ACTOR)).isInstanceOf(PreconditionFailed.class);
        assertThat(reads.get(ADA)).isEqualTo(stored);
    }

    @Test
    void ifMatchOnAMissingEmployeeFailsAndCreatesNothing() {
        assertThatThrownBy(() -> writes.put(ada(), Precondition.ifMatch(1), ACTOR)).isInstanceOf(PreconditionFailed.class);
        assertThatThrownBy(() -> writes.put(ada(), Precondition.ifMatchAny(), ACTOR)).isInstanceOf(PreconditionFailed.class);

        assertThat(app.employees.find(ADA)).isEmpty();
    }

    @Test
    void ifNoneMatchAnyCreatesButNeverReplaces() {
        assertThat(writes.put(ada(), Precondition.ifNoneMatchAny(), ACTOR).created()).isTrue();

        assertThatThrownBy(() -> writes.put(put("Ada King", null, null, true), Precondition.ifNoneMatchAny(), ACTOR))
                .isInstanceOf(PreconditionFailed.class);
        assertThat(reads.get(ADA).name()).isEqualTo("Ada Lovelace");
    }

    @Test
    void concurrentPutsPinnedToOneVersionLetExactlyOneSucceed() throws Exception {
        writes.put(ada(), Precondition.NONE, ACTOR);

        List<Object> outcomes = AllAtOnce.outcomes(8,
                i -> () -> writes.put(put("Writer " + i, null, null, true), Precondition.ifMatch(1), ACTOR));

        assertThat(outcomes).filteredOn(Written.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(PreconditionFailed.class::isInstance).hasSize(7);
        assertThat(reads.get(ADA).version()).isEqualTo(2);
    }

    @Test
    void concurrentCreateOnlyPutsCreateExactlyOnce() throws Exception {
        List<Object> outcomes = AllAtOnce.outcomes(8,
                i -> () -> writes.put(put("Writer " + i, null, null, true), Precondition.ifNoneMatchAny(), ACTOR));

        assertThat(outcomes).filteredOn(Written.class::isInstance).hasSize(1)
                .allSatisfy(written -> assertThat(((Written<?>) written).created()).isTrue());
        assertThat(outcomes).filteredOn(PreconditionFailed.class::isInstance).hasSize(7);
        assertThat(reads.get(ADA).version()).isEqualTo(1);
    }

    @Test
    void anUnknownEmployeeIsNotFound() {
        assertThatThrownBy(() -> reads.get(ADA)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> writes.deactivate(ADA, Precondition.NONE, ACTOR)).isInstanceOf(NotFound.class);
    }

    @Test
    void deactivatingKeepsTheEmployeeAndEveryRecord() {
        writes.put(ada(), Precondition.NONE, ACTOR);
        app.recordAttendance.record(Commands.recordAttendance("E-1", null, "Present", "2026-11-26"), ACTOR);

        Employee deactivated = writes.deactivate(ADA, Precondition.ifMatch(1), ACTOR);

        assertThat(deactivated.active()).isFalse();
        assertThat(deactivated.version()).isEqualTo(2);
        assertThat(deactivated.name()).isEqualTo("Ada Lovelace");
        assertThat(reads.get(ADA)).isEqualTo(deactivated);
        assertThat(app.recordReads.get(ADA, WorkDate.of(2026, 11, 26))).isNotNull();
        assertThat(writes.deactivate(ADA, Precondition.NONE, ACTOR)).as("a second time changes nothing").isEqualTo(deactivated);
    }

    @Test
    void everyCreationChangeAndDeactivationIsAuditedByItsActorAndNothingElse() {
        Employee created = writes.put(ada(), Precondition.NONE, "user:hr").value();
        writes.put(ada(), Precondition.NONE, "user:hr");
        Employee renamed = writes.put(put("Ada King", null, null, true), Precondition.NONE, "user:manager").value();
        Employee deactivated = writes.deactivate(ADA, Precondition.NONE, "api-key:0123456789abcdef");
        writes.deactivate(ADA, Precondition.NONE, "user:hr");

        assertThat(reads.history(ADA, Optional.empty(), Optional.empty()).items()).containsExactly(
                EmployeeAuditEvent.created(created, "user:hr"),
                EmployeeAuditEvent.updated(created, renamed, "user:manager"),
                EmployeeAuditEvent.updated(renamed, deactivated, "api-key:0123456789abcdef"));
    }

    @Test
    void theHistoryIsReadInPagesOldestFirstWhoseCursorsServeThatEmployeeOnly() {
        for (int i = 0; i < 5; i++) {
            writes.put(put("Ada " + i, null, null, true), Precondition.NONE, ACTOR);
        }
        writes.put(Commands.putEmployee("E-2", "Bob", null, null, true), Precondition.NONE, ACTOR);

        assertThat(allPages((cursor, limit) -> reads.history(ADA, cursor, limit), 2))
                .isEqualTo(reads.history(ADA, Optional.empty(), Optional.empty()).items())
                .extracting(event -> event.after().version()).containsExactly(1L, 2L, 3L, 4L, 5L);
        String next = reads.history(ADA, Optional.empty(), Optional.of(2)).nextCursor().orElseThrow();
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> reads.history(new EmployeeId("E-2"), Optional.of(next), Optional.empty()));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("cursor");
    }

    @Test
    void aRefusedWriteLeavesNoAuditEvent() {
        writes.put(ada(), Precondition.NONE, ACTOR);
        assertThatThrownBy(() -> writes.put(put("Ada King", null, null, true), Precondition.ifMatch(7), ACTOR))
                .isInstanceOf(PreconditionFailed.class);
        assertThat(reads.history(ADA, Optional.empty(), Optional.empty()).items()).hasSize(1);
        assertThatThrownBy(() -> reads.history(new EmployeeId("E-404"), Optional.empty(), Optional.empty()).items()).isInstanceOf(NotFound.class);
    }

    @Test
    void theListFiltersAndPagesThroughEveryEmployeeOnceById() {
        List<Employee> expected = IntStream.rangeClosed(1, 23)
                .mapToObj(i -> writes.put(Commands.putEmployee(String.format("E-%02d", i),
                        (i % 2 == 0 ? "Ada " : "Bob ") + i, i % 3 == 0 ? "Ops" : "Sales", null, i % 5 != 0),
                        Precondition.NONE, ACTOR).value())
                .filter(employee -> employee.name().startsWith("Ada") && employee.active())
                .toList();
        EmployeeQuery activeAdas = where(null, true, "ada");

        for (int limit : List.of(1, 2, 3, 7, 100)) {
            assertThat(allPages((cursor, size) -> reads.list(activeAdas, cursor, size), limit))
                    .as("limit %d", limit).containsExactlyElementsOf(expected);
        }
        assertThat(reads.list(where("Ops", false, null), Optional.empty(), Optional.empty()).items())
                .extracting(Employee::id).containsExactly(new EmployeeId("E-15"));
    }

    @Test
    void aPageHoldsAHundredEmployeesUnlessAskedOtherwise() {
        IntStream.rangeClosed(1, 101).forEach(i ->
                writes.put(Commands.putEmployee("E-" + (1000 + i), "Person " + i, null, null, true),
                        Precondition.NONE, ACTOR));

        Page<Employee> first = reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.empty());
        Page<Employee> last = reads.list(EmployeeQuery.EVERYONE, first.nextCursor(), Optional.empty());

        assertThat(first.items()).hasSize(100);
        assertThat(last.items()).extracting(Employee::id).containsExactly(new EmployeeId("E-1101"));
        assertThat(last.nextCursor()).isEmpty();
    }

    @Test
    void aLimitOutside1To1000IsRefused() {
        for (int limit : List.of(0, -1, 1001, 5000)) {
            ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                    () -> reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.of(limit)));
            assertThat(refused.errors()).extracting(FieldError::field).containsExactly("limit");
        }
        assertThat(reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.of(1000)).items()).isEmpty();
    }

    @Test
    void aCursorWorksOnlyWithTheFiltersOfItsFirstPage() {
        IntStream.rangeClosed(1, 3).forEach(i -> app.hire("E-" + i, "Ada " + i, "Ops", null));
        String cursor = reads.list(where("Ops", null, null), Optional.empty(), Optional.of(1)).nextCursor().orElseThrow();

        assertThat(reads.list(where("Ops", null, null), Optional.of(cursor), Optional.of(5)).items()).hasSize(2);
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                () -> reads.list(where("Sales", null, null), Optional.of(cursor), Optional.of(1)));
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("cursor");
        assertThatThrownBy(() -> reads.list(EmployeeQuery.EVERYONE, Optional.of(cursor + "x"), Optional.of(1)))
                .isInstanceOf(ValidationFailed.class).hasMessageStartingWith("cursor");
    }

    @Test
    void aWarmCacheNeverHidesAPut() {
        writes.put(ada(), Precondition.NONE, ACTOR);
        reads.get(ADA);
        reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.empty());
        assertThat(isHit(app.cache.lookup(CachedReads.employee(ADA)))).isTrue();
        assertThat(isHit(app.cache.lookup(CachedReads.employeePage(EmployeeQuery.EVERYONE, Optional.empty(), 101)))).isTrue();

        writes.put(put("Ada King", "Sales", null, true), Precondition.NONE, ACTOR);

        assertThat(reads.get(ADA).name()).isEqualTo("Ada King");
        assertThat(reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.empty()).items())
                .extracting(Employee::name).containsExactly("Ada King");
        assertThat(reads.list(where("Engineering", null, null), Optional.empty(), Optional.empty()).items()).isEmpty();
    }

    @Test
    void aWarmCacheNeverHidesADeactivationOrANewEmployee() {
        writes.put(ada(), Precondition.NONE, ACTOR);
        assertThat(reads.list(where(null, true, null), Optional.empty(), Optional.empty()).items()).hasSize(1);
        reads.get(ADA);

        writes.deactivate(ADA, Precondition.NONE, ACTOR);
        app.hire("E-2", "Bob", null, null);

        assertThat(reads.get(ADA).active()).isFalse();
        assertThat(reads.list(where(null, true, null), Optional.empty(), Optional.empty()).items())
                .extracting(Employee::name).containsExactly("Bob");
    }

    @Test
    void aWarmCacheNeverHidesAnEmployeeMetThroughV1() {
        assertThatThrownBy(() -> reads.get(ADA)).isInstanceOf(NotFound.class);
        assertThat(reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.empty()).items()).isEmpty();

        app.recordAttendance.record(Commands.recordAttendance("E-1", "Ada", "Present", "2026-11-27"), ACTOR);

        assertThat(reads.get(ADA).name()).isEqualTo("Ada");
        assertThat(reads.list(EmployeeQuery.EVERYONE, Optional.empty(), Optional.empty()).items()).hasSize(1);
    }

    @Nested
    class LostRaces {

        private final LosingEmployees losing = new LosingEmployees(app.employees);
        private final EmployeeWrites racing = new EmployeeWrites(app.db, losing, app.audit, app.cache, CLOCK);

        /** Another writer creates Ada after our read. */
        private void anotherWriterCreatesAdaFirst() {
            losing.anotherWriterWinsTheNextRace(ADA, () -> app.hire("E-1", "Ada King", "Sales", null));
        }

        /** Another writer moves stored Ada from version 1 to 2 after our read. */
        private void anotherWriterRenamesAdaFirst() {
            writes.put(ada(), Precondition.NONE, ACTOR);
            losing.anotherWriterWinsTheNextRace(ADA,
                    () -> writes.put(put("Ada King", "Engineering", "Europe/London", true), Precondition.NONE, ACTOR));
        }

        @Test
        void aCreateOnlyPutThatLosesTheRaceToCreateFailsItsPrecondition() {
            anotherWriterCreatesAdaFirst();

            assertThatThrownBy(() -> racing.put(ada(), Precondition.ifNoneMatchAny(), ACTOR)).isInstanceOf(PreconditionFailed.class);
            assertThat(reads.get(ADA).name()).isEqualTo("Ada King");
        }

        @Test
        void aPutThatLosesTheRaceToCreateRunsAgainAndReplacesWhatTheOtherWriterCreated() {
            anotherWriterCreatesAdaFirst();

            Written<Employee> written = racing.put(ada(), Precondition.NONE, ACTOR);

            assertThat(written.created()).isFalse();
            assertThat(written.value().version()).isEqualTo(2);
            assertThat(written.value().name()).isEqualTo("Ada Lovelace");
            assertThat(app.employees.find(ADA)).contains(written.value());
        }

        @Test
        void aPutThatLosesTheRaceToReplaceRunsAgainOnTheOtherWritersVersion() {
            anotherWriterRenamesAdaFirst();

            Written<Employee> written = racing.put(put("Ada Queen", "Engineering", "Europe/London", true), Precondition.NONE, ACTOR);

            assertThat(written.value().version()).isEqualTo(3);
            assertThat(written.value().name()).isEqualTo("Ada Queen");
            assertThat(app.employees.find(ADA)).contains(written.value());
        }

        @Test
        void aPinnedPutThatLosesTheRaceToReplaceFailsItsPreconditionAndKeepsTheOtherWritersChange() {
            anotherWriterRenamesAdaFirst();

            assertThatThrownBy(() -> racing.put(put("Ada Queen", null, null, true), Precondition.ifMatch(1), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);
            assertThat(app.employees.find(ADA)).map(Employee::name).contains("Ada King");
            assertThat(app.employees.find(ADA)).map(Employee::version).contains(2L);
        }

        @Test
        void aDeactivationThatLosesTheRaceRunsAgainAndKeepsTheOtherWritersChange() {
            anotherWriterRenamesAdaFirst();

            Employee deactivated = racing.deactivate(ADA, Precondition.NONE, ACTOR);

            assertThat(deactivated.version()).isEqualTo(3);
            assertThat(deactivated.active()).isFalse();
            assertThat(deactivated.name()).isEqualTo("Ada King");
            assertThat(app.employees.find(ADA)).contains(deactivated);
        }

        @Test
        void aPinnedDeactivationThatLosesTheRaceFailsItsPreconditionAndLeavesTheEmployeeActive() {
            anotherWriterRenamesAdaFirst();

            assertThatThrownBy(() -> racing.deactivate(ADA, Precondition.ifMatch(1), ACTOR)).isInstanceOf(PreconditionFailed.class);
            assertThat(app.employees.find(ADA)).map(Employee::active).contains(true);
            assertThat(app.employees.find(ADA)).map(Employee::version).contains(2L);
        }
    }
}
