package io.attendance.adapter.redis;

import io.attendance.embedded.EmbeddedRedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A redis-server child process of one test (the binary embedded-redis ships), on 127.0.0.1 with the
 * password {@value #PASSWORD}, keeping nothing on disk but what a cluster node or a Sentinel must.
 * Unlike the shared {@link TestRedis} it may be frozen ({@link #pause()}, SIGSTOP), resumed and
 * stopped, and started as a cluster node or a Sentinel.
 */
public final class RedisProcess implements AutoCloseable {
    public static final String PASSWORD = "test-only";
    private static final String HOST = "127.0.0.1";
    private static final Duration START_WAIT = Duration.ofSeconds(10);
    private static Path binary;

    private final Process process;
    private final int port;
    private volatile boolean paused;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** A server on a free port, its files in {@code directory}, with these settings on top (such as "--cluster-enabled", "yes"). */
    public static RedisProcess server(Path directory, String... settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", HOST,
                "--dir", directory.toString(), "--save", "", "--appendonly", "no", "--requirepass", PASSWORD,
                "--masterauth", PASSWORD));
        command.addAll(List.of(settings));
        return start(directory, port, null, command);
    }

    /** A Sentinel on a free port watching {@code master} under {@code masterName}, deciding a failover alone. */
    public static RedisProcess sentinel(Path directory, String masterName, RedisProcess master) {
        int port = freePort();
        Path config = directory.resolve("sentinel-" + port + ".conf");
        try {
            Files.createDirectories(directory);
            Files.writeString(config, String.join("\n",
                    "port " + port,
                    "bind " + HOST,
                    "dir " + directory,
                    "sentinel monitor " + masterName + " " + HOST + " " + master.port() + " 1",
                    "sentinel auth-pass " + masterName + " " + PASSWORD,
                    "sentinel down-after-milliseconds " + masterName + " 1000",
                    "sentinel failover-timeout " + masterName + " 3000",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(directory, port, config, List.of("--sentinel"));
    }

    private static RedisProcess start(Path directory, int port, Path configFile, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        if (configFile != null) {
            command.add(configFile.toString());
        }
        command.addAll(arguments);
        try {
            Files.createDirectories(directory);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis-" + port + ".log").toFile())
                    .start();
            RedisProcess started = new RedisProcess(process, port);
            started.awaitAnswer(configFile == null);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server did not start on port " + port, e);
        }
    }

    private void awaitAnswer(boolean withPassword) {
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            try (Jedis jedis = new Jedis(new HostAndPort(HOST, port), config(withPassword, 1_000))) {
                jedis.ping();
                return;
            } catch (JedisException notYet) {
                if (System.nanoTime() - deadline > 0 || !process.isAlive()) {
                    throw new IllegalStateException("redis-server on port " + port + " does not answer", notYet);
                }
                Attendances.sleep(Duration.ofMillis(20));
            }
        }
    }

    private static JedisClientConfig config(boolean withPassword, int timeoutMillis) {
        return DefaultJedisClientConfig.builder()
                .protocol(RedisProtocol.RESP2)
                .password(withPassword ? PASSWORD : null)
                .timeoutMillis(timeoutMillis)
                .build();
    }

    public int port() {
        return port;
    }

    /** {@code redis://:<password>@127.0.0.1:<port>}. */
    public String url() {
        return "redis://:" + PASSWORD + "@" + HOST + ":" + port;
    }

    /** A connection of the test's own, authenticated; the caller closes it. */
    public Jedis connect() {
        return connect(5_000);
    }

    /** A client that waits up to {@code timeoutMillis} for each answer. */
    public Jedis connect(int timeoutMillis) {
        return new Jedis(new HostAndPort(HOST, port), config(true, timeoutMillis));
    }

    /** Freezes the process (SIGSTOP): its sockets stay open and accept, nothing answers. */
    public void pause() {
        signal("STOP");
        paused = true;
    }

    public void resume() {
        signal("CONT");
        paused = false;
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (paused) {
            resume();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A free port whose cluster bus port (10000 above) is free too. */
    private static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                int port = socket.getLocalPort();
                if (port + 10_000 <= 65_535) {
                    try (ServerSocket bus = new ServerSocket(port + 10_000, 1, InetAddress.getByName(HOST))) {
                        return port;
                    }
                }
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free pair of ports on " + HOST);
    }

    /** The embedded server's, from the user's private cache, checked there. */
    private static synchronized Path binary() {
        if (binary == null) {
            binary = EmbeddedRedisServer.executable();
        }
        return binary;
    }
}
