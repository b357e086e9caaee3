package io.attendance.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * Runs zonky's PostgreSQL as root where the kernel allows no user namespace (typically a container
 * without privileges), where initdb and postgres would stop with "cannot be run as root".
 *
 * <p>Zonky runs {@code <binaries>/bin/initdb} and {@code <binaries>/bin/pg_ctl} (which starts and
 * stops postgres), and it unpacks its archive into {@code <working dir>/PG-<md5 of the archive>}
 * unless that directory is already marked ready by a {@code .exists} file newer than the rest. So we
 * prepare that directory ourselves: the real binaries under {@code real/}, and in {@code bin/} two
 * tiny shell wrappers that give the data directory to an unprivileged user ({@code postgres} when it
 * exists, else {@code nobody}) and run the real binary as that user with {@code setpriv}. The
 * wrappers run the binary directly when they are not started as root.
 */
final class PrivilegeDroppingBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PrivilegeDroppingBinaries.class);
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> GROUP_ONLY = PosixFilePermissions.fromString("rwxr-x---");

    private PrivilegeDroppingBinaries() {
    }

    /** As root on Linux, when zonky cannot use {@code unshare -U} (it checks that once per JVM). */
    static boolean needed() {
        return System.getProperty("os.name", "").startsWith("Linux")
                && new com.sun.security.auth.module.UnixSystem().getUid() == 0
                && !LinuxUtils.isUnshareAvailable();
    }

    /** Returns the user PostgreSQL will run as. */
    @SuppressWarnings("try") // the lock is held for the duration of the block, never used
    static String install(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        String user = unprivilegedUser();
        byte[] archive = zonkyArchive();
        // A predictable name in a shared folder: whoever made it first could put binaries there that root runs.
        // Zonky makes its working directory writable by all, so that one sits inside ours, which only root
        // and the user's group may enter. Not the name of earlier releases, which checked nothing.
        Path ours = Path.of(System.getProperty("java.io.tmpdir"), "attendance-pg-binaries-" + user);
        Files.createDirectories(ours, PosixFilePermissions.asFileAttribute(GROUP_ONLY));
        requireOwnedByUs(ours);
        Files.setAttribute(ours, "unix:gid", groupOf(user), LinkOption.NOFOLLOW_LINKS);
        Files.setPosixFilePermissions(ours, GROUP_ONLY);
        Path workingDirectory = ours.resolve("zonky");
        Path binaries = workingDirectory.resolve("PG-" + md5(archive));
        Files.createDirectories(binaries);
        try (FileChannel lockFile = FileChannel.open(workingDirectory.resolve(binaries.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            if (!Files.exists(binaries.resolve(".exists"))) {
                LOG.warn("running as root without user namespaces: PostgreSQL will run as '{}' from {}", user, binaries);
                unpack(archive, binaries.resolve("real"));
                writeWrapper(binaries, "initdb", user);
                writeWrapper(binaries, "pg_ctl", user);
                Files.createFile(binaries.resolve(".exists"));
            }
        }
        builder.setOverrideWorkingDirectory(workingDirectory.toFile());
        letThrough(dataDirectory.getParent(), user);
        return user;
    }

    /** Refuses a directory (or a link) that another user owns or may write to. */
    static void requireOwnedByUs(Path directory) throws IOException {
        long us = new com.sun.security.auth.module.UnixSystem().getUid();
        int owner = (Integer) Files.getAttribute(directory, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || owner != us
                || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException("refusing to run PostgreSQL binaries from " + directory + ": it must be a directory"
                    + " of uid " + us + " that no one else may write to, it is owned by uid " + owner + " with mode "
                    + PosixFilePermissions.toString(permissions) + "; remove it and start again");
        }
    }

    private static int groupOf(String user) throws IOException {
        Process id = new ProcessBuilder("id", "-g", user).redirectErrorStream(true).start();
        String output = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (id.waitFor() != 0) {
                throw new IOException("id -g " + user + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the group of " + user, e);
        }
        return Integer.parseInt(output);
    }

    private static String unprivilegedUser() throws IOException {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            return "postgres";
        } catch (UserPrincipalNotFoundException noPostgresUser) {
            return "nobody";
        }
    }

    /** The archive zonky itself resolves, with the same system and architecture names, so the md5 matches. */
    private static byte[] zonkyArchive() throws IOException {
        String architecture = System.getProperty("os.arch");
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(
                "Linux", "amd64".equals(architecture) ? "x86_64" : architecture)) {
            return archive.readAllBytes();
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    private static void unpack(byte[] archive, Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = inside(root, entry.getName());
                Files.createDirectories(entry.isDirectory() ? target : target.getParent());
                if (entry.isDirectory()) {
                    Files.setPosixFilePermissions(target, EXECUTABLE);
                } else if (entry.isSymbolicLink()) {
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.copy(inside(root, entry.getLinkName()), target);
                } else {
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, (entry.getMode() & 0111) != 0 ? EXECUTABLE : READABLE);
                }
            }
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("archive entry outside its directory: " + name);
        }
        return target;
    }

    private static void writeWrapper(Path binaries, String name, String user) throws IOException {
        Path wrapper = binaries.resolve("bin").resolve(name);
        Files.createDirectories(wrapper.getParent());
        Files.writeString(wrapper, """
                #!/bin/sh
                # Written by io.attendance.embedded.EmbeddedPostgresServer. PostgreSQL refuses to run
                # as root and this machine allows no user namespace: hand the data directory (-D) to USER
                # and run the real NAME as USER.
                set -e
                real="$(dirname "$0")/../real/bin/NAME"
                if [ "$(id -u)" != 0 ]; then
                  exec "$real" "$@"
                fi
                group="$(id -g USER)"
                previous=
                for argument in "$@"; do
                  if [ "$previous" = -D ]; then
                    chown -R "USER:$group" "$argument"
                  fi
                  previous="$argument"
                done
                cd /
                if command -v setpriv >/dev/null 2>&1; then
                  exec setpriv --reuid=USER --regid="$group" --clear-groups -- "$real" "$@"
                fi
                exec runuser -u USER -- "$real" "$@"
                """.replace("USER", user).replace("NAME", name), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, EXECUTABLE);
    }

    /** The user must be able to walk down to the data directory: grant search (not listing) on the way. */
    private static void letThrough(Path directory, String user) throws IOException {
        for (Path step = directory; step != null; step = step.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(step);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                LOG.warn("granting others search permission (o+x) on {} so that '{}' reaches the data directory", step, user);
                Files.setPosixFilePermissions(step, permissions);
            }
        }
    }
}
