package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.Grant;
import io.attendance.domain.model.Role;
import io.attendance.domain.model.SecretToken;
import io.attendance.domain.model.Session;
import io.attendance.domain.model.Username;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.LoginAttempts;
import io.attendance.domain.port.ReadCache;
import io.attendance.domain.port.SessionStore;
import io.attendance.testing.contract.LoginAttemptsContract;
import io.attendance.testing.contract.ReadCacheContract;
import io.attendance.testing.contract.SessionStoreContract;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * The cache, the sessions and the sign-in counts on a Redis Cluster of three masters (each a
 * redis-server of this test's own, slots assigned and nodes introduced by hand), reached through
 * {@code redis-cluster://} with two of them as seeds: every script runs there as it is, so each
 * port's contract holds.
 */
class RedisClusterTest {
    private static final int SLOTS = 16_384;
    private static final Duration CLUSTER_WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path directory;

    private static final List<RedisProcess> nodes = new ArrayList<>();
    private static final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static String clusterUrl;
    private static RedisStore cluster;

    @BeforeAll
    static void startCluster() {
        for (int i = 0; i < 3; i++) {
            nodes.add(RedisProcess.server(directory.resolve("node-" + i), "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "2000"));
        }
        for (int i = 0; i < nodes.size(); i++) {
            int first = i * SLOTS / nodes.size();
            int last = (i + 1) * SLOTS / nodes.size();
            try (Jedis node = nodes.get(i).connect()) {
                node.clusterAddSlots(IntStream.range(first, last).toArray());
            }
        }
        try (Jedis first = nodes.get(0).connect()) {
            nodes.stream().skip(1).forEach(node -> first.clusterMeet("127.0.0.1", node.port()));
        }
        long deadline = System.nanoTime() + CLUSTER_WAIT.toNanos();
        for (RedisProcess node : nodes) {
            try (Jedis connection = node.connect()) {
                while (!connection.clusterInfo().contains("cluster_state:ok")
                        || !connection.clusterInfo().contains("cluster_known_nodes:3")) {
                    assertThat(System.nanoTime() - deadline).as("the cluster formed in time").isNegative();
                    Attendances.sleep(Duration.ofMillis(50));
                }
            }
        }
        String url = "redis-cluster://:" + RedisProcess.PASSWORD + "@127.0.0.1:" + nodes.get(0).port()
                + ",127.0.0.1:" + nodes.get(1).port();
        clusterUrl = url;
        cluster = connectToCluster();
    }

    /** Patient: the contracts test what the cluster does, not how fast a busy machine runs it. */
    private static RedisStore connectToCluster() {
        return RedisStore.connect(RedisUrl.parse(clusterUrl), Duration.ofSeconds(60), registry,
                new RedisTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), RedisFaults.DEFAULT_PAUSE);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        nodes.forEach(RedisProcess::close);
    }

    private static void flushEveryNode() {
        for (RedisProcess node : nodes) {
            try (Jedis connection = node.connect()) {
                connection.flushAll();
            }
        }
    }

    @Test
    void theCacheAndTheAccessKeysEachLiveOnOneNodeAndNoScriptFails() {
        flushEveryNode();
        ReadCache cache = cluster.readCache();
        for (int i = 0; i < 20; i++) {
            fill(cache.lookup(CachedReads.latestAttendance(new EmployeeId("E-" + i))),
                    Optional.of(attendance(ADA, i + 1)));
        }
        cache.employeesChanged(List.of(ADA, Attendances.BOB));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(new EmployeeId("E-3")))))
                .contains(attendance(ADA, 4));
        String digest = SecretToken.generate().digest();
        Instant now = Instant.now();
        Username alice = new Username("alice");
        cluster.sessionStore().open(digest, new Session(alice, new Grant(Set.of(Role.ADMIN), Optional.empty()), now,
                now.plus(Duration.ofHours(1)), 0), Duration.ofMinutes(5));
        cluster.loginAttempts().admit(alice, "192.0.2.1", LoginAttempts.Limits.DEFAULT);

        List<Integer> keysPerNode = nodes.stream().map(node -> {
            try (Jedis connection = node.connect()) {
                return Math.toIntExact(connection.dbSize());
            }
        }).toList();
        assertThat(keysPerNode).as("keys on each node").filteredOn(keys -> keys > 0).hasSizeBetween(1, 2);
        assertThat(count(registry, "cache.errors")).isZero();
    }

    /** A new instance each time: an instance that caught up remembers the position Redis must hold, and a flush loses it. */
    @Nested
    class Cache extends ReadCacheContract {
        private RedisStore store;

        @Override
        protected ReadCache emptyCache() {
            flushEveryNode();
            store = connectToCluster();
            return store.readCache();
        }

        @AfterEach
        void disconnect() {
            store.close();
        }
    }

    @Nested
    class Sessions extends SessionStoreContract {
        @Override
        protected SessionStore emptyStore() {
            flushEveryNode();
            return cluster.sessionStore();
        }

        @Override
        protected Instant now() {
            return Instant.now();
        }

        @Override
        protected void pass(Duration time) {
            Attendances.sleep(time);
        }
    }

    @Nested
    class Attempts extends LoginAttemptsContract {
        @Override
        protected LoginAttempts emptyAttempts() {
            flushEveryNode();
            return cluster.loginAttempts();
        }

        @Override
        protected void pass(Duration time) {
            Attendances.sleep(time);
        }
    }
}
