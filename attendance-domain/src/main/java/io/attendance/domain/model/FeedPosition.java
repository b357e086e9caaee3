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

    /** The later of the two. */
    public FeedPosition atLeast(FeedPosition other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
