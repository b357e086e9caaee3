package io.attendance.embedded;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivilegeDroppingBinariesTest {
    @TempDir
    Path directory;

    @Test
    void aDirectoryOfOursThatOnlyWeMayWriteToIsAccepted() throws IOException {
        Path ours = Files.createDirectory(directory.resolve("ours"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThatCode(() -> PrivilegeDroppingBinaries.requireOwnedByUs(ours)).doesNotThrowAnyException();
    }

    @Test
    void aDirectoryOthersMayWriteToIsRefused() throws IOException {
        Path open = Files.createDirectory(directory.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> PrivilegeDroppingBinaries.requireOwnedByUs(open))
                .isInstanceOf(IOException.class).hasMessageContaining("refusing").hasMessageContaining("rwxrwxrwx");
    }

    @Test
    void aLinkToADirectoryOfOursIsRefused() throws IOException {
        Path ours = Files.createDirectory(directory.resolve("ours"));
        Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(directory.resolve("link"), ours);

        assertThatThrownBy(() -> PrivilegeDroppingBinaries.requireOwnedByUs(link)).hasMessageContaining("refusing");
    }

    @Test
    void aDirectoryOfAnotherUserIsRefused() throws IOException {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "only root can give a directory away");
        Path theirs = Files.createDirectory(directory.resolve("theirs"));
        Files.setPosixFilePermissions(theirs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setOwner(theirs, FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        assertThatThrownBy(() -> PrivilegeDroppingBinaries.requireOwnedByUs(theirs)).hasMessageContaining("owned by uid");
    }
}
