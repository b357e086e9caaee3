package io.attendance.embedded;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Zonky's PostgreSQL, unpacked by us into the {@link BinaryCache} and handed to zonky from there.
 *
 * <p>Zonky would unpack it into {@code <working directory>/PG-<md5 of the archive>}, make the
 * working directory writable by all, and look for data directories to clean up in
 * {@code <java.io.tmpdir>/embedded-pg}. So the working directory we give it lies in an owner-only
 * directory of the cache, where its mode reaches no one, and holds {@code PG-<md5>} as a link to the
 * binaries we unpacked, marked ready by zonky's {@code .exists} file so that zonky unpacks nothing;
 * and zonky reads its folder for data directories from the same place.
 */
final class PostgresBinaries {
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    /** The system property from which zonky's builder reads its folder of data directories. */
    private static final String ZONKY_FOLDER = "ot.epg.working-dir";
    /** Zonky's mark of binaries ready to run: newer than everything beside it. */
    static final String READY = ".exists";

    private PostgresBinaries() {
    }

    /**
     * A zonky builder that runs the binaries of {@code cache}, unpacked there first if needed;
     * through the wrappers of {@code dropping} when it is set.
     */
    static EmbeddedPostgres.Builder builder(BinaryCache cache, PrivilegeDroppingBinaries dropping) throws IOException {
        String digest = md5(archive());
        Path binaries = cache.install("postgres-" + digest, PostgresBinaries::unpack);
        Path workingDirectory = cache.ownerOnlyDirectory("zonky").resolve(dropping == null ? "direct" : "as-" + dropping.user());
        Path prepared = workingDirectory.resolve("PG-" + digest);
        Files.createDirectories(workingDirectory);
        if (dropping == null) {
            linkTo(prepared, binaries);
        } else {
            cache.install(cache.root().relativize(prepared).toString(), wrappers -> dropping.writeWrappers(wrappers, binaries));
            dropping.letThrough(binaries);
        }
        EmbeddedPostgres.Builder builder = withZonkyFolder(workingDirectory, EmbeddedPostgres::builder);
        return builder.setOverrideWorkingDirectory(workingDirectory.toFile())
                .setPgBinaryResolver(new CachedArchive(workingDirectory));
    }

    private static void linkTo(Path link, Path binaries) throws IOException {
        try {
            Files.createSymbolicLink(link, binaries);
        } catch (FileAlreadyExistsException madeBefore) {
            if (!Files.readSymbolicLink(link).equals(binaries)) {
                throw new IOException(link + " is not the link to " + binaries + " that it should be");
            }
        }
    }

    /** Zonky's builder takes its folder from a system property when it is made: that one, only then. */
    private static synchronized EmbeddedPostgres.Builder withZonkyFolder(Path folder, Supplier<EmbeddedPostgres.Builder> make) {
        String before = System.getProperty(ZONKY_FOLDER);
        System.setProperty(ZONKY_FOLDER, folder.toString());
        try {
            return make.get();
        } finally {
            if (before == null) {
                System.clearProperty(ZONKY_FOLDER);
            } else {
                System.setProperty(ZONKY_FOLDER, before);
            }
        }
    }

    /**
     * The archive for this machine, whatever zonky asks for: so its md5, which names the directory
     * zonky looks in, is the one computed here. One per working directory, as zonky remembers per
     * resolver the directory it prepared.
     */
    private record CachedArchive(Path workingDirectory) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return archive();
        }
    }

    private static InputStream archive() throws IOException {
        String os = System.getProperty("os.name", "");
        String system = os.startsWith("Mac") ? "Darwin" : os.startsWith("Windows") ? "Windows" : "Linux";
        String architecture = System.getProperty("os.arch");
        return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, "amd64".equals(architecture) ? "x86_64" : architecture);
    }

    private static String md5(InputStream archive) throws IOException {
        try (DigestInputStream digesting = new DigestInputStream(archive, MessageDigest.getInstance("MD5"))) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }

    /** Unpacks the archive into {@code root}, then marks it ready for zonky (last, so newer than the rest). */
    private static void unpack(Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(archive()))) {
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
        Files.setPosixFilePermissions(root, EXECUTABLE);
        Files.createFile(root.resolve(READY));
    }

    private static Path inside(Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("archive entry outside its directory: " + name);
        }
        return target;
    }
}
