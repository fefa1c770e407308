package ir.line111.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable jar's CLI as a person uses it: exit codes and one-line errors, passwords never from arguments. */
class CliTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut, oldErr;
    private InputStream oldIn;

    @BeforeEach
    void capture() {
        oldOut = System.out; oldErr = System.err; oldIn = System.in;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut); System.setErr(oldErr); System.setIn(oldIn);
    }

    private Path config(String... lines) throws Exception {
        Path f = dir.resolve("line111.properties");
        Files.writeString(f, "data.dir=" + dir + "\ndb.url=jdbc:h2:file:" + dir.resolve("db") + "\n" + String.join("\n", lines) + "\n");
        return f;
    }

    @Test
    void versionPrintsTheVersion() {
        assertThat(Main.run("version")).isZero();
        assertThat(out.toString()).startsWith("line111 ");
    }

    @Test
    void aBadValueStopsWithOneLineNamingTheKey() throws Exception {
        int code = Main.run("db", "migrate", "--config", config("agi.port=forty").toString());
        assertThat(code).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("agi.port").contains("LINE111_AGI_PORT").doesNotContain("\tat ");
    }

    @Test
    void anUnknownKeyIsRefusedByName() throws Exception {
        int code = Main.run("db", "migrate", "--config", config("agi.prot=4573").toString());
        assertThat(code).isEqualTo(ExitCodes.CONFIG);
        assertThat(err.toString()).contains("agi.prot");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() throws Exception {
        Path f = dir.resolve("pg.properties");
        Files.writeString(f, "db.url=jdbc:postgresql://127.0.0.1:1/line111\ndb.password=secret-value\n");
        int code = Main.run("db", "migrate", "--config", f.toString());
        assertThat(code).isEqualTo(ExitCodes.DATABASE);
        assertThat(err.toString()).contains("cannot open the database").contains("127.0.0.1:1")
                .doesNotContain("secret-value").doesNotContain("\tat ");
    }

    @Test
    void usersAreAddedWithAPasswordFromStdinAndListed() throws Exception {
        String cfg = config().toString();
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "ali", "--role", "operator,transcriber", "--config", cfg)).isZero();
        assertThat(Main.run("user", "list", "--config", cfg)).isZero();
        assertThat(out.toString()).contains("ali").contains("OPERATOR").contains("TRANSCRIBER")
                .doesNotContain("a-long-password");
    }

    @Test
    void aShortPasswordIsRefused() throws Exception {
        String cfg = config().toString();
        System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "reza", "--role", "operator", "--config", cfg)).isNotZero();
        assertThat(err.toString()).contains("at least");
    }

    @Test
    void callTakesItsOptionsInTheOrderGiven() {
        Path script = Path.of(System.getProperty("line111.repo.root", "..")).resolve("fake-asterisk/scripts/follow-up-code.yaml");
        int code = Main.run("call", "--script", script.toString(), "--port", "1", "--timeout", "2");
        assertThat(err.toString()).doesNotContain("unknown option");
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("127.0.0.1:1");
    }
}
