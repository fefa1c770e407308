package ir.line111.asteriskconf.conf;

import java.nio.file.Path;

/** A configuration file Asterisk would reject or misread, with the file and line. */
public final class ConfParseException extends Exception {
    private final Path file;
    private final int line;

    public ConfParseException(Path file, int line, String message) {
        super(file.getFileName() + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() { return file; }

    public int line() { return line; }
}
