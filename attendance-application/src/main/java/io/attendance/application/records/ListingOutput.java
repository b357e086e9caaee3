package io.attendance.application.records;

import java.util.Optional;

/**
 * Where a listing is written as it is read: element by element, or all at once in the serialised
 * form an earlier output of the same kind produced. An output keeps a serialised copy of what it
 * writes, for the cache, until told to forget it.
 *
 * @param <T> the elements
 */
public interface ListingOutput<T> {

    /** Writes the next element. */
    void write(T element);

    /** Writes a whole listing, serialised as {@link #finish} returned it from an earlier output. */
    void writeSerialised(byte[] listing);

    /** Stops keeping the serialised copy, and drops what was kept: the listing is too long to cache. */
    void forgetCopy();

    /** Ends the listing; returns its serialised copy, unless {@link #forgetCopy} was called. */
    Optional<byte[]> finish();
}
