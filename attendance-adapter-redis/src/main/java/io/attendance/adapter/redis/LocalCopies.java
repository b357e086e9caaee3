package io.attendance.adapter.redis;

import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * The large values this instance last read from or stored in Redis, each with the generation it was
 * stored under, so that a lookup can ask Redis whether that entry is still
 * the current one instead of moving its body again. Only values of at least {@code minBytes} stored
 * bytes are kept (for smaller ones the round trip costs as much as the body), and at most
 * {@code maxBytes} in all: the copy used longest ago is dropped first. A copy is never served on
 * its own word: {@link RedisReadCache} asks Redis each time.
 */
final class LocalCopies {
    /** One value as it was stored, with the generations it was stored under ("epoch.counter"). */
    record Copy(String generation, Object value, int bytes) {
    }

    private final int minBytes;
    private final long maxBytes;
    /** By entry key ({@link CacheKeys#entry}); in access order, eldest first. */
    private final LinkedHashMap<String, Copy> copies = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    LocalCopies(int minBytes, long maxBytes) {
        this.minBytes = minBytes;
        this.maxBytes = maxBytes;
    }

    /** The copy held for an entry, or null. */
    synchronized Copy get(String entry) {
        return copies.get(entry);
    }

    /**
     * Holds the value stored under {@code generation} for that entry, in place of any earlier copy,
     * when it is large enough to be worth it and small enough to fit.
     */
    synchronized void keep(String entry, String generation, Object value, int storedBytes) {
        if (storedBytes < minBytes || storedBytes > maxBytes) {
            return;
        }
        drop(entry);
        copies.put(entry, new Copy(generation, value, storedBytes));
        bytes += storedBytes;
        Iterator<Copy> eldestFirst = copies.values().iterator();
        while (bytes > maxBytes) {
            bytes -= eldestFirst.next().bytes();
            eldestFirst.remove();
        }
    }

    /** Drops the copy of an entry, unless another copy replaced it meanwhile. */
    synchronized void forget(String entry, Copy copy) {
        if (copy != null && copies.get(entry) == copy) {
            drop(entry);
        }
    }

    /** The stored bytes of every copy held. */
    synchronized long bytes() {
        return bytes;
    }

    private void drop(String entry) {
        Copy dropped = copies.remove(entry);
        if (dropped != null) {
            bytes -= dropped.bytes();
        }
    }
}
