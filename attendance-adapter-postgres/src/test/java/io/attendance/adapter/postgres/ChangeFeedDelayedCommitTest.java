package io.attendance.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.AttendanceRecord;
import io.attendance.domain.model.AttendanceStatus;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.Employee;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.model.WorkDate;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.ChangeFeed.RecordChanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change feed on PostgreSQL across a commit that comes late: a unit of work stamps and inserts its
 * change, then stays open while a later change commits. Ids and timestamps are handed out when a row
 * is written, not when it commits, so a reader that went on from the highest id or instant it had seen
 * would skip the late one for good; the feed holds the later change back until the late one has
 * committed, and then hands out both, once each.
 */
class ChangeFeedDelayedCommitTest {
    @RegisterExtension
    static final MigratedDatabase DATABASE = MigratedDatabase.ownPool();

    private static final Employee ADA = TestData.employee("E-1", "Ada Lovelace");
    private static final Employee BOB = TestData.employee("E-2", "Bob");
    private static final WorkDate DAY = WorkDate.of(2026, 11, 27);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChangeFeed feed = DATABASE.database().changeFeed();

    private static AuditEvent created(Employee employee, Instant at) {
        return AuditEvent.created(AttendanceRecord.first(employee.id(), DAY, AttendanceStatus.PRESENT, at), "user:alice");
    }

    /** Ids of the committed audit rows after {@code afterId}, as a reader keyed on ids sees them. */
    private static List<Long> idsAfter(long afterId) {
        return DATABASE.transactions().withHandle(handle -> handle
                .createQuery("SELECT id FROM <audit_events> WHERE id > :after ORDER BY id")
                .bind("after", afterId).mapTo(Long.class).list());
    }

    /** Ids of the committed audit rows stamped after {@code at}, as a reader keyed on timestamps sees them. */
    private static List<Long> idsStampedAfter(Instant at) {
        return DATABASE.transactions().withHandle(handle -> handle
                .createQuery("SELECT id FROM <audit_events> WHERE occurred_at > :at ORDER BY occurred_at")
                .bind("at", at).mapTo(Long.class).list());
    }

    @Test
    void aChangeCommittedLateIsNeitherSkippedNorReadTwiceWhereIdsAndTimestampsWouldSkipIt() throws Exception {
        AuditEvent first = created(BOB, TestData.NOW);
        DATABASE.auditTrail().append(first);
        RecordChanges start = feed.recordChangesAfter(FeedPosition.START, 10);
        assertThat(start.events()).containsExactly(first);
        long lastIdSeen = idsAfter(0).get(0);
        Instant lastStampSeen = first.at();

        AuditEvent late = created(ADA, TestData.NOW.plusSeconds(60));
        AuditEvent later = AuditEvent.updated(late.after().orElseThrow(),
                late.after().orElseThrow().revised(TestData.fullDay(DAY, "later"), TestData.NOW.plusSeconds(120)).orElseThrow(),
                "user:bob");
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<Void> longTransaction = CompletableFuture.runAsync(() -> DATABASE.transactions().runInTransaction(() -> {
            DATABASE.auditTrail().append(late);
            written.countDown();
            commit.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        }));
        RecordChanges whileOpen;
        try {
            assertThat(written.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            DATABASE.auditTrail().append(later);

            whileOpen = feed.recordChangesAfter(start.next(), 10);

            assertThat(whileOpen.events()).as("the later change waits for the transaction still open").isEmpty();
            List<Long> byId = idsAfter(lastIdSeen);
            assertThat(byId).as("a reader keyed on ids sees the later change alone").hasSize(1);
            assertThat(idsStampedAfter(lastStampSeen)).as("so does one keyed on timestamps").isEqualTo(byId);
            lastIdSeen = byId.get(0);
            lastStampSeen = later.at();
        } finally {
            commit.complete(null);
        }
        longTransaction.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(idsAfter(lastIdSeen)).as("the late change's id is below the one seen: skipped").isEmpty();
        assertThat(idsStampedAfter(lastStampSeen)).as("its stamp is older than the one seen: skipped").isEmpty();
        RecordChanges afterCommit = feed.recordChangesAfter(whileOpen.next(), 10);
        assertThat(afterCommit.events()).containsExactly(late, later);
        assertThat(feed.recordChangesAfter(afterCommit.next(), 10).events()).isEmpty();
    }
}
