package io.attendance.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server child process (the binary shipped by com.github.codemonstur:embedded-redis) for
 * embedded mode and for tests: bound to 127.0.0.1, its data (append-only file plus RDB snapshots)
 * kept in a directory of ours, so what it holds survives a restart on the same directory. Closing it
 * shuts it down cleanly (SIGTERM: Redis flushes its files); a JVM exit does too. One server per data
 * directory at a time.
 *
 * <p>It requires a password, generated at the first start and kept owner-only in
 * {@value #PASSWORD_FILE} of the data directory, so other users of the machine can neither read nor
 * change what it holds.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final String HOST = "127.0.0.1";
    private static final int FREE_PORT_ATTEMPTS = 5;
    static final String PASSWORD_FILE = "redis-password.properties";
    private static final String PASSWORD = "requirepass";
    private static File executable;

    private final RedisServer server;
    private final Path dataDirectory;
    private final int port;
    private final String password;

    private EmbeddedRedisServer(RedisServer server, Path dataDirectory, int port, String password) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
    }

    /** Starts a server on a free port of 127.0.0.1 with its data in {@code dataDirectory} (created if missing). */
    public static EmbeddedRedisServer start(Path dataDirectory) {
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < FREE_PORT_ATTEMPTS; attempt++) {
            try {
                return start(dataDirectory, freePort());
            } catch (UncheckedIOException portTakenMeanwhile) {
                last = portTakenMeanwhile;
            }
        }
        throw last;
    }

    /**
     * Starts a server on {@code port} of 127.0.0.1 with its data in {@code dataDirectory}; the port
     * of an earlier server on that directory brings the same data back at the same URL.
     *
     * @throws UncheckedIOException when the server does not start (port taken, directory unusable)
     */
    public static EmbeddedRedisServer start(Path dataDirectory, int port) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
            File binary = executable();
            String password = GeneratedPasswords.loadOrCreate(directory.resolve(PASSWORD_FILE), PASSWORD).get(PASSWORD);
            RedisServer server = RedisServer.newRedisServer()
                    .executableProvider(() -> binary)
                    .bind(HOST)
                    .port(port)
                    .setting("dir " + quoted(directory.toString()))
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("appendfilename \"attendance.aof\"")
                    .setting("dbfilename \"attendance.rdb\"")
                    .setting("save 900 1")
                    .setting("save 300 10")
                    .setting("save 60 10000")
                    .setting("protected-mode yes")
                    // the library writes its settings to an owner-only temporary file, never to the command line
                    .setting("requirepass " + password)
                    .setting("daemonize no")
                    .soutListener(line -> LOG.debug("redis-server: {}", line))
                    .serrListener(line -> LOG.warn("redis-server: {}", line))
                    .build();
            server.start();
            EmbeddedRedisServer started = new EmbeddedRedisServer(server, directory, port, password);
            LOG.info("Embedded Redis started at {} (password in {}), data in {}",
                    started.address(), PASSWORD_FILE, directory);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis did not start on " + HOST + ":" + port
                    + " with data in " + directory, e);
        }
    }

    /** {@code redis://:<password>@127.0.0.1:<port>}: keep it out of logs, {@link #address()} is for them. */
    public String url() {
        return "redis://:" + password + "@" + HOST + ":" + port;
    }

    /** {@code redis://127.0.0.1:<port>}, without the password. */
    public String address() {
        return "redis://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the server; its data stay in the data directory. Closing twice is harmless. */
    @Override
    public void close() {
        try {
            if (server.isActive()) {
                server.stop();
                LOG.info("Embedded Redis at {} stopped", address());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded Redis at " + address() + " did not stop cleanly", e);
        }
    }

    /** The binary, extracted from the jar once per JVM rather than once per start. */
    private static synchronized File executable() throws IOException {
        if (executable == null || !executable.canExecute()) {
            executable = ExecutableProvider.newJarResourceProvider().get();
        }
        return executable;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }

    /** A value for redis.conf: double-quoted, backslashes and quotes escaped. */
    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
