package io.attendance.embedded;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs zonky's PostgreSQL as root where the kernel allows no user namespace (typically a container
 * without privileges), where initdb and postgres would stop with "cannot be run as root".
 *
 * <p>Zonky runs {@code bin/initdb} and {@code bin/pg_ctl} (which starts and stops postgres) of the
 * directory {@link PostgresBinaries} prepares for it. Here that directory holds two tiny shell
 * wrappers that give the data directory to an unprivileged user ({@code postgres} when it exists,
 * else {@code nobody}) and run the real binary of the cache as that user with {@code setpriv}; the
 * wrappers run the binary directly when they are not started as root. That user may read and run
 * the binaries, never change them: they are root's, in root's cache.
 */
final class PrivilegeDroppingBinaries {
    private static final Logger LOG = LoggerFactory.getLogger(PrivilegeDroppingBinaries.class);
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final String user;

    private PrivilegeDroppingBinaries(String user) {
        this.user = user;
    }

    /** As root on Linux, when zonky cannot use {@code unshare -U} (it checks that once per JVM). */
    static boolean needed() {
        return System.getProperty("os.name", "").startsWith("Linux")
                && BinaryCache.ourUid() == 0
                && !LinuxUtils.isUnshareAvailable();
    }

    /** Runs PostgreSQL as {@code postgres} when that user exists, else as {@code nobody}. */
    static PrivilegeDroppingBinaries asUnprivilegedUser() {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            return new PrivilegeDroppingBinaries("postgres");
        } catch (UserPrincipalNotFoundException noPostgresUser) {
            return new PrivilegeDroppingBinaries("nobody");
        } catch (IOException e) {
            throw new UncheckedIOException("could not look up the user postgres", e);
        }
    }

    /** The user PostgreSQL runs as. */
    String user() {
        return user;
    }

    /** Writes {@code bin/initdb} and {@code bin/pg_ctl} into {@code directory}, running those of {@code binaries}; then marks it ready for zonky. */
    void writeWrappers(Path directory, Path binaries) throws IOException {
        LOG.warn("running as root without user namespaces: PostgreSQL will run as '{}' from {}", user, binaries);
        writeWrapper(directory, binaries, "initdb");
        writeWrapper(directory, binaries, "pg_ctl");
        Files.createFile(directory.resolve(PostgresBinaries.READY));
    }

    private void writeWrapper(Path directory, Path binaries, String name) throws IOException {
        Path wrapper = directory.resolve("bin").resolve(name);
        Files.createDirectories(wrapper.getParent());
        Files.writeString(wrapper, """
                #!/bin/sh
                # Written by io.attendance.embedded.EmbeddedPostgresServer. PostgreSQL refuses to run
                # as root and this machine allows no user namespace: hand the data directory (-D) to USER
                # and run the real NAME as USER.
                set -e
                real='BINARIES/bin/NAME'
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
                """.replace("USER", user).replace("NAME", name).replace("BINARIES", binaries.toString().replace("'", "'\\''")),
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(wrapper, EXECUTABLE);
    }

    /** The user must be able to walk down to {@code directory}: grant search (not listing) on the way. */
    void letThrough(Path directory) throws IOException {
        for (Path step = directory; step != null; step = step.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(step);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                LOG.warn("granting others search permission (o+x) on {} so that '{}' reaches {}", step, user, directory);
                Files.setPosixFilePermissions(step, permissions);
            }
        }
    }
}
