package ir.line111.asteriskconf.conf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfFileTest {

    @TempDir Path tmp;

    @Test
    void readsSectionsTemplatesCommentsAndIncludesAsAsteriskDoes() throws Exception {
        Files.writeString(tmp.resolve("extra.conf"), "secret = from-include\n");
        Path f = tmp.resolve("a.conf");
        Files.writeString(f, """
                ; a comment
                [tpl](!)
                type = endpoint   ; trailing comment
                context = one
                ;-- a block
                comment = ignored --;
                [ep](tpl)
                context = two
                note = semi\\;colon
                exten => 1,1,NoOp(x)
                [user]
                #include "extra.conf"
                #tryinclude missing.conf
                [ep](+)
                allow = alaw
                """);

        var conf = ConfFile.read(f);

        assertThat(conf.sections()).extracting(ConfFile.Section::name).containsExactly("tpl", "ep", "user");
        var tpl = conf.section("tpl").orElseThrow();
        assertThat(tpl.template()).isTrue();
        assertThat(tpl.entries()).extracting(ConfFile.Entry::key).containsExactly("type", "context");
        var ep = conf.section("ep").orElseThrow();
        assertThat(conf.effectiveValue(ep, "type")).contains("endpoint");
        assertThat(conf.effectiveValue(ep, "context")).contains("two");
        assertThat(ep.first("note")).contains("semi;colon");
        assertThat(ep.first("allow")).contains("alaw");
        assertThat(ep.all("exten").getFirst().arrow()).isTrue();
        assertThat(conf.section("user").orElseThrow().first("secret")).contains("from-include");
    }

    @Test
    void rejectsWhatAsteriskWouldRejectWithTheLine() throws Exception {
        assertThatThrownBy(() -> read("key = outside\n")).hasMessageContaining(":1: a line outside any [section]");
        assertThatThrownBy(() -> read("[s]\nno equals sign\n")).hasMessageContaining(":2: not a 'key = value' line");
        assertThatThrownBy(() -> read("[s\n")).hasMessageContaining("without ]");
        assertThatThrownBy(() -> read("[s]\n#include gone.conf\n")).hasMessageContaining("missing file");
        assertThatThrownBy(() -> read("[s](+)\n")).hasMessageContaining("appends to a section that does not exist");
        assertThatThrownBy(() -> read("[s]\n;-- never closed\n")).hasMessageContaining("never closed");
    }

    private ConfFile read(String text) throws Exception {
        Path f = tmp.resolve("t" + System.nanoTime() + ".conf");
        Files.writeString(f, text);
        return ConfFile.read(f);
    }
}
