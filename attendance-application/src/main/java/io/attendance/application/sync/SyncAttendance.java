package io.attendance.application.sync;

import io.attendance.application.reading.CursorCodec;
import io.attendance.application.reading.Page;
import io.attendance.domain.model.AuditEvent;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.ChangeFeed.RecordChanges;
import io.attendance.domain.port.ChangeFeed;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Incremental sync of attendance records for systems that keep a copy (payroll, reporting): every
 * committed creation, update and deletion, in commit order, one page at a time after a token the
 * previous page handed out. A consumer that stores each page's token and asks again from it sees
 * every change exactly once, however long the transaction that made it took. Never cached: a cached
 * page could hand out a token behind changes it does not hold.
 */
public final class SyncAttendance {
    /** The parameter that carries the token, as refusals name it. */
    public static final String AFTER = "after";

    private final ChangeFeed feed;
    private final CursorCodec tokens;

    public SyncAttendance(ChangeFeed feed, CursorCodec tokens) {
        this.feed = feed;
        this.tokens = tokens;
    }

    /**
     * The record changes after {@code after} (from the beginning of history without one), at most
     * {@code requestedLimit} ({@value Page#DEFAULT_LIMIT} unless asked, at most {@value Page#MAX_LIMIT}).
     *
     * @throws io.attendance.domain.error.ValidationFailed on {@code limit} out of range, or on
     *         {@value #AFTER} when the token is not one this read handed out
     */
    public Changes changesAfter(Optional<String> after, Optional<Integer> requestedLimit) {
        int limit = Page.limit(requestedLimit);
        FeedPosition from = tokens.decodeFeedPosition(AFTER, after).orElse(FeedPosition.START);
        RecordChanges read = feed.recordChangesAfter(from, limit);
        return new Changes(read.events(), tokens.encode(read.next()), read.full());
    }

    /**
     * One page of changes, oldest first. {@code next} is always given, also when there were none, to
     * be passed back as {@value #AFTER}; {@code hasMore} when the page is full, so the consumer reads
     * on at once, else it is caught up as of this read and polls later.
     */
    public record Changes(List<AuditEvent> items, String next, boolean hasMore) {
        public Changes {
            items = List.copyOf(items);
            Objects.requireNonNull(next, "next");
        }
    }
}
