package io.attendance.adapter.redis;

import static io.attendance.adapter.redis.Attendances.ADA;
import static io.attendance.adapter.redis.Attendances.BOB;
import static io.attendance.adapter.redis.Attendances.DAY;
import static io.attendance.adapter.redis.Attendances.NOVEMBER;
import static io.attendance.adapter.redis.Attendances.attendance;
import static io.attendance.adapter.redis.Attendances.closedPort;
import static io.attendance.adapter.redis.Attendances.count;
import static io.attendance.adapter.redis.Attendances.eventually;
import static io.attendance.adapter.redis.Attendances.fill;
import static io.attendance.adapter.redis.Attendances.hitValue;
import static io.attendance.adapter.redis.Attendances.listing;
import static io.attendance.adapter.redis.Attendances.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.attendance.domain.model.EmployeeAttendance;
import io.attendance.domain.model.EmployeeId;
import io.attendance.domain.model.FeedPosition;
import io.attendance.domain.port.Cached;
import io.attendance.domain.port.CachedReads;
import io.attendance.domain.port.ChangeFeed;
import io.attendance.domain.port.ReadCache;
import io.attendance.embedded.EmbeddedRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redis down, dying, black-holed or coming back: the service never notices but in its meters. */
class RedisOutageTest {
    private static final Duration ENTRY_TTL = Duration.ofSeconds(60);
    /** What the test of a silent Redis measures; short, as in production. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    /** Far beyond {@link #TIMEOUT}: a lookup that waited on the silent server would never end. */
    private static final Duration HANGING = Duration.ofSeconds(8);
    /**
     * For every other test: so long that a busy machine never turns a call to a live server into a
     * fault, and so a hit these tests expect into a miss. A stopped server fails calls at once anyway.
     */
    private static final Duration PATIENT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_FAULT = Duration.ofMillis(200);
    private static final FeedPosition FIRST = new FeedPosition(7, 0);
    private static final FeedPosition SECOND = new FeedPosition(9, 0);
    private static final FeedPosition THIRD = new FeedPosition(12, 0);

    @TempDir
    Path dataDirectory;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private EmbeddedRedisServer server;
    private RedisStore store;

    @BeforeEach
    void startOwnServer() {
        server = EmbeddedRedisServer.start(dataDirectory);
        store = connect(server.url());
    }

    @AfterEach
    void stopOwnServer() {
        store.close();
        server.close();
    }

    @Test
    void withNoRedisAtAllTheServiceStartsAndEveryCallIsAHarmlessCountedMiss() {
        try (RedisStore nowhere = connect("redis://127.0.0.1:" + closedPort())) {
            ReadCache cache = nowhere.readCache();

            Cached<Optional<EmployeeAttendance>> lookup = cache.lookup(CachedReads.latestAttendance(ADA));
            fill(lookup, Optional.of(attendance(ADA, 1)));
            cache.employeeChanged(ADA);
            fill(cache.lookup(CachedReads.renderedAttendanceListing()), listing(attendance(ADA, 1)));

            assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
            assertThat(nowhere.healthProbe().isUp()).isFalse();
            assertThat(count(registry, "cache.errors", "cache", "attendance")).isPositive();
            assertThat(count(registry, "cache.gets", "result", "hit")).isZero();
        }
    }

    /** Their clients ask the servers for the topology when built: that must wait for the first call. */
    @ParameterizedTest
    @ValueSource(strings = {"redis-cluster://127.0.0.1:%d,127.0.0.1:%d", "redis-sentinel://127.0.0.1:%d,127.0.0.1:%d/mymaster"})
    void aClusterOrSentinelsDownAtStartUpStartTheServiceAndEveryCallIsAHarmlessCountedMiss(String form) {
        try (RedisStore nowhere = connect(String.format(form, closedPort(), closedPort()))) {
            ReadCache cache = nowhere.readCache();

            fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            cache.employeeChanged(ADA);

            assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
            assertThat(nowhere.healthProbe().isUp()).isFalse();
            assertThat(count(registry, "cache.errors", "cache", "attendance")).isPositive();
        }
    }

    @Test
    void aRedisThatNeverAnswersCostsOneShortTimeoutAndThenNothingUntilThePauseEnds() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             RedisStore blackHoled = RedisStore.connect(RedisUrl.parse("redis://127.0.0.1:" + silent.getLocalPort()),
                     ENTRY_TTL, registry, new RedisTimeouts(TIMEOUT, TIMEOUT), Duration.ofMinutes(1))) {
            ReadCache cache = blackHoled.readCache();

            long first = timeMillis(() -> cache.lookup(CachedReads.latestAttendance(ADA)));
            for (int i = 0; i < 100; i++) {
                cache.lookup(CachedReads.latestAttendance(ADA));
                cache.employeeChanged(ADA);
            }

            // it waited its timeout (a floor no busy machine lowers) and gave up: the silent server never answers,
            // so any bound tells that from a hang; then not a single call more while the pause runs
            assertThat(first).isBetween(TIMEOUT.toMillis() - 50, HANGING.toMillis());
            assertThat(count(registry, "cache.errors")).as("not a single timeout more").isEqualTo(1);
        }
    }

    @Test
    void aServerThatStopsTurnsLookupsIntoMissesAndItsDataAreServedAgainOnceItIsBack() {
        ReadCache cache = store.readCache();
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));

        server.close();

        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        fill(cache.lookup(CachedReads.latestAttendance(BOB)), Optional.of(attendance(BOB, 1)));
        assertThat(store.healthProbe().isUp()).isFalse();
        assertThat(count(registry, "cache.errors")).isPositive();

        server = EmbeddedRedisServer.start(dataDirectory, server.port());

        eventually(() -> cache.lookup(CachedReads.latestAttendance(ADA)) instanceof Cached.Hit);
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));
        assertThat(store.healthProbe().isUp()).isTrue();
    }

    @Test
    void aValueHeldInProcessIsNotServedWhileRedisCannotSayItIsCurrent() {
        ReadCache cache = store.readCache();
        byte[] large = new byte[RedisReadCache.MIN_LOCAL_COPY_BYTES];
        fill(cache.lookup(CachedReads.renderedAttendanceListing()), large);
        assertThat(hitValue(cache.lookup(CachedReads.renderedAttendanceListing()))).isSameAs(large);

        server.close();

        assertThat(cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
        assertThat(count(registry, "cache.errors")).isPositive();
    }

    /** Catches up with a feed that reports {@code changed} up to {@code next}. */
    private static void catchUp(ReadCache cache, FeedPosition next, EmployeeId... changed) {
        cache.catchUp(after -> new ChangeFeed.ChangedEmployees(Set.of(changed), false, next));
    }

    @Test
    void aChangeMadeWhileRedisWasDownIsNeverServedAndTheCatchUpDropsOnlyWhatChanged() {
        ReadCache cache = store.readCache();
        catchUp(cache, FIRST);
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        fill(cache.lookup(CachedReads.latestAttendance(BOB)), Optional.of(attendance(BOB, 1)));
        fill(cache.lookup(CachedReads.renderedAttendanceListing()), listing(attendance(ADA, 1), attendance(BOB, 1)));
        fill(cache.lookup(CachedReads.record(BOB, DAY)), Optional.of(record(BOB, 1)));
        server.close();

        cache.employeeChanged(ADA);
        server = EmbeddedRedisServer.start(dataDirectory, server.port());

        eventually(() -> store.healthProbe().isUp());
        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).as("until a catch-up").isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.latestAttendance(BOB))).as("until a catch-up").isInstanceOf(Cached.Miss.class);
        catchUpOnceRedisAnswers(cache, after -> {
            assertThat(after).contains(FIRST);
            return new ChangeFeed.ChangedEmployees(Set.of(ADA), false, SECOND);
        });
        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        assertThat(cache.lookup(CachedReads.renderedAttendanceListing())).isInstanceOf(Cached.Miss.class);
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(BOB)))).as("not changed, kept")
                .contains(attendance(BOB, 1));
        assertThat(hitValue(cache.lookup(CachedReads.record(BOB, DAY)))).contains(record(BOB, 1));
    }

    @Test
    void anInstanceThatNeverHeardOfAChangeServesItsEntryNoLongerThanUntilItsNextCatchUp() {
        ReadCache writer = store.readCache();
        try (RedisStore otherInstance = connect(server.url())) {
            ReadCache reader = otherInstance.readCache();
            catchUp(reader, FIRST);
            fill(reader.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));

            // the writer commits and stops before it tells the cache: its invalidation never arrives
            assertThat(hitValue(reader.lookup(CachedReads.latestAttendance(ADA)))).as("the failure mode")
                    .contains(attendance(ADA, 1));
            catchUp(reader, SECOND, ADA);

            assertThat(reader.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
            assertThat(writer.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        }
    }

    @Test
    void aRedisRestartedFromOlderDataIsNotTrustedUntilACatchUpHasTakenInWhatItLost(@TempDir Path olderData)
            throws IOException {
        ReadCache cache = store.readCache();
        try (var redis = TestRedis.client(server.url())) {
            redis.configSet("appendfsync", "always");
        }
        catchUp(cache, FIRST);
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        copyDirectory(dataDirectory, olderData);
        cache.employeeChanged(ADA);
        catchUp(cache, SECOND, ADA);
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 2)));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 2));

        server.close();
        server = EmbeddedRedisServer.start(olderData, server.port());
        eventually(() -> store.healthProbe().isUp());

        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).as("the value from before, back in Redis")
                .isInstanceOf(Cached.Miss.class);
        catchUpOnceRedisAnswers(cache, after -> {
            assertThat(after).as("the position Redis came back with").contains(FIRST);
            return new ChangeFeed.ChangedEmployees(Set.of(ADA), false, THIRD);
        });
        Cached<Optional<EmployeeAttendance>> afterCatchUp = cache.lookup(CachedReads.latestAttendance(ADA));
        assertThat(afterCatchUp).isInstanceOf(Cached.Miss.class);
        fill(afterCatchUp, Optional.of(attendance(ADA, 2)));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 2));
        try (RedisStore startedAfterTheLoss = connect(server.url())) {
            assertThat(hitValue(startedAfterTheLoss.readCache().lookup(CachedReads.latestAttendance(ADA))))
                    .contains(attendance(ADA, 2));
        }
    }

    @Test
    void aRedisThatLostEverythingHasEveryoneCountedAsChanged() {
        ReadCache cache = store.readCache();
        catchUp(cache, FIRST);
        try (var redis = TestRedis.client(server.url())) {
            redis.flushAll();
        }

        assertThat(cache.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
        cache.catchUp(after -> {
            assertThat(after).isEmpty();
            return ChangeFeed.ChangedEmployees.everyoneUpTo(SECOND);
        });
        fill(cache.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
        assertThat(hitValue(cache.lookup(CachedReads.latestAttendance(ADA)))).contains(attendance(ADA, 1));
    }

    @Test
    void aFullRedisThatRefusesEveryWriteStillTakesEveryInvalidation() {
        ReadCache writer = store.readCache();
        try (RedisStore otherInstance = connect(server.url()); var redis = TestRedis.client(server.url())) {
            ReadCache reader = otherInstance.readCache();
            catchUp(reader, FIRST);
            fill(reader.lookup(CachedReads.latestAttendance(ADA)), Optional.of(attendance(ADA, 1)));
            fill(reader.lookup(CachedReads.latestAttendance(BOB)), Optional.of(attendance(BOB, 1)));
            redis.configSet("maxmemory-policy", "noeviction");
            redis.configSet("maxmemory", "1");

            writer.employeeChanged(ADA);
            Cached<Optional<EmployeeAttendance>> afterTheChange = reader.lookup(CachedReads.latestAttendance(ADA));
            assertThat(afterTheChange).isInstanceOf(Cached.Miss.class);
            fill(afterTheChange, Optional.of(attendance(ADA, 2)));
            assertThat(count(registry, "cache.errors", "operation", "fill")).as("refused: out of memory").isPositive();
            catchUp(reader, SECOND, BOB);

            assertThat(count(registry, "cache.errors", "operation", "invalidate")).isZero();
            assertThat(count(registry, "cache.errors", "operation", "catch-up")).isZero();
            assertThat(reader.lookup(CachedReads.latestAttendance(ADA))).isInstanceOf(Cached.Miss.class);
            assertThat(reader.lookup(CachedReads.latestAttendance(BOB))).isInstanceOf(Cached.Miss.class);
        }
    }

    private void catchUpOnceRedisAnswers(ReadCache cache,
                                         Function<Optional<FeedPosition>, ChangeFeed.ChangedEmployees> feed) {
        double applied = count(registry, "cache.catchups", "result", "applied");
        eventually(() -> {
            cache.catchUp(feed);
            return count(registry, "cache.catchups", "result", "applied") > applied;
        });
    }

    private static void copyDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private RedisStore connect(String url) {
        return RedisStore.connect(RedisUrl.parse(url), ENTRY_TTL, registry,
                new RedisTimeouts(PATIENT_TIMEOUT, PATIENT_TIMEOUT), PAUSE_AFTER_FAULT);
    }

    private static long timeMillis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }
}
