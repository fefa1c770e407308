package ir.line111.core.files;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File modes for personal data (the database, recordings, keys): owner only, whatever the umask.
 * Folders Asterisk must write into (the recordings' day folders, the spool) may instead belong to a
 * group ({@code recordings.group}), group-writable and setgid so that what Asterisk writes there
 * stays in that group. On a file system without POSIX modes nothing is changed.
 */
public final class FileModes {
    private static final Logger log = LoggerFactory.getLogger(FileModes.class);

    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** The data folder when a group must reach the recordings below it: the group may pass through, not list. */
    public static final Set<PosixFilePermission> GROUP_TRAVERSE_DIR = PosixFilePermissions.fromString("rwx--x---");
    public static final Set<PosixFilePermission> GROUP_DIR = PosixFilePermissions.fromString("rwxrwx---");

    private FileModes() {}

    /** Creates {@code dir} and missing parents; sets it to 0700, or 0710 of {@code group} when one is given (see the class). */
    public static Path dataDir(Path dir, String group) {
        create(dir);
        if (blank(group)) set(dir, OWNER_DIR);
        else {
            chgrp(dir, group);
            set(dir, GROUP_TRAVERSE_DIR);
        }
        return dir;
    }

    /** Creates {@code dir} (and missing parents) owner-only, or group-writable with setgid for {@code group}. */
    public static Path privateDir(Path dir, String group) {
        create(dir);
        if (blank(group)) set(dir, OWNER_DIR);
        else {
            chgrp(dir, group);
            set(dir, GROUP_DIR);
            setgid(dir);
        }
        return dir;
    }

    /**
     * Creates every missing folder from {@code root} (exclusive, it must exist) down to {@code dir}
     * with the mode of {@link #privateDir}; folders that were already there are left as they are.
     */
    public static Path privateDirs(Path root, Path dir, String group) {
        Path rel = root.relativize(dir);
        Path at = root;
        for (Path part : rel) {
            at = at.resolve(part);
            if (!Files.isDirectory(at)) {
                try {
                    Files.createDirectory(at);
                } catch (FileAlreadyExistsException raced) {
                    continue; // made meanwhile by another thread: it set the mode
                } catch (IOException e) {
                    throw new IllegalStateException("cannot create " + at + ": " + e.getMessage(), e);
                }
                privateDir(at, group);
            }
        }
        return dir;
    }

    /** Writes {@code bytes} to a new or existing file that is (and while written already was) 0600. */
    public static void writePrivate(Path file, byte[] bytes) throws IOException {
        if (posix(file)) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } catch (FileAlreadyExistsException e) {
                set(file, OWNER_FILE);
            }
        }
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Makes an existing file 0600; a file another user owns (Asterisk's) is left, said once at debug level. */
    public static void privateFile(Path file) {
        if (Files.isRegularFile(file)) set(file, OWNER_FILE);
    }

    private static void create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void set(Path p, Set<PosixFilePermission> mode) {
        if (!posix(p)) return;
        try {
            Files.setPosixFilePermissions(p, mode);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            log.debug("could not set the mode of {} to {}: {}", p, PosixFilePermissions.toString(mode), e.toString());
        }
    }

    private static void chgrp(Path p, String group) {
        try {
            GroupPrincipal g = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group.strip());
            Files.getFileAttributeView(p, PosixFileAttributeView.class).setGroup(g);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("recordings.group: cannot give " + p + " to group '" + group + "': " + e.getMessage(), e);
        }
    }

    /** The setgid bit is beyond java.nio's permission set; the unix view takes the whole mode. */
    private static void setgid(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            Files.setAttribute(p, "unix:mode", mode | 02000);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            log.debug("could not set the setgid bit of {}: {}", p, e.toString());
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
