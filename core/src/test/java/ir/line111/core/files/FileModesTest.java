package ir.line111.core.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Owner-only folders and files, or a group's (recordings.group) for the folders Asterisk writes into. */
class FileModesTest {

    @TempDir Path tmp;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void withoutAGroupEverythingIsTheOwnersOnly() throws IOException {
        Path data = FileModes.dataDir(tmp.resolve("data"), "");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        FileModes.dataDir(data, null);
        assertThat(mode(data)).as("an existing folder is tightened").isEqualTo("rwx------");
        Path day = FileModes.privateDirs(data, data.resolve("voicemail/2026/03/10"), null);
        for (Path d = day; !d.equals(data); d = d.getParent()) assertThat(mode(d)).isEqualTo("rwx------");
        Path f = day.resolve("a.wav");
        FileModes.writePrivate(f, new byte[]{1, 2, 3});
        assertThat(mode(f)).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(f)).containsExactly(1, 2, 3);
    }

    @Test
    void aGroupGetsTheRecordingFoldersAndMayPassThroughTheDataFolder() throws IOException {
        GroupPrincipal own = Files.readAttributes(tmp, PosixFileAttributes.class).group();
        Path data = FileModes.dataDir(tmp.resolve("data"), own.getName());
        assertThat(mode(data)).isEqualTo("rwx--x---");
        Path rec = FileModes.privateDir(data.resolve("recordings"), own.getName());
        assertThat(mode(rec)).isEqualTo("rwxrwx---");
        assertThat((Integer) Files.getAttribute(rec, "unix:mode") & 02000).as("setgid: what Asterisk writes stays in the group").isNotZero();
        assertThat(Files.readAttributes(rec, PosixFileAttributes.class).group()).isEqualTo(own);
        assertThatThrownBy(() -> FileModes.privateDir(data.resolve("x"), "no-such-group-line111")).hasMessageContaining("recordings.group");
    }
}
