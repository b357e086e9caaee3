package io.attendance.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /** A client on the URL the server hands out, so that the URL is checked too. */
    private static RedisClient client(EmbeddedRedisServer server) {
        return RedisClient.create(URI.create(server.url()));
    }
}
