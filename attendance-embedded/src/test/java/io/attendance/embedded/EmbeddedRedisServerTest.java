package io.attendance.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

class EmbeddedRedisServerTest {
    @TempDir
    Path dataDirectory;

    @Test
    void itListensOnLoopbackAtAFreePortAndAnswers() {
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(dataDirectory);
             RedisClient redis = client(server)) {

            assertThat(server.url()).matches("redis://:[A-Za-z0-9_-]{43}@127\\.0\\.0\\.1:" + server.port());
            assertThat(server.address()).isEqualTo("redis://127.0.0.1:" + server.port());
            assertThat(server.isRunning()).isTrue();
            assertThat(redis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void whatItHoldsSurvivesARestartOnTheSameDirectory() {
        Path data = dataDirectory.resolve("not yet created");
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(data);
             RedisClient redis = client(first)) {
            redis.set("att:test:kept", "across restarts");
        }

        try (EmbeddedRedisServer second = EmbeddedRedisServer.start(data);
             RedisClient redis = client(second)) {
            assertThat(redis.get("att:test:kept")).isEqualTo("across restarts");
        }
        assertThat(data.resolve("attendance.aof")).exists();
    }

    @Test
    void aClientWithoutThePasswordIsRefused() {
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(dataDirectory);
             RedisClient anonymous = RedisClient.create(URI.create(server.address()))) {

            assertThatThrownBy(anonymous::ping).hasMessageContaining("NOAUTH");
        }
    }

    @Test
    void thePasswordIsKeptOwnerOnlyAndSurvivesARestart() throws Exception {
        String firstUrl;
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(dataDirectory)) {
            firstUrl = first.url();
        }
        Path passwordFile = dataDirectory.resolve(EmbeddedRedisServer.PASSWORD_FILE);
        assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(GeneratedPasswords.OWNER_ONLY);

        try (EmbeddedRedisServer second = EmbeddedRedisServer.start(dataDirectory);
             RedisClient redis = RedisClient.create(URI.create(firstUrl.replaceFirst(":\\d+$", ":" + second.port())))) {
            assertThat(second.url()).isEqualTo(firstUrl.replaceFirst(":\\d+$", ":" + second.port()));
            assertThat(redis.ping()).isEqualTo("PONG");
        }
        assertThat(Files.readString(passwordFile)).contains(firstUrl.replaceAll("^redis://:|@.*$", ""));
    }

    @Test
    void aPortInUseIsReportedAndClosingTwiceIsHarmless() {
        EmbeddedRedisServer running = EmbeddedRedisServer.start(dataDirectory.resolve("a"));
        try {
            assertThatThrownBy(() -> EmbeddedRedisServer.start(dataDirectory.resolve("b"), running.port()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(Integer.toString(running.port()));
        } finally {
            running.close();
            running.close();
        }
        assertThat(running.isRunning()).isFalse();
        assertThat(Files.isDirectory(dataDirectory.resolve("b"))).isTrue();
    }

    /**
     * Redis writes its files with the mode the umask leaves: the append-only file, snapshots and
     * their rewrites (new files, renamed over the old ones), and the pid file.
     */
    @Test
    void theDirectoryAndEveryFileRedisWritesAreTheOwnersAlone() throws Exception {
        Path data = dataDirectory.resolve("redis");
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(data);
             RedisClient redis = client(server)) {
            redis.set("att:test:kept", "a cached record");
            redis.sendCommand(Protocol.Command.BGSAVE);
            awaitDone(redis, "rdb_bgsave_in_progress:0");
            redis.sendCommand(Protocol.Command.BGREWRITEAOF);
            awaitDone(redis, "aof_rewrite_scheduled:0", "aof_rewrite_in_progress:0");
            assertThat(redis.info("persistence")).contains("rdb_last_bgsave_status:ok", "aof_last_bgrewrite_status:ok");

            assertOwnerOnly(data);
        }
        // stopping writes a last snapshot
        assertThat(data.resolve("attendance.rdb")).exists();
        assertThat(data.resolve("attendance.aof")).exists();
        assertOwnerOnly(data);
    }

    @Test
    void whatAnEarlierStartLeftReadableByOthersBecomesTheOwnersAlone() throws Exception {
        Path data = dataDirectory.resolve("redis");
        try (EmbeddedRedisServer first = EmbeddedRedisServer.start(data);
             RedisClient redis = client(first)) {
            redis.set("att:test:kept", "across restarts");
        }
        // as an earlier release left them
        try (Stream<Path> files = Files.list(data)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        try (EmbeddedRedisServer second = EmbeddedRedisServer.start(data);
             RedisClient redis = client(second)) {
            assertThat(redis.get("att:test:kept")).isEqualTo("across restarts");
            assertOwnerOnly(data);
        }
    }

    @Test
    void aBinaryOthersMayWriteToIsRefused() throws Exception {
        BinaryCache cache = BinaryCache.at(dataDirectory.resolve("cache"));
        Path binary;
        try (EmbeddedRedisServer server = EmbeddedRedisServer.start(dataDirectory.resolve("first"), freePort(), cache)) {
            binary = ProcessHandle.of(pid(server)).flatMap(process -> process.info().command()).map(Path::of).orElseThrow();
        }
        assertThat(binary).startsWith(cache.root());
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> EmbeddedRedisServer.start(dataDirectory.resolve("second"), freePort(), cache))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to run the embedded servers' binaries")
                .hasMessageContaining(binary + " others may write to it (mode 0777)");
        assertThat(dataDirectory.resolve("second").resolve(EmbeddedRedisServer.PID_FILE)).doesNotExist();
    }

    private static long pid(EmbeddedRedisServer server) throws IOException {
        return Long.parseLong(Files.readString(server.dataDirectory().resolve(EmbeddedRedisServer.PID_FILE)).strip());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void assertOwnerOnly(Path data) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                modes.put(data.relativize(file).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        }
        assertThat(modes).containsKeys("attendance.aof", EmbeddedRedisServer.PASSWORD_FILE)
                .allSatisfy((file, mode) -> assertThat(mode).as(file).isEqualTo(file.isEmpty() ? "rwx------" : "rw-------"));
    }

    /** Polls INFO until every line is there; a deadline for a server that never finishes, not a measure of speed. */
    private static void awaitDone(RedisClient redis, String... lines) throws InterruptedException {
        for (int attempt = 0; attempt < 600 && !redis.info("persistence").lines().toList().containsAll(List.of(lines)); attempt++) {
            Thread.sleep(50);
        }
        assertThat(redis.info("persistence").lines()).contains(lines);
    }

    /** A client on the URL the server hands out, so that the URL is checked too. */
    private static RedisClient client(EmbeddedRedisServer server) {
        return RedisClient.create(URI.create(server.url()));
    }
}
