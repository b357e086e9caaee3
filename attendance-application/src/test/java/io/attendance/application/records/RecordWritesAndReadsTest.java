package io.attendance.application.records;

import static io.attendance.application.Commands.item;
import static io.attendance.application.InMemoryApplication.ACTOR;
import static io.attendance.application.InMemoryApplication.CLOCK;
import static io.attendance.application.InMemoryApplication.allPages;
import static io.attendance.application.InMemoryApplication.isHit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication;
import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.writing.Precondition;
import io.attendance.application.writing.Written;
import io.attendance.domain.error.Conflict;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.NotFound;
import io.attendance.domain.error.PreconditionFailed;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AttendanceKey;
import io.attendance.domain.model.AttendanceQuery;
import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.DayEntry;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.RecordSource;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.CachedReads;
import io.attendance.testing.AllAtOnce;
import io.attendance.testing.AuditHistories;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RecordWritesAndReadsTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final EmployeeId BOB = new EmployeeId("E-2");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final WorkDate NOVEMBER_1 = WorkDate.of(2026, 11, 1);
    private static final WorkDate NOVEMBER_30 = WorkDate.of(2026, 11, 30);

    private final InMemoryApplication app = InMemoryApplication.staffed(new InMemoryApplication());
    private final RecordWrites writes = app.recordWrites;
    private final RecordReads reads = app.recordReads;

    private static PutRecordCommand put(String employeeId, String date, String status, String checkIn, String checkOut,
            String note) {
        return Commands.putRecord(employeeId, date, status, checkIn, checkOut, note);
    }

    private static PutRecordCommand adaPresent(String note) {
        return put("E-1", "2026-11-27", "Present", "2026-11-27T08:00:00+01:00", "2026-11-27T17:30:00+01:00", note);
    }

    private static PutRecordCommand status(String employeeId, String date, String status) {
        return Commands.status(employeeId, date, status);
    }

    private Written<AttendanceRecord> write(PutRecordCommand command) {
        return writes.put(command, Precondition.NONE, ACTOR);
    }

    private List<AuditAction> actions(EmployeeId employeeId, WorkDate date) {
        return app.auditActions(employeeId, date);
    }

    private static AttendanceQuery query(WorkDate from, WorkDate to, String department, AttendanceStatus status) {
        return new AttendanceQuery(from, to, Optional.empty(), Optional.ofNullable(department), Optional.ofNullable(status),
                Optional.empty());
    }

    private static List<String> fields(ValidationFailed refused) {
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Nested
    class Put {

        @Test
        void aFirstPutCreatesTheRecordAndAuditsIt() {
            Written<AttendanceRecord> written = writes.put(adaPresent("dentist"), Precondition.NONE, "hr@example.com");

            assertThat(written.created()).isTrue();
            AttendanceRecord record = written.value();
            assertThat(record.version()).isEqualTo(1);
            assertThat(record.createdAt()).isEqualTo(CLOCK.instant());
            assertThat(record.updatedAt()).isEqualTo(CLOCK.instant());
            assertThat(record.entry()).isEqualTo(DayEntry.of(AttendanceStatus.PRESENT, RecordSource.API)
                    .checkIn(Instant.parse("2026-11-27T07:00:00Z"))
                    .checkOut(Instant.parse("2026-11-27T16:30:00Z"))
                    .note("dentist")
                    .build());
            assertThat(record.workedMinutes()).contains(570L);
            assertThat(reads.get(ADA, DAY)).isEqualTo(record);
            assertThat(reads.history(ADA, DAY, Optional.empty(), Optional.empty()).items()).containsExactly(AuditEvent.created(record, "hr@example.com"));
        }

        @Test
        void aSecondPutReplacesTheRecordAtTheNextVersionAndAuditsBothSides() {
            AttendanceRecord first = write(adaPresent("dentist")).value();

            Written<AttendanceRecord> second = write(status("E-1", "2026-11-27", "on leave"));

            assertThat(second.created()).isFalse();
            assertThat(second.value().version()).isEqualTo(2);
            assertThat(second.value().entry()).isEqualTo(DayEntry.statusOnly(AttendanceStatus.ON_LEAVE, RecordSource.API));
            assertThat(second.value().createdAt()).isEqualTo(first.createdAt());
            assertThat(reads.history(ADA, DAY, Optional.empty(), Optional.empty()).items()).containsExactly(
                    AuditEvent.created(first, ACTOR), AuditEvent.updated(first, second.value(), ACTOR));
        }

        @Test
        void rewritingTheSameContentChangesNothingAndAuditsNothing() {
            AttendanceRecord first = write(adaPresent("dentist")).value();

            Written<AttendanceRecord> again = writes.put(adaPresent(" dentist "), Precondition.ifMatch(1), ACTOR);

            assertThat(again.created()).isFalse();
            assertThat(again.value()).isEqualTo(first);
            assertThat(reads.get(ADA, DAY).version()).isEqualTo(1);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED);
        }

        @Test
        void ifMatchWithTheStoredVersionReplaces() {
            write(adaPresent("one"));

            assertThat(writes.put(adaPresent("two"), Precondition.ifMatch(1), ACTOR).value().version()).isEqualTo(2);
            assertThat(writes.put(adaPresent("three"), Precondition.ifMatchAny(), ACTOR).value().version()).isEqualTo(3);
        }

        @Test
        void ifMatchWithAnotherVersionFailsAndChangesNothing() {
            AttendanceRecord stored = write(adaPresent("one")).value();

            assertThatThrownBy(() -> writes.put(adaPresent("two"), Precondition.ifMatch(2), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);
            assertThatThrownBy(() -> writes.put(adaPresent("two"), Precondition.ifMatch(0), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);

            assertThat(reads.get(ADA, DAY)).isEqualTo(stored);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED);
        }

        @Test
        void ifMatchOnAMissingRecordFailsAndCreatesNothing() {
            assertThatThrownBy(() -> writes.put(adaPresent("x"), Precondition.ifMatch(1), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);
            assertThatThrownBy(() -> writes.put(adaPresent("x"), Precondition.ifMatchAny(), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);

            assertThat(app.records.find(ADA, DAY)).isEmpty();
            assertThat(AuditHistories.of(app.audit, ADA, DAY)).isEmpty();
        }

        @Test
        void ifNoneMatchAnyCreatesButNeverReplaces() {
            assertThat(writes.put(adaPresent("first"), Precondition.ifNoneMatchAny(), ACTOR).created()).isTrue();

            assertThatThrownBy(() -> writes.put(adaPresent("second"), Precondition.ifNoneMatchAny(), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);
            assertThat(reads.get(ADA, DAY).entry().note()).contains("first");
        }

        @Test
        void concurrentPutsPinnedToOneVersionLetExactlyOneSucceed() throws Exception {
            write(adaPresent("original"));

            List<Object> outcomes = AllAtOnce.outcomes(8,
                    i -> () -> writes.put(adaPresent("writer " + i), Precondition.ifMatch(1), ACTOR));

            assertThat(outcomes).filteredOn(Written.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(PreconditionFailed.class::isInstance).hasSize(7);
            assertThat(reads.get(ADA, DAY).version()).isEqualTo(2);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
        }

        @Test
        void concurrentCreateOnlyPutsCreateExactlyOnce() throws Exception {
            List<Object> outcomes = AllAtOnce.outcomes(8,
                    i -> () -> writes.put(adaPresent("writer " + i), Precondition.ifNoneMatchAny(), ACTOR));

            assertThat(outcomes).filteredOn(Written.class::isInstance).hasSize(1)
                    .allSatisfy(written -> assertThat(((Written<?>) written).created()).isTrue());
            assertThat(outcomes).filteredOn(PreconditionFailed.class::isInstance).hasSize(7);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED);
        }

        @Test
        void concurrentUpsertsWithoutAPreconditionAllSucceedOneCreatingTheRecord() throws Exception {
            int writers = 8;

            List<Object> outcomes = AllAtOnce.outcomes(writers, i -> () -> write(adaPresent("writer " + i)));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Written.class));
            assertThat(outcomes).filteredOn(outcome -> ((Written<?>) outcome).created()).hasSize(1);
            assertThat(reads.get(ADA, DAY).version()).isEqualTo(writers);
            List<AuditAction> expected = new ArrayList<>(List.of(AuditAction.CREATED));
            IntStream.range(1, writers).forEach(i -> expected.add(AuditAction.UPDATED));
            assertThat(actions(ADA, DAY)).containsExactlyElementsOf(expected);
        }

        @Test
        void anUnknownEmployeeHasNoRecords() {
            assertThatThrownBy(() -> write(status("E-9", "2026-11-27", "Present"))).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> reads.ofEmployee(new EmployeeId("E-9"), NOVEMBER_1, NOVEMBER_30)).isInstanceOf(NotFound.class);

            assertThat(app.records.find(new EmployeeId("E-9"), DAY)).isEmpty();
        }

        @Test
        void theCheckInFallsOnTheWorkDateInTheEmployeesZone() {
            assertThat(write(put("E-1", "2026-11-27", "Present", "2026-11-26T23:30:00Z", null, null)).created())
                    .as("00:30 in Paris").isTrue();
            assertThat(write(put("E-2", "2026-11-27", "Present", "2026-11-28T03:00:00Z", null, null)).created())
                    .as("19:00 in Los Angeles").isTrue();

            ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                    () -> write(put("E-1", "2026-11-28", "Present", "2026-11-27T22:59:59Z", null, null)));
            assertThat(fields(refused)).containsExactly("checkIn");
            assertThat(app.records.find(ADA, WorkDate.of(2026, 11, 28))).isEmpty();
        }

        @Test
        void aDayBeyondTheBookingWindowIsRefused() {
            assertThat(write(status("E-1", "2027-11-28", "On Leave")).created()).isTrue();

            ValidationFailed refused = catchThrowableOfType(ValidationFailed.class,
                    () -> write(status("E-1", "2027-11-29", "On Leave")));
            assertThat(fields(refused)).containsExactly("date");
        }

    }

    @Nested
    class DeleteAndHistory {

        @Test
        void deletingARecordAuditsItAndKeepsItsHistory() {
            AttendanceRecord stored = write(adaPresent("x")).value();

            writes.delete(ADA, DAY, Precondition.ifMatch(1), "hr");

            assertThatThrownBy(() -> reads.get(ADA, DAY)).isInstanceOf(NotFound.class);
            assertThat(reads.history(ADA, DAY, Optional.empty(), Optional.empty()).items()).containsExactly(
                    AuditEvent.created(stored, ACTOR), AuditEvent.deleted(stored, CLOCK.instant(), "hr"));
            assertThatThrownBy(() -> writes.delete(ADA, DAY, Precondition.NONE, ACTOR)).isInstanceOf(NotFound.class);
        }

        @Test
        void aRecordMayBeWrittenAgainAfterItsDeletion() {
            write(adaPresent("x"));
            writes.delete(ADA, DAY, Precondition.NONE, ACTOR);

            Written<AttendanceRecord> again = write(adaPresent("y"));

            assertThat(again.created()).isTrue();
            assertThat(again.value().version()).isEqualTo(1);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED, AuditAction.DELETED, AuditAction.CREATED);
        }

        @Test
        void deletingWithAnotherVersionFailsAndKeepsTheRecord() {
            AttendanceRecord stored = write(adaPresent("x")).value();

            assertThatThrownBy(() -> writes.delete(ADA, DAY, Precondition.ifMatch(2), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);

            assertThat(reads.get(ADA, DAY)).isEqualTo(stored);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED);
        }

        @Test
        void deletingAnAbsentRecordIsNotFound() {
            assertThatThrownBy(() -> writes.delete(ADA, DAY, Precondition.NONE, ACTOR)).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> writes.delete(new EmployeeId("E-9"), DAY, Precondition.NONE, ACTOR))
                    .isInstanceOf(NotFound.class);
        }

        @Test
        void theHistoryOfARecordThatNeverExistedIsNotFound() {
            write(adaPresent("another day's record")).value();

            assertThatThrownBy(() -> reads.history(ADA, WorkDate.of(2026, 11, 26), Optional.empty(), Optional.empty()).items()).isInstanceOf(NotFound.class);
            assertThatThrownBy(() -> reads.history(new EmployeeId("E-9"), DAY, Optional.empty(), Optional.empty()).items()).isInstanceOf(NotFound.class);
        }

        @Test
        void theHistoryIsReadInPagesOldestFirstWhoseCursorsServeThatRecordOnly() {
            for (int i = 0; i < 5; i++) {
                write(adaPresent("note " + i));
            }
            write(status("E-1", "2026-11-26", "present"));

            assertThat(allPages((cursor, limit) -> reads.history(ADA, DAY, cursor, limit), 2))
                    .isEqualTo(reads.history(ADA, DAY, Optional.empty(), Optional.empty()).items())
                    .extracting(event -> event.after().orElseThrow().version()).containsExactly(1L, 2L, 3L, 4L, 5L);
            String next = reads.history(ADA, DAY, Optional.empty(), Optional.of(2)).nextCursor().orElseThrow();
            assertThat(fields(catchThrowableOfType(ValidationFailed.class,
                    () -> reads.history(ADA, WorkDate.of(2026, 11, 26), Optional.of(next), Optional.empty()))))
                    .containsExactly("cursor");
            assertThat(fields(catchThrowableOfType(ValidationFailed.class,
                    () -> reads.history(ADA, DAY, Optional.empty(), Optional.of(Page.MAX_LIMIT + 1)))))
                    .containsExactly("limit");
        }

        @Test
        void aV1CreateIsAuditedAndVisibleInV2() {
            AttendanceRecord created = app.recordAttendance.record(
                    Commands.recordAttendance("E-1", null, "Half Day", "2026-11-26"), ACTOR);

            assertThat(reads.get(ADA, WorkDate.of(2026, 11, 26))).isEqualTo(created);
            List<AuditEvent> history = reads.history(ADA, WorkDate.of(2026, 11, 26), Optional.empty(), Optional.empty()).items();
            assertThat(history).extracting(AuditEvent::action).containsExactly(AuditAction.CREATED);
            assertThat(history.get(0).after()).hasValueSatisfying(after ->
                    assertThat(after.entry().source()).isEqualTo(RecordSource.V1));
            assertThat(history.get(0).actor()).isEqualTo(ACTOR);
        }

    }

    @Nested
    class Reads {

        @Test
        void anEmployeesRecordsInARangeComeByDate() {
            write(status("E-1", "2026-11-03", "Present"));
            write(status("E-1", "2026-11-01", "Absent"));
            write(status("E-1", "2026-10-31", "Holiday"));
            write(status("E-2", "2026-11-02", "Present"));

            assertThat(reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30)).extracting(AttendanceRecord::date)
                    .containsExactly(WorkDate.of(2026, 11, 1), WorkDate.of(2026, 11, 3));
            assertThat(reads.ofEmployee(BOB, DAY, DAY)).isEmpty();
        }

        @Test
        void aRangeEndsNoEarlierThanItStartsAndSpansAtMost366Days() {
            assertThat(fields(catchThrowableOfType(ValidationFailed.class,
                    () -> reads.ofEmployee(ADA, NOVEMBER_30, NOVEMBER_1)))).containsExactly("to");
            assertThat(fields(catchThrowableOfType(ValidationFailed.class,
                    () -> reads.ofEmployee(ADA, NOVEMBER_1, WorkDate.of(2027, 11, 3))))).containsExactly("to");
            assertThat(reads.ofEmployee(ADA, NOVEMBER_1, WorkDate.of(2027, 11, 2))).isEmpty();
        }

        @Test
        void aSearchPagesThroughEveryMatchOnceByDateThenEmployee() {
            List<AttendanceRecord> expected = new ArrayList<>();
            for (int day = 1; day <= 12; day++) {
                for (int e = 1; e <= 2; e++) {
                    String status = (day + e) % 3 == 0 ? "Absent" : "Present";
                    AttendanceRecord record = write(status("E-" + e, String.format("2026-11-%02d", day), status)).value();
                    if (day >= 2 && day <= 11 && record.status() == AttendanceStatus.PRESENT) {
                        expected.add(record);
                    }
                }
            }
            AttendanceQuery present = query(WorkDate.of(2026, 11, 2), WorkDate.of(2026, 11, 11), null, AttendanceStatus.PRESENT);

            for (int limit : List.of(1, 2, 3, 5, 100)) {
                assertThat(allPages((cursor, size) -> reads.search(present, cursor, size), limit))
                        .as("limit %d", limit).containsExactlyElementsOf(expected);
            }
            assertThat(reads.search(query(NOVEMBER_1, NOVEMBER_30, "Ops", null), Optional.empty(), Optional.empty()).items())
                    .hasSize(12).allSatisfy(record -> assertThat(record.employeeId()).isEqualTo(ADA));
        }

        @Test
        void aSearchFindsWhatChangedSinceAnInstant() {
            write(status("E-1", "2026-11-01", "Present"));
            Instant before = CLOCK.instant();

            AttendanceQuery since = new AttendanceQuery(NOVEMBER_1, NOVEMBER_30, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(before.plusNanos(1000)));
            AttendanceQuery sinceTheWrite = new AttendanceQuery(NOVEMBER_1, NOVEMBER_30, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(before));

            assertThat(reads.search(since, Optional.empty(), Optional.empty()).items()).isEmpty();
            assertThat(reads.search(sinceTheWrite, Optional.empty(), Optional.empty()).items()).hasSize(1);
        }

        @Test
        void aSearchLimitOutside1To1000IsRefused() {
            for (int limit : List.of(0, 1001, 5000)) {
                assertThat(fields(catchThrowableOfType(ValidationFailed.class, () -> reads.search(
                        query(NOVEMBER_1, NOVEMBER_30, null, null), Optional.empty(), Optional.of(limit))))).containsExactly("limit");
            }
        }

        @Test
        void aTamperedOrForeignCursorIsRefused() {
            write(status("E-1", "2026-11-01", "Present"));
            write(status("E-1", "2026-11-02", "Present"));
            AttendanceQuery november = query(NOVEMBER_1, NOVEMBER_30, null, null);
            String cursor = reads.search(november, Optional.empty(), Optional.of(1)).nextCursor().orElseThrow();
            String forged = new CursorCodec("another secret, sixteen bytes+".getBytes())
                    .encode(november, new AttendanceKey(NOVEMBER_1, ADA));

            for (String bad : List.of(cursor.substring(1), cursor + "A", forged, "", "not-a-cursor", "a.b", ".", "%%%.%%%")) {
                assertThat(fields(catchThrowableOfType(ValidationFailed.class,
                        () -> reads.search(november, Optional.of(bad), Optional.of(1))))).as(bad).containsExactly("cursor");
            }
            assertThat(fields(catchThrowableOfType(ValidationFailed.class, () -> reads.search(
                    query(NOVEMBER_1, NOVEMBER_30, null, AttendanceStatus.PRESENT), Optional.of(cursor), Optional.of(1)))))
                    .as("another query").containsExactly("cursor");
            assertThat(reads.search(november, Optional.of(cursor), Optional.of(10)).items()).as("another limit is fine")
                    .extracting(AttendanceRecord::date).containsExactly(WorkDate.of(2026, 11, 2));
        }

    }

    @Nested
    class LostRaces {

        private final LosingDayChanges losingDays = new LosingDayChanges(app.store.dayChanges());
        private final RecordWrites racingPuts = app.withDayChanges(losingDays).recordWrites();
        private final LosingRecords losing = new LosingRecords(app.storedRecords);
        private final RecordWrites racing = app.withRecords(losing).recordWrites();

        @Test
        void anUpsertThatLosesARaceRunsAgainOverTheWinnersVersionAndAuditsOnce() {
            write(adaPresent("one"));
            losingDays.anotherWriterWinsTheNextRace(() -> write(adaPresent("theirs")));

            Written<AttendanceRecord> written = racingPuts.put(adaPresent("two"), Precondition.NONE, ACTOR);

            assertThat(written.outcome()).isEqualTo(Written.Outcome.UPDATED);
            assertThat(written.value().version()).isEqualTo(3);
            assertThat(app.records.find(ADA, DAY)).contains(written.value());
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED, AuditAction.UPDATED, AuditAction.UPDATED);
        }

        @Test
        void aCreateThatLosesARaceRunsAgainAndRevisesTheWinnersRecord() {
            losingDays.anotherWriterWinsTheNextRace(() -> write(adaPresent("theirs")));

            Written<AttendanceRecord> written = racingPuts.put(adaPresent("one"), Precondition.NONE, ACTOR);

            assertThat(written.outcome()).isEqualTo(Written.Outcome.UPDATED);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
        }

        @Test
        void aPinnedWriteThatLosesARaceFailsItsPrecondition() {
            write(adaPresent("one"));
            losingDays.anotherWriterWinsTheNextRace(() -> write(adaPresent("theirs")));
            assertThatThrownBy(() -> racingPuts.put(adaPresent("two"), Precondition.ifMatch(1), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);

            losingDays.anotherWriterWinsTheNextRace(() -> write(status("E-1", "2026-11-26", "Present")));
            assertThatThrownBy(() -> racingPuts.put(status("E-1", "2026-11-26", "Absent"), Precondition.ifNoneMatchAny(), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);

            losing.lostRemoves.set(1);
            assertThatThrownBy(() -> racing.delete(ADA, DAY, Precondition.ifMatch(2), ACTOR))
                    .isInstanceOf(PreconditionFailed.class);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED, AuditAction.UPDATED);
        }

        @Test
        void aDeleteThatLosesARaceRunsAgain() {
            write(adaPresent("one"));
            losing.lostRemoves.set(1);

            racing.delete(ADA, DAY, Precondition.NONE, ACTOR);

            assertThat(app.records.find(ADA, DAY)).isEmpty();
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED, AuditAction.DELETED);
        }

        @Test
        void aDeleteThatKeepsLosingIsAConflictAndChangesNothing() {
            AttendanceRecord stored = write(adaPresent("one")).value();
            losing.lostRemoves.set(100);

            assertThatThrownBy(() -> racing.delete(ADA, DAY, Precondition.NONE, ACTOR)).isInstanceOf(Conflict.class);

            assertThat(app.records.find(ADA, DAY)).contains(stored);
            assertThat(actions(ADA, DAY)).containsExactly(AuditAction.CREATED);
        }
    }

    @Nested
    class TheCacheNeverHidesAWrite {

        private final AttendanceQuery november = query(NOVEMBER_1, NOVEMBER_30, null, null);

        /** Reads the record, Ada's month and the first page of November, and checks they are cached now. */
        private void warm(WorkDate date) {
            try {
                reads.get(ADA, date);
            } catch (NotFound absent) {
                // an absent record is cached too
            }
            reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30);
            reads.search(november, Optional.empty(), Optional.empty());
            assertThat(isHit(app.cache.lookup(CachedReads.record(ADA, date)))).isTrue();
            assertThat(isHit(app.cache.lookup(CachedReads.recordsOfEmployee(ADA, NOVEMBER_1, NOVEMBER_30)))).isTrue();
            assertThat(isHit(app.cache.lookup(CachedReads.attendancePage(november, Optional.empty(), Page.DEFAULT_LIMIT + 1))))
                    .isTrue();
        }

        private List<AttendanceStatus> statuses(List<AttendanceRecord> records) {
            return records.stream().map(AttendanceRecord::status).toList();
        }

        @Test
        void aWarmCacheNeverHidesAPut() {
            write(status("E-1", "2026-11-27", "Present"));
            warm(DAY);

            write(status("E-1", "2026-11-27", "Absent"));

            assertThat(reads.get(ADA, DAY).status()).isEqualTo(AttendanceStatus.ABSENT);
            assertThat(statuses(reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30))).containsExactly(AttendanceStatus.ABSENT);
            assertThat(statuses(reads.search(november, Optional.empty(), Optional.empty()).items()))
                    .containsExactly(AttendanceStatus.ABSENT);
        }

        @Test
        void aWarmCacheNeverHidesANewRecord() {
            warm(DAY);

            write(status("E-1", "2026-11-27", "Present"));

            assertThat(reads.get(ADA, DAY).status()).isEqualTo(AttendanceStatus.PRESENT);
            assertThat(reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30)).hasSize(1);
            assertThat(reads.search(november, Optional.empty(), Optional.empty()).items()).hasSize(1);
        }

        @Test
        void aWarmCacheNeverHidesADeletion() {
            write(status("E-1", "2026-11-27", "Present"));
            warm(DAY);

            writes.delete(ADA, DAY, Precondition.NONE, ACTOR);

            assertThatThrownBy(() -> reads.get(ADA, DAY)).isInstanceOf(NotFound.class);
            assertThat(reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30)).isEmpty();
            assertThat(reads.search(november, Optional.empty(), Optional.empty()).items()).isEmpty();
        }

        @Test
        void aWarmCacheNeverHidesABatch() {
            write(status("E-1", "2026-11-27", "Present"));
            warm(DAY);

            app.importBatch.apply(List.of(item("E-1", "2026-11-27", "Holiday", null, null, null),
                    item("E-2", "2026-11-27", "Absent", null, null, null)), ACTOR);

            assertThat(reads.get(ADA, DAY).status()).isEqualTo(AttendanceStatus.HOLIDAY);
            assertThat(statuses(reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30))).containsExactly(AttendanceStatus.HOLIDAY);
            assertThat(statuses(reads.search(november, Optional.empty(), Optional.empty()).items()))
                    .containsExactly(AttendanceStatus.HOLIDAY, AttendanceStatus.ABSENT);
        }

        @Test
        void aWarmCacheNeverHidesAV1Create() {
            warm(DAY);
            assertThat(app.lookUpAttendance.latestOf(ADA)).isEmpty();

            app.recordAttendance.record(Commands.recordAttendance("E-1", null, "Present", "2026-11-27"), ACTOR);

            assertThat(reads.get(ADA, DAY).entry().source()).isEqualTo(RecordSource.V1);
            assertThat(reads.ofEmployee(ADA, NOVEMBER_1, NOVEMBER_30)).hasSize(1);
            assertThat(reads.search(november, Optional.empty(), Optional.empty()).items()).hasSize(1);
            assertThat(app.lookUpAttendance.latestOf(ADA)).isPresent();
        }

        @Test
        void aWarmV1CacheNeverHidesAV2Write() {
            app.recordAttendance.record(Commands.recordAttendance("E-1", null, "Present", "2026-11-27"), ACTOR);
            assertThat(app.lookUpAttendance.latestOf(ADA)).map(latest -> latest.record().status()).contains(AttendanceStatus.PRESENT);
            assertThat(LinesListing.everyRecord(app.lookUpAttendance)).containsExactly("E-1 2026-11-27 PRESENT");
            assertThat(isHit(app.cache.lookup(CachedReads.renderedAttendanceListing()))).isTrue();

            write(status("E-1", "2026-11-27", "Absent"));
            writes.delete(ADA, DAY, Precondition.NONE, ACTOR);
            write(status("E-2", "2026-11-26", "Holiday"));

            assertThat(app.lookUpAttendance.latestOf(ADA)).isEmpty();
            assertThat(LinesListing.everyRecord(app.lookUpAttendance)).containsExactly("E-2 2026-11-26 HOLIDAY");
        }

        @Test
        void aWarmSearchNeverHidesAnEmployeeChangingDepartment() {
            write(status("E-1", "2026-11-27", "Present"));
            AttendanceQuery ops = query(NOVEMBER_1, NOVEMBER_30, "Ops", null);
            assertThat(reads.search(ops, Optional.empty(), Optional.empty()).items()).hasSize(1);

            app.hire("E-1", "Ada Lovelace", "Sales", "Europe/Paris");

            assertThat(reads.search(ops, Optional.empty(), Optional.empty()).items()).isEmpty();
            assertThat(reads.search(query(NOVEMBER_1, NOVEMBER_30, "Sales", null), Optional.empty(), Optional.empty()).items())
                    .hasSize(1);
        }
    }
}
