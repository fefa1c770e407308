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
    void aShortPasswordIsOneLineWithItsExitCode() throws Exception {
        String cfg = config().toString();
        System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "reza", "--role", "operator", "--config", cfg)).isEqualTo(ExitCodes.WEAK_PASSWORD);
        assertOneLine("line111: a password needs at least 10 characters");
    }

    @Test
    void anUnknownRoleIsAUsageMistake() throws Exception {
        String cfg = config().toString();
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "reza", "--role", "agent", "--config", cfg)).isEqualTo(ExitCodes.USAGE);
        assertOneLine("line111: no such role: agent (operator, transcriber, supervisor, admin)");
    }

    @Test
    void aMissingOptionIsOneLinePointingAtTheHelp() throws Exception {
        assertThat(Main.run("user", "add", "reza", "--config", config().toString())).isEqualTo(ExitCodes.USAGE);
        assertOneLine("line111: Missing required option: '--role=ROLE' (see 'line111 user add --help')");
    }

    @Test
    void aDuplicateUserAndAnUnknownUserHaveTheirOwnCodes() throws Exception {
        String cfg = config().toString();
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "reza", "--role", "operator", "--config", cfg)).isZero();
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "reza", "--role", "operator", "--config", cfg)).isEqualTo(ExitCodes.DUPLICATE);
        assertOneLine("line111: user reza already exists");
        err.reset();
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "passwd", "nobody", "--config", cfg)).isEqualTo(ExitCodes.NOT_FOUND);
        assertOneLine("line111: no user nobody");
    }

    @Test
    void anOperatorGetsTheDeviceTheQueueRingsAndABadOneIsRefused() throws Exception {
        String cfg = config().toString();
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "sara", "--role", "operator", "--device", "PJSIP/1001", "--config", cfg)).isZero();
        assertThat(Main.run("user", "list", "--config", cfg)).isZero();
        assertThat(out.toString()).containsPattern("sara\\s+\\[OPERATOR\\]\\s+PJSIP/1001");
        System.setIn(new ByteArrayInputStream("a-long-password\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(Main.run("user", "add", "omid", "--role", "operator", "--device", "PJSIP 1002", "--config", cfg)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--device").doesNotContain("\tat ");
    }

    private void assertOneLine(String expected) {
        assertThat(err.toString().strip()).isEqualTo(expected);
    }
}
