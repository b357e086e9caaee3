package io.attendance.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryCacheTest {
    @TempDir
    Path directory;

    @Test
    void aNewCacheIsMadeOwnerOnly() throws IOException {
        BinaryCache cache = BinaryCache.at(directory.resolve("new").resolve("cache"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.root()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.root().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aCacheOthersMayWriteToIsRefused() throws IOException {
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> BinaryCache.at(open))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refusing to run the embedded servers' binaries")
                .hasMessageContaining(open + " others may write to it (mode 0777)");
    }

    @Test
    void aCacheInADirectoryOthersMayWriteToIsRefused() throws IOException {
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxr-x"));

        assertThatThrownBy(() -> BinaryCache.at(open.resolve("cache")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(open + " others may write to it (mode 0775)");
    }

    /** As /tmp: others may not remove or rename what is ours there. */
    @Test
    void aCacheInAStickyDirectoryIsAccepted() throws IOException {
        Path sticky = Files.createDirectory(directory.resolve("sticky"));
        Files.setAttribute(sticky, "unix:mode", 01777);

        assertThat(BinaryCache.at(sticky.resolve("cache")).root()).isEqualTo(sticky.resolve("cache").toRealPath());
    }

    /** The link's target is checked and used, so turning the link elsewhere afterwards changes nothing. */
    @Test
    void aLinkToACacheIsFollowedAndItsTargetChecked() throws IOException {
        Path real = Files.createDirectory(directory.resolve("real"));
        Path link = Files.createSymbolicLink(directory.resolve("link"), real);
        assertThat(BinaryCache.at(link).root()).isEqualTo(real.toRealPath());

        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> BinaryCache.at(link)).hasMessageContaining(real.toRealPath() + " others may write to it");
    }

    @Test
    void aCacheOfAnotherUserIsRefused() throws IOException {
        assumeTrue(BinaryCache.ourUid() == 0, "only root can give a directory away");
        Path theirs = Files.createDirectory(directory.resolve("theirs"));
        Files.setOwner(theirs, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> BinaryCache.at(theirs)).hasMessageContaining(theirs + " it belongs to uid");
    }

    @Test
    void aFileOthersMayWriteToInAnUnpackedDirectoryIsRefusedAtItsNextUse() throws IOException {
        BinaryCache cache = BinaryCache.at(directory.resolve("cache"));
        Path unpacked = cache.install("tool-1", into -> Files.writeString(into.resolve("tool"), "#!/bin/sh\n"));
        assertThat(unpacked.resolve("tool")).hasContent("#!/bin/sh");

        Files.setPosixFilePermissions(unpacked.resolve("tool"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> cache.install("tool-1", into -> { }))
                .hasMessageContaining(unpacked.resolve("tool") + " others may write to it (mode 0777)");
    }

    @Test
    void aDirectoryLeftHalfUnpackedIsUnpackedAgain() throws IOException {
        BinaryCache cache = BinaryCache.at(directory.resolve("cache"));
        Path crashed = Files.createDirectory(cache.root().resolve("tool-1"));
        Files.writeString(crashed.resolve("half"), "a crash stopped the unpacking here");

        Path unpacked = cache.install("tool-1", into -> Files.writeString(into.resolve("tool"), "whole"));

        assertThat(unpacked).isEqualTo(crashed);
        assertThat(unpacked.resolve("half")).doesNotExist();
        assertThat(unpacked.resolve("tool")).hasContent("whole");
    }

    /** Several threads at once (several JVMs: see EmbeddedPostgresServerTest): one unpacks, all get it whole. */
    @Test
    void threadsThatComeAtOnceUnpackOnceAndAllSeeTheWholeDirectory() throws Exception {
        BinaryCache cache = BinaryCache.at(directory.resolve("cache"));
        AtomicInteger unpacked = new AtomicInteger();
        CountDownLatch allThere = new CountDownLatch(4);
        List<Callable<List<String>>> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(() -> {
                allThere.countDown();
                allThere.await();
                Path tool = cache.install("tool-1", into -> {
                    unpacked.incrementAndGet();
                    for (int file = 0; file < 50; file++) {
                        Files.writeString(into.resolve("part-" + file), "part " + file);
                    }
                });
                try (var files = Files.list(tool)) {
                    return files.map(path -> path.getFileName().toString()).sorted().toList();
                }
            });
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (Future<List<String>> seen : threads.invokeAll(users)) {
                assertThat(seen.get()).hasSize(50);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(unpacked).hasValue(1);
    }
}
