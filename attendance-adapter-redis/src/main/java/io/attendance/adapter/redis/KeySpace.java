package io.attendance.adapter.redis;

/**
 * Where every key of the service lives: under {@code att:{att}:}. The hash tag {@code {att}} puts
 * all of them, the cache's and the sessions' alike, in one hash slot of a Redis Cluster, which runs a
 * script only over keys of one slot: a lookup reads the epoch, a generation and an entry at once, an
 * invalidation moves any number of generations, opening a session writes it and its user's set, and
 * a bearer request's session check and its first cache lookup are one script. The service's data thus
 * live on one master of a cluster.
 */
final class KeySpace {
    static final String PREFIX = "att:{att}:";

    private KeySpace() {
    }
}
