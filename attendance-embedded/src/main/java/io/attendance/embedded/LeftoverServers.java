package io.attendance.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a server that an earlier run left behind. A JVM killed with {@code SIGKILL} stops none of
 * the servers it started: PostgreSQL was detached by {@code pg_ctl} and Redis is re-parented to
 * init, and both keep running on their data directory, where the next start would fail (PostgreSQL
 * refuses a cluster whose postmaster still runs) or, worse, run a second server on the same files
 * (Redis). Whether a server still running there is left over or in use is told by a lock on a file
 * beside the data directory, which the server's owner holds while it runs and the kernel releases
 * when the owner dies however it dies. The pid file in the data directory names the process; it is
 * stopped as a clean stop
 * does ({@code SIGTERM}: PostgreSQL waits for its sessions, which died with the JVM, Redis writes its
 * files), and killed only if it has not ended in time.
 */
final class LeftoverServers {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServers.class);
    private static final long PATIENCE_SECONDS = 30;

    private LeftoverServers() {
    }

    /**
     * Takes the lock that says this process runs the server of {@code directory}; held until the
     * returned lock is released.
     *
     * @throws IllegalStateException when another living process holds it: the server there is in use
     */
    static FileLock claim(Path directory) {
        Path lockFile = directory.resolveSibling("." + directory.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                // this JVM runs it already
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("the server of " + directory + " is in use by another process (it holds "
                        + lockFile + ")");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock " + lockFile, e);
        }
    }

    /** Releases a lock taken by {@link #claim}. */
    static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException e) {
            LOG.warn("could not release {}", lock, e);
        }
    }

    /**
     * Stops the process whose pid is the first line of {@code pidFile}, if it runs a command whose name
     * contains {@code program}; a stale file (no such process, or another program under a reused pid)
     * is left to the server to deal with.
     */
    static void stop(Path pidFile, String program) {
        Optional<ProcessHandle> leftover = pidIn(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.pid() != ProcessHandle.current().pid())
                .filter(process -> process.info().command().map(command -> command.contains(program)).orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        LOG.warn("{} (pid {}) left running by an earlier run that did not stop it (killed?): stopping it before starting"
                + " again on {}", program, process.pid(), pidFile.getParent());
        process.destroy();
        if (!awaitExit(process)) {
            LOG.warn("{} (pid {}) did not stop within {} s of SIGTERM: killing it", program, process.pid(), PATIENCE_SECONDS);
            process.destroyForcibly();
            if (!awaitExit(process)) {
                throw new IllegalStateException(program + " (pid " + process.pid() + ") left running on "
                        + pidFile.getParent() + " cannot be stopped");
            }
        }
    }

    private static Optional<Long> pidIn(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readString(pidFile, StandardCharsets.US_ASCII).lines().findFirst().orElse("").strip();
            return first.matches("\\d{1,10}") ? Optional.of(Long.parseLong(first)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + pidFile, e);
        }
    }

    private static boolean awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
