package io.attendance.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the embedded servers' binaries are unpacked: {@code $XDG_CACHE_HOME/attendance}, by default
 * {@code ~/.cache/attendance}, a directory of this user's that no one else may write to. Every data
 * directory, service and test JVM of the user shares it, so each version is unpacked once. A folder
 * other users may write to (zonky's {@code /tmp/embedded-pg} is mode 777) would let any of them swap
 * the binaries the service runs; so each use checks the directory, the directories above it and
 * what it holds, and refuses (an {@link IllegalStateException} that says what and why) to run
 * anything another user could have changed.
 */
final class BinaryCache {
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final int GROUP_OR_OTHERS_ANY = 0077;
    private static final int STICKY = 01000;
    private static final int SYMBOLIC_LINK = 0120000;
    private static final int FILE_TYPE = 0170000;

    private final Path root;

    private BinaryCache(Path root) {
        this.root = root;
    }

    /** The user's cache, created owner-only if missing, and checked. */
    static BinaryCache ofUser() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return at(base.resolve("attendance"));
    }

    /** A cache in {@code directory} (created owner-only if missing), checked. */
    static BinaryCache at(Path directory) {
        try {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            // the real path, checked: a link on the way could be turned elsewhere after the check
            Path real = directory.toRealPath();
            for (Path step = real; step != null; step = step.getParent()) {
                requireOnlyOwnerMayWrite(step, real);
            }
            return new BinaryCache(real);
        } catch (IOException e) {
            throw new UncheckedIOException("could not use " + directory + " for the embedded servers' binaries", e);
        }
    }

    Path root() {
        return root;
    }

    /** How a directory of the cache is filled, the first time. */
    interface Unpack {
        void into(Path directory) throws IOException;
    }

    /**
     * The directory {@code name} (relative to the cache), filled by {@code unpack} unless some
     * process did it before. Processes that come at once wait for the one that unpacks (a lock beside
     * the directory); a directory left half filled by a crash has no mark of completion beside it and
     * is filled again. What it holds is checked, whoever filled it.
     */
    Path install(String name, Unpack unpack) throws IOException {
        Path directory = root.resolve(name).normalize();
        if (!directory.startsWith(root) || directory.equals(root)) {
            throw new IllegalArgumentException("not a directory inside the cache: " + name);
        }
        Path complete = directory.resolveSibling(directory.getFileName() + ".complete");
        if (!Files.exists(complete, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(directory.getParent());
            unpackOnce(directory, complete, unpack);
        }
        requireOnlyOwnerMayWriteAnything(directory);
        return directory;
    }

    /** One thread of this JVM at a time (a JVM may not lock one file twice), one process of the machine. */
    private static synchronized void unpackOnce(Path directory, Path complete, Unpack unpack) throws IOException {
        try (FileChannel lockFile = FileChannel.open(directory.resolveSibling("." + directory.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockFile.lock()) {
            if (Files.exists(complete, LinkOption.NOFOLLOW_LINKS)) {
                return; // the process that held the lock before did it
            }
            deleteRecursively(directory);
            Files.createDirectory(directory);
            unpack.into(directory);
            Files.createFile(complete);
        }
    }

    /**
     * A directory of the cache that others may neither enter nor list, for what must stay out of
     * their reach even though a library makes it writable by all (zonky's working directory).
     */
    Path ownerOnlyDirectory(String name) throws IOException {
        Path directory = root.resolve(name);
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        requireOwnedByUs(directory, directory);
        int mode = mode(directory);
        if ((mode & GROUP_OR_OTHERS_ANY) != 0) {
            throw refusal(directory, directory, "others may enter it (mode " + octal(mode) + ")");
        }
        return directory;
    }

    /** Refuses a tree in which anything is not ours, or may be written by others. Links are not followed. */
    private static void requireOnlyOwnerMayWriteAnything(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                requireOnlyOwnerMayWrite(path, tree);
            }
        }
    }

    /**
     * Refuses {@code path} unless it is ours (or root's) and no one else may write to it, or it is
     * a sticky directory such as /tmp, where no one may remove or rename what is ours. A link's own
     * mode means nothing; it must be ours.
     */
    private static void requireOnlyOwnerMayWrite(Path path, Path binaries) throws IOException {
        requireOwnedByUs(path, binaries);
        int mode = mode(path);
        boolean link = (mode & FILE_TYPE) == SYMBOLIC_LINK;
        boolean sticky = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && (mode & STICKY) != 0;
        if (!link && !sticky && (mode & GROUP_OR_OTHERS_WRITE) != 0) {
            throw refusal(path, binaries, "others may write to it (mode " + octal(mode) + ")");
        }
    }

    private static void requireOwnedByUs(Path path, Path binaries) throws IOException {
        int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        long us = ourUid();
        if (owner != us && owner != 0) {
            throw refusal(path, binaries, "it belongs to uid " + owner + ", not to uid " + us);
        }
    }

    private static int mode(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    }

    private static IllegalStateException refusal(Path path, Path binaries, String why) {
        return new IllegalStateException("refusing to run the embedded servers' binaries from " + binaries + ": " + path + " "
                + why + ", so another user could have changed them. Make it writable by uid " + ourUid()
                + " alone (or remove what is not yours), or set XDG_CACHE_HOME to a directory of your own");
    }

    private static String octal(int mode) {
        return String.format("%04o", mode & 07777);
    }

    static long ourUid() {
        return new com.sun.security.auth.module.UnixSystem().getUid();
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
