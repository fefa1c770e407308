package ir.line111.asteriskconf.check;

import ir.line111.asteriskconf.Repo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The check catches drift: each case breaks one thing in a copy of the real files. */
class BrokenConfigurationTest {

    @TempDir Path tmp;

    static Stream<Arguments> breakages() {
        return Stream.of(
                arguments("extensions.conf", "agi://127.0.0.1:4573/line111)", "agi://127.0.0.1:4574/line111)",
                        "AGI port 4574 but DialplanContract says 4573"),
                arguments("extensions.conf", "agi://127.0.0.1:4573/line111-after-queue", "agi://127.0.0.1:4573/line111-afterqueue",
                        "AGI script 'line111-afterqueue' is not a DialplanContract script"),
                arguments("extensions.conf", "agi://127.0.0.1:4573/line111)", "agi://localhost:4573/line111)",
                        "AGI host localhost"),
                arguments("extensions.conf", "Queue(line111-operators,", "Queue(line111-operator,",
                        "Queue(line111-operator) but DialplanContract's queue is line111-operators"),
                arguments("queues.conf", "[line111-operators]", "[operators]",
                        "queues.conf has no [line111-operators]"),
                arguments("extensions.conf", "line111-fallback,s,1)", "line111-fallbak,s,1)",
                        "context [line111-fallback] cannot be reached from [line111-inbound]"),
                arguments("extensions.conf", "= \"FALLBACK\"]", "= \"FALLBAK\"]",
                        "does not handle ${LINE111_NEXT} = \"FALLBACK\""),
                arguments("extensions.conf", "= \"QUEUE\"]?line111-queue,s,1)", "= \"QUEUE\"]?line111-fallback,s,1)",
                        "${LINE111_NEXT} = \"QUEUE\" does not go to [line111-queue]"),
                arguments("extensions.conf", "?finished)", "?finish)",
                        "no such priority or label"),
                arguments("extensions.conf", "[line111-after-queue]", "[line111-afterqueue]",
                        "context [line111-after-queue] of DialplanContract does not exist"),
                arguments("extensions.conf", "Set(L111_CALLER=${FILTER(0-9,${CALLERID(num)})})", "Set(L111_CALLER=${CALLERID(num)})",
                        "Set() uses ${CALLERID(num)} from the caller without FILTER()"),
                arguments("extensions.conf", "call ${LINE111_CALL_ID}", "call ${LINE111_CALLID}",
                        "channel variable LINE111_CALLID is not in DialplanContract"),
                arguments("extensions.conf", "MixMonitor(${LINE111_CONVERSATION_FILE}.wav,b)", "MixMonitor(${LINE111_CONVERSATION_FILE.wav,b)",
                        "dialplan does not parse"),
                arguments("extensions.conf", "MixMonitor(${LINE111_CONVERSATION_FILE}.wav,b)", "NoOp(no recording)",
                        "does not MixMonitor into ${LINE111_CONVERSATION_FILE}"),
                arguments("extensions.conf", "Playback(line111/goodbye)", "Playback(line111/good-bye)",
                        "key 'good-bye' is not in prompts/catalogue.tsv"),
                arguments("extensions.conf", "Playback(line111/goodbye)", "Playback(vm-goodbye)",
                        "is not a line111/<key> prompt"),
                arguments("extensions.conf", "${L111_MESSAGE_MAX_SECONDS},k)", "${L111_MESSAGE_MAX_SECONDS},)",
                        "without option k"),
                arguments("extensions.conf", "line111-fallback-${EPOCH}-${L111_CALLER}-${UNIQUEID}.wav", "fallback-${UNIQUEID}.wav",
                        "does not follow line111-fallback-"),
                arguments("extensions.conf", "${L111_QUEUE_TIMEOUT})", "${L111_QUEUE_TIMOUT})",
                        "${L111_QUEUE_TIMOUT} is read but never set"),
                arguments("manager.conf", "write = agent,reporting", "write = agent,reporting,originate",
                        "may write 'originate'"),
                arguments("manager.conf", "read = system,call,agent", "read = all",
                        "may read 'all'"),
                arguments("manager.conf", "bindaddr = 127.0.0.1", "bindaddr = 0.0.0.0",
                        "bindaddr must be 127.0.0.1"),
                arguments("manager.conf", "permit = 127.0.0.1/255.255.255.255", "permit = 10.0.0.0/255.0.0.0",
                        "is permitted from 10.0.0.0/255.0.0.0"),
                arguments("manager.conf", "#tryinclude manager-line111-secret.conf", "secret = hunter2",
                        "secrets live only on the PBX"),
                arguments("manager.conf", "LINE111_DRAFT_CASE,", "LINE111_DRAFT,",
                        "channelvars exports LINE111_DRAFT which is not in DialplanContract"),
                arguments("queues.conf", "announce-position = no", "announce-position = yes",
                        "announce-position = yes"),
                arguments("pjsip.conf", "context = line111-inbound", "context = from-trunk",
                        "context [from-trunk] which extensions.conf does not have"),
                arguments("modules.conf", "noload = app_system.so", ";",
                        "app_system.so must be noload"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("breakages")
    void theCheckNamesTheDrift(String file, String from, String to, String expected) throws Exception {
        Path etc = copyOfRealFiles();
        Path f = etc.resolve(file);
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(text).as("the real %s still contains the text this case breaks", file).contains(from);
        Files.writeString(f, text.replace(from, to), StandardCharsets.UTF_8);

        var findings = ConfigurationCheck.run(etc, Repo.catalogue(), null, DialplanConsistencyTest.expectations());

        assertThat(findings).as("findings for the broken %s", file).isNotEmpty();
        String all = DialplanConsistencyTest.report(findings);
        assertThat(all).contains(expected);
    }

    private Path copyOfRealFiles() throws Exception {
        Path etc = Files.createDirectories(tmp.resolve("etc"));
        try (Stream<Path> files = Files.list(Repo.etc())) {
            for (Path p : files.toList()) Files.copy(p, etc.resolve(p.getFileName()));
        }
        return etc;
    }
}
