package io.attendance.application.sync;

import static io.attendance.application.InMemoryApplication.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.attendance.application.Commands;
import io.attendance.application.InMemoryApplication;
import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.application.sync.SyncAttendance.Changes;
import io.attendance.application.writing.Precondition;
import io.attendance.domain.error.FieldError;
import io.attendance.domain.error.ValidationFailed;
import io.attendance.domain.model.AuditAction;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.EmployeeQuery;
import io.attendance.domain.model.WorkDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyncAttendanceTest {
    private static final EmployeeId ADA = new EmployeeId("E-1");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);

    private final InMemoryApplication app = InMemoryApplication.staffed(new InMemoryApplication());
    private final SyncAttendance sync = app.useCases.attendance().syncAttendance();

    private void put(String employeeId, String date, String status) {
        app.recordWrites.put(Commands.status(employeeId, date, status), Precondition.NONE, ACTOR);
    }

    @Test
    void aConsumerGetsCreationsUpdatesAndDeletionsOncePageByPageAndThenOnlyWhatCameAfter() {
        put("E-1", "2026-11-27", "Present");
        put("E-2", "2026-11-27", "Absent");
        put("E-1", "2026-11-27", "Half Day");
        app.recordWrites.delete(ADA, DAY, Precondition.NONE, ACTOR);
        List<AuditEvent> seen = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();
        Optional<String> after = Optional.empty();
        Changes page;
        do {
            page = sync.changesAfter(after, Optional.of(3));
            seen.addAll(page.items());
            hasMore.add(page.hasMore());
            after = Optional.of(page.next());
        } while (page.hasMore());

        assertThat(seen).extracting(AuditEvent::employeeId, AuditEvent::action).containsExactly(
                tuple(ADA, AuditAction.CREATED), tuple(new EmployeeId("E-2"), AuditAction.CREATED),
                tuple(ADA, AuditAction.UPDATED), tuple(ADA, AuditAction.DELETED));
        assertThat(seen.get(3).after()).isEmpty();
        assertThat(hasMore).containsExactly(true, false);

        Changes caughtUp = sync.changesAfter(after, Optional.empty());
        assertThat(caughtUp.items()).isEmpty();
        assertThat(caughtUp.hasMore()).isFalse();
        put("E-1", "2026-11-28", "Present");
        assertThat(sync.changesAfter(Optional.of(caughtUp.next()), Optional.empty()).items())
                .extracting(AuditEvent::date).containsExactly(WorkDate.of(2026, 11, 28));
    }

    @Test
    void withoutATokenTheFeedStartsAtTheBeginningAndAnEmptyFeedStillHandsOutOne() {
        Changes empty = sync.changesAfter(Optional.empty(), Optional.empty());
        assertThat(empty.items()).isEmpty();
        assertThat(empty.next()).isNotBlank();

        put("E-1", "2026-11-27", "Present");

        assertThat(sync.changesAfter(Optional.of(empty.next()), Optional.empty()).items()).hasSize(1);
        assertThat(sync.changesAfter(Optional.empty(), Optional.empty()).items()).hasSize(1);
    }

    @Test
    void aBadLimitOrAForeignTokenIsRefusedNamingItsParameter() {
        String listingCursor = new CursorCodec(InMemoryApplication.SECRET).encode(EmployeeQuery.EVERYONE, ADA);

        assertThat(refusedField(() -> sync.changesAfter(Optional.empty(), Optional.of(0)))).isEqualTo("limit");
        assertThat(refusedField(() -> sync.changesAfter(Optional.empty(), Optional.of(Page.MAX_LIMIT + 1))))
                .isEqualTo("limit");
        assertThat(refusedField(() -> sync.changesAfter(Optional.of(listingCursor), Optional.empty())))
                .isEqualTo(SyncAttendance.AFTER);
        assertThat(refusedField(() -> sync.changesAfter(Optional.of("garbage"), Optional.empty())))
                .isEqualTo(SyncAttendance.AFTER);
    }

    private static String refusedField(Runnable call) {
        ValidationFailed refused = catchThrowableOfType(ValidationFailed.class, call::run);
        assertThat(refused).isNotNull();
        return refused.errors().stream().map(FieldError::field).reduce((a, b) -> a + "," + b).orElseThrow();
    }
}
