package ir.line111.asteriskconf.prompts;

import ir.line111.asteriskconf.Repo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PromptGenerationTest {

    @TempDir Path tmp;

    @BeforeEach
    void tools() { PromptTools.assumeTools(); }

    @Test
    void everyCatalogueKeyBecomesAn8kHzMono16BitWav() throws Exception {
        var catalogue = PromptCatalogue.read(Repo.catalogue());
        assertThat(catalogue.problems()).as("catalogue problems").isEmpty();
        assertThat(catalogue.prompts()).as("the catalogue has prompts").isNotEmpty();

        Path dir = PromptTools.generateRealSet();

        for (String key : catalogue.prompts().keySet()) {
            Path f = dir.resolve(key + ".wav");
            assertThat(f).as("prompt file for %s", key).isRegularFile();
            var fmt = WavFormat.read(f);
            assertThat(fmt.isTelephonePcm()).as("%s is 8 kHz mono 16-bit PCM: %s", key, fmt).isTrue();
            assertThat(fmt.samples()).as("%s holds more than the 0.15 s of padding", key).isGreaterThan(2000);
            assertThat(WavFormat.peak16(f)).as("%s is speech, not silence", key).isGreaterThan(8000);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".wav")).count())
                    .as("exactly the catalogue's keys").isEqualTo(catalogue.prompts().size());
        }
    }

    @Test
    void theHoldMusicClassGetsADefaultFileSoAFreshPbxIsNotSilent() throws Exception {
        Path cat = catalogue("one\tیک\t\n");
        Path first = tmp.resolve("moh-1");
        Path second = tmp.resolve("moh-2");
        assertThat(PromptTools.run("--catalogue", cat.toString(), "--out", tmp.resolve("p").toString(), "--moh", first.toString()).exitCode()).isZero();
        assertThat(PromptTools.run("--catalogue", cat.toString(), "--out", tmp.resolve("p").toString(), "--moh", second.toString(), "--force").exitCode()).isZero();

        Path hold = first.resolve("line111-default-hold.wav");
        var fmt = WavFormat.read(hold);
        assertThat(fmt.isTelephonePcm()).as("8 kHz mono 16-bit, played without transcoding: %s", fmt).isTrue();
        assertThat(fmt.samples()).as("long enough not to repeat every few seconds").isGreaterThan(8000 * 15);
        assertThat(WavFormat.peak16(hold)).as("music, not silence").isGreaterThan(2000);
        assertThat(hashes(first)).as("repeatable").isEqualTo(hashes(second));
        assertThat(Files.readString(Repo.root().resolve("asterisk-conf/etc/asterisk/musiconhold.conf")))
                .as("the class plays that folder").contains("directory = moh/line111");
    }

    @Test
    void aSecondRunMakesNothingAndChangesNoByte() throws Exception {
        Path dir = PromptTools.generateRealSet();
        Map<String, String> before = hashes(dir);

        var again = PromptTools.run();

        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).contains(" 0 made, ");
        assertThat(hashes(dir)).isEqualTo(before);
    }

    @Test
    void theSameTextGivesTheSameBytesWhenMadeAgainFromScratch() throws Exception {
        Path cat = catalogue("welcome\tبه سامانه ارتباط مردم و دولت خوش آمدید.\tn\nnum-23\tبیست و سه\t\n");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");

        assertThat(PromptTools.run("--catalogue", cat.toString(), "--out", a.toString()).exitCode()).isZero();
        assertThat(PromptTools.run("--catalogue", cat.toString(), "--out", b.toString(), "--force").exitCode()).isZero();

        assertThat(hashes(a)).hasSize(2).isEqualTo(hashes(b));
    }

    @Test
    void aChangedTextIsMadeAgainAndADroppedKeyIsRemoved() throws Exception {
        Path out = tmp.resolve("out");
        Path cat = catalogue("one\tیک\t\ntwo\tدو\t\n");
        assertThat(PromptTools.run("--catalogue", cat.toString(), "--out", out.toString()).exitCode()).isZero();
        String oneBefore = hashes(out).get("one.wav");

        Files.writeString(cat, "one\tیک و دو\t\n", StandardCharsets.UTF_8);
        var run = PromptTools.run("--catalogue", cat.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("1 made").contains("1 removed");
        assertThat(hashes(out)).containsOnlyKeys("one.wav");
        assertThat(hashes(out).get("one.wav")).isNotEqualTo(oneBefore);
    }

    @Test
    void aVoiceArtistsRecordingWinsAndIsConvertedToTheTelephoneFormat() throws Exception {
        Path out = tmp.resolve("out");
        Path override = Files.createDirectories(tmp.resolve("override"));
        Path cat = catalogue("welcome\tخوش آمدید\t\nthanks\tسپاس\t\n");
        // A studio recording: 16 kHz stereo, one second of a 440 Hz tone.
        var sox = new ProcessBuilder("sox", "-R", "-n", "-r", "16000", "-c", "2", "-b", "16",
                override.resolve("welcome.wav").toString(), "synth", "1", "sine", "440").redirectErrorStream(true).start();
        assertThat(sox.waitFor()).isZero();

        var run = PromptTools.run("--catalogue", cat.toString(), "--out", out.toString(), "--override", override.toString());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("1 from a voice artist");
        var fmt = WavFormat.read(out.resolve("welcome.wav"));
        assertThat(fmt.isTelephonePcm()).as(fmt.toString()).isTrue();
        assertThat(fmt.samples()).isEqualTo(8000);

        // Taking the recording away brings the synthetic voice back.
        Files.delete(override.resolve("welcome.wav"));
        var back = PromptTools.run("--catalogue", cat.toString(), "--out", out.toString(), "--override", override.toString());
        assertThat(back.output()).contains("1 made");
        assertThat(WavFormat.read(out.resolve("welcome.wav")).samples()).isNotEqualTo(8000);
    }

    @Test
    void aBrokenCatalogueNamesTheLineAndMakesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Path cat = catalogue("good\tخوب\t\nBad Key\tبد\t\nempty\t\tnote\ngood\tتکرار\t\n");

        var run = PromptTools.run("--catalogue", cat.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains(":3: key 'Bad Key'").contains(":4: key 'empty' has no text")
                .contains(":5: key 'good' appears twice").contains("nothing generated");
        assertThat(out).doesNotExist();
    }

    private Path catalogue(String body) throws Exception {
        Path cat = tmp.resolve("catalogue-" + System.nanoTime() + ".tsv");
        Files.writeString(cat, "# test catalogue\n" + body, StandardCharsets.UTF_8);
        return cat;
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        var out = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).toList()) {
                out.put(f.getFileName().toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }
}
