package io.attendance.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.model.OsArchitecture;

/**
 * A redis-server child process (the binary shipped by com.github.codemonstur:embedded-redis) for
 * embedded mode and for tests: bound to 127.0.0.1, its data (append-only file plus RDB snapshots)
 * kept in a directory of ours, so what it holds survives a restart on the same directory. Closing it
 * shuts it down cleanly (SIGTERM: Redis flushes its files); a JVM exit does too, unless its owner
 * asked to stop it itself ({@link #stopOnlyWhenClosed()}). One server per data
 * directory at a time: a server an earlier run left running on it (a JVM killed with SIGKILL stops
 * nothing) is stopped before the start, see {@link LeftoverServers}.
 *
 * <p>It requires a password, generated at the first start and kept owner-only in
 * {@value #PASSWORD_FILE} of the data directory, so other users of the machine can neither read nor
 * change what it holds; and the data directory and every file in it are its owner's alone (0700,
 * 0600), so they cannot read it from the disk either. The binary comes from the user's
 * {@link BinaryCache}, checked at every start.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final String HOST = "127.0.0.1";
    private static final int FREE_PORT_ATTEMPTS = 5;
    static final String PASSWORD_FILE = "redis-password.properties";
    static final String PID_FILE = "redis.pid";
    /** What redis-server logs once it accepts connections. */
    private static final String READY = "Ready to accept connections";
    private static final String PASSWORD = "requirepass";
    private static final String BINARY = "redis-server";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Process server;
    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final FileLock claim;
    private final Thread stopAtExit;

    private EmbeddedRedisServer(Process server, Path dataDirectory, int port, String password, FileLock claim) {
        this.claim = claim;
        this.stopAtExit = new Thread(this::close, "embedded-redis-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
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
        return start(dataDirectory, port, BinaryCache.ofUser());
    }

    static EmbeddedRedisServer start(Path dataDirectory, int port, BinaryCache binaries) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        FileLock claim = null;
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            claim = LeftoverServers.claim(directory);
            Path pidFile = directory.resolve(PID_FILE);
            LeftoverServers.stop(pidFile, "redis-server");
            keepToOwner(directory);
            Path binary = executable(binaries);
            String password = GeneratedPasswords.loadOrCreate(directory.resolve(PASSWORD_FILE), PASSWORD).get(PASSWORD);
            Process server = launch(binary, directory, String.join("\n",
                    "bind " + HOST,
                    "port " + port,
                    "dir " + quoted(directory.toString()),
                    // written even without daemonize: how the next start finds a server a killed JVM left behind
                    "pidfile " + quoted(pidFile.toString()),
                    "appendonly yes",
                    "appendfsync everysec",
                    "appendfilename \"attendance.aof\"",
                    "dbfilename \"attendance.rdb\"",
                    "save 900 1",
                    "save 300 10",
                    "save 60 10000",
                    "protected-mode yes",
                    "requirepass " + password,
                    "daemonize no") + "\n");
            EmbeddedRedisServer started = new EmbeddedRedisServer(server, directory, port, password, claim);
            LOG.info("Embedded Redis started at {} (password in {}), data in {}, binary {}",
                    started.address(), PASSWORD_FILE, directory, binary);
            return started;
        } catch (IOException e) {
            releaseIfHeld(claim);
            throw new UncheckedIOException("embedded Redis did not start on " + HOST + ":" + port
                    + " with data in " + directory, e);
        } catch (RuntimeException e) {
            releaseIfHeld(claim);
            throw e;
        }
    }

    private static void releaseIfHeld(FileLock claim) {
        if (claim != null) {
            LeftoverServers.release(claim);
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
        return server.isAlive();
    }

    /** Stops the server; its data stay in the data directory. Closing twice is harmless. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // called by the hook itself, or after it
        }
        try {
            if (server.isAlive()) {
                // SIGTERM: Redis writes its files, then exits
                server.destroy();
                server.waitFor();
                LOG.info("Embedded Redis at {} stopped", address());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while embedded Redis at " + address() + " stopped", e);
        } finally {
            LeftoverServers.release(claim);
        }
    }

    /**
     * Runs redis-server on a configuration file, owner-only and deleted once read (it holds the
     * password, which a command line would show to every user of the machine), and returns once the
     * server accepts connections. Started here rather than by the embedded-redis library, whose
     * JVM shutdown hook would stop the server while the service's graceful stop still serves requests
     * that need it (sign-ins, sessions): {@link #close()} alone stops it.
     */
    private static Process launch(Path binary, Path directory, String configuration) throws IOException {
        Path file = Files.createTempFile(directory, ".redis-", ".conf",
                PosixFilePermissions.asFileAttribute(GeneratedPasswords.OWNER_ONLY));
        try {
            Files.writeString(file, configuration, StandardCharsets.UTF_8);
            // Redis has no setting for the mode of its files: umask 077 makes every one it writes, now or
            // later (snapshots, rewritten append-only files), readable by its owner alone
            Process process = new ProcessBuilder("/bin/sh", "-c", "umask 077 && exec \"$0\" \"$@\"",
                    binary.toString(), file.toString())
                    .directory(directory.toFile()).redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder told = new StringBuilder();
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                told.append(line).append('\n');
                if (line.contains(READY)) {
                    Thread echo = new Thread(() -> echo(output), "embedded-redis-output");
                    echo.setDaemon(true);
                    echo.start();
                    return process;
                }
            }
            process.destroyForcibly();
            throw new IOException("redis-server ended before it accepted connections: " + told.toString().strip());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Leaves the stop at JVM exit to the owner, who closes this server once nothing needs it: the JVM
     * runs shutdown hooks all at once, so a hook of its own would stop it while the owner's graceful
     * shutdown still serves requests that use it.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting already: the hook runs, as nothing closed the server before
        }
    }

    /** Logs what the server still says, until it ends. */
    private static void echo(BufferedReader output) {
        try {
            output.lines().forEach(line -> LOG.debug("redis-server: {}", line));
        } catch (UncheckedIOException closedWhenStopped) {
            // the server has ended
        }
    }

    /**
     * The redis-server of this machine, from the user's {@link BinaryCache} (copied there from the
     * embedded-redis jar the first time): for tests that run it in ways this class does not.
     */
    public static Path executable() {
        try {
            return executable(BinaryCache.ofUser());
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy redis-server into the cache", e);
        }
    }

    private static Path executable(BinaryCache binaries) throws IOException {
        String resource = ExecutableProvider.newProvidedVersionsMap().get(OsArchitecture.detectOSandArchitecture());
        Path directory = binaries.install(resource.substring(resource.lastIndexOf('/') + 1), copy -> {
            try (InputStream binary = ExecutableProvider.class.getResourceAsStream(resource)) {
                if (binary == null) {
                    throw new IOException("embedded-redis has no " + resource);
                }
                Files.copy(binary, copy.resolve(BINARY));
            }
            Files.setPosixFilePermissions(copy.resolve(BINARY), PosixFilePermissions.fromString("rwxr-xr-x"));
        });
        return directory.resolve(BINARY);
    }

    /**
     * Whatever an earlier start left readable by others (its files were 0644 and its directory 0755
     * before the umask below) becomes the owner's alone: the append-only file holds cached records and
     * session digests.
     */
    private static void keepToOwner(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, OWNER_ONLY_DIRECTORY);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setPosixFilePermissions(path, GeneratedPasswords.OWNER_ONLY);
                }
            }
        }
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
