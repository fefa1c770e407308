package ir.line111.fakeasterisk.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the FastAGI server's commands as res_agi does: at most AGI_BUF_LEN - 1 (2047) bytes make one
 * command (fgets into a 2048-byte buffer: the rest of a longer line is the next command), a NUL ends
 * the command there (res_agi takes strlen of what fgets read), and a last line without '\n' counts.
 */
final class ResAgiReader {
    static final int AGI_BUF_LEN = 2048;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    ResAgiReader(InputStream in) {
        this.in = in;
    }

    /** The next command without its '\n'; null at EOF. */
    String readCommand() throws IOException {
        line.reset();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') return text();
            line.write(c);
            if (line.size() == AGI_BUF_LEN - 1) return text();
        }
        return line.size() > 0 ? text() : null;
    }

    private String text() {
        String s = line.toString(StandardCharsets.UTF_8);
        int nul = s.indexOf(0);
        return nul < 0 ? s : s.substring(0, nul);
    }
}
