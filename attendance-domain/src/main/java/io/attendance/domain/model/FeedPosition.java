package io.attendance.domain.model;

import java.util.Comparator;

/**
 * A place in the feed of committed changes ({@link io.attendance.domain.port.ChangeFeed}): a reader
 * that has everything up to a position asks for what comes after it. Positions are ordered by
 * {@code transaction}, then {@code event}; what they count is the feed's own business.
 */
public record FeedPosition(long transaction, long event) implements Comparable<FeedPosition> {
    /** Before every change. */
    public static final FeedPosition START = new FeedPosition(0, 0);
    private static final Comparator<FeedPosition> ORDER = Comparator.comparingLong(FeedPosition::transaction)
            .thenComparingLong(FeedPosition::event);

    public FeedPosition {
        if (transaction < 0 || event < 0) {
            throw new IllegalArgumentException("a feed position is never negative, was " + transaction + "." + event);
        }
    }

    @Override
    public int compareTo(FeedPosition other) {
        return ORDER.compare(this, other);
    }

    /** {@code transaction:event}: how a position is stored and handed out as text. */
    public String text() {
        return transaction + ":" + event;
    }

    /** @throws IllegalArgumentException unless {@code text} is what {@link #text()} makes */
    public static FeedPosition parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("a feed position is transaction:event, was " + text);
        }
        return new FeedPosition(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    /** The later of the two. */
    public FeedPosition atLeast(FeedPosition other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
