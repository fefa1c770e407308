package ir.line111.asteriskconf.check;

import ir.line111.asteriskconf.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bin/check-pbx against a stand-in for {@code asterisk -rx} that answers as Asterisk 22's CLI does
 * (module show like, moh show files, queue/manager/dialplan show), with one fault at a time.
 */
class CheckPbxScriptTest {

    @TempDir Path tmp;
    Path stub;
    List<String> running;

    record Result(int exit, String out) {}

    @BeforeEach
    void pbxWithEverythingModulesConfRequires() throws IOException {
        running = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*require\\s*=\\s*(\\S+\\.so)").matcher(Files.readString(Repo.etc().resolve("modules.conf")));
        while (m.find()) running.add(m.group(1));
        assertThat(running).contains("chan_pjsip.so", "res_agi.so", "res_musiconhold.so");
        Files.writeString(tmp.resolve("moh-files"), "=== Class: line111\n== File: /var/lib/asterisk/moh/line111/line111-default-hold\n");
        stub = tmp.resolve("asterisk");
        Files.writeString(stub, """
                #!/usr/bin/env bash
                d="$(dirname "$0")"
                [ -f "$d/down" ] && { echo 'Unable to connect to remote asterisk (does /var/run/asterisk/asterisk.ctl exist?)'; exit 1; }
                case "$2" in
                  'core show version') echo 'Asterisk 22.10.1 built by root @ pbx on a x86_64 running Linux' ;;
                  'module show like '*)
                    m="${2#module show like }"
                    echo 'Module                         Description                              Use Count  Status      Support Level'
                    if grep -qx "$m" "$d/running"; then printf '%-30s %-40s %-10s %-11s %s\\n1 modules loaded\\n' "$m" 'A module' 0 Running core
                    else echo '0 modules loaded'; fi ;;
                  'moh show files') cat "$d/moh-files" ;;
                  'queue show line111-operators') echo 'line111-operators has 0 calls (max unlimited) in '"'"'rrmemory'"'"' strategy (0s holdtime, 0s talktime), W:0, C:0, A:0, SL:0.0%, SL2:0.0% within 30s' ;;
                  'manager show user line111') printf '\\n          username: line111\\n            secret: <Set>\\n' ;;
                  'dialplan show 111@line111-inbound') printf "[ Context 'line111-inbound' created by 'pbx_config' ]\\n  '111' =>          1. NoOp(line111)\\n                    3. AGI(agi://127.0.0.1:4573/line111)\\n" ;;
                  *) echo "No such command '$2'" ;;
                esac
                """, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwx------"));
    }

    Result check() throws Exception {
        Files.write(tmp.resolve("running"), running);
        Process p = new ProcessBuilder("bash", Repo.root().resolve("asterisk-conf/bin/check-pbx").toString(), "--asterisk", stub.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void aCompletePbxPasses() throws Exception {
        Result r = check();
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("ok    module chan_pjsip.so is running", "ok    hold music: class line111 has files", "all checks passed")
                .doesNotContain("FAIL");
    }

    @Test
    void aRequiredModuleThatDidNotLoadIsNamed() throws Exception {
        running.remove("chan_pjsip.so");
        Result r = check();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  module chan_pjsip.so is required but not running").contains("1 check(s) failed");
    }

    @Test
    void aModuleThatMustNeverRunIsNamed() throws Exception {
        running.add("app_system.so");
        Result r = check();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  module app_system.so must never run");
    }

    @Test
    void anEmptyHoldMusicClassIsNamed() throws Exception {
        Files.writeString(tmp.resolve("moh-files"), "=== Class: default\n== File: /var/lib/asterisk/moh/macroform-cold_day\n");
        Result r = check();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  hold music: class line111 has no file");
    }

    @Test
    void anAsteriskThatCannotBeAskedIsSaidInOneLine() throws Exception {
        Files.writeString(tmp.resolve("down"), "");
        Result r = check();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out().strip().lines()).singleElement().asString().startsWith("check-pbx: cannot talk to Asterisk");
    }
}
