package ir.line111.core.persistence;

import ir.line111.core.files.FileModes;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The embedded H2 database's files hold every case and national ID, and its trace file the SQL
 * errors with their values: all of them 0600, in a folder that is 0700 when H2 would create it.
 * H2 creates its files with the process's umask, so the trace file is made 0600 before H2 first
 * writes to it, and the rest are set right after opening.
 */
final class H2Files {
    private static final List<String> SUFFIXES = List.of(".mv.db", ".trace.db", ".lock.db", ".mv.db.tempFile");

    private H2Files() {}

    /** The file base of an embedded file URL ({@code jdbc:h2:file:./data/line111;…} → ./data/line111); empty for mem: and tcp:. */
    static Optional<Path> base(String url) {
        if (!url.startsWith("jdbc:h2:")) return Optional.empty();
        String rest = url.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        if (semi >= 0) rest = rest.substring(0, semi);
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")) return Optional.empty();
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        if (rest.startsWith("split:") || rest.startsWith("nio") || rest.startsWith("async:")) rest = rest.substring(rest.indexOf(':') + 1);
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return rest.isBlank() ? Optional.empty() : Optional.of(Path.of(rest).toAbsolutePath().normalize());
    }

    static void beforeOpen(String url) {
        base(url).ifPresent(b -> {
            Path dir = b.getParent();
            if (dir != null && !Files.isDirectory(dir)) FileModes.dataDir(dir, null);
            Path trace = b.resolveSibling(b.getFileName() + ".trace.db");
            if (dir != null && Files.isDirectory(dir) && dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                try {
                    Files.createFile(trace, PosixFilePermissions.asFileAttribute(FileModes.OWNER_FILE));
                } catch (FileAlreadyExistsException e) {
                    FileModes.privateFile(trace);
                } catch (IOException e) {
                    // H2 will make it when it must; afterOpen tightens it
                }
            }
        });
    }

    static void afterOpen(String url) {
        base(url).ifPresent(b -> SUFFIXES.forEach(s -> FileModes.privateFile(b.resolveSibling(b.getFileName() + s))));
    }
}
