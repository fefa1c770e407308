package ir.line111.asteriskconf.dialplan;

import ir.line111.asteriskconf.conf.ConfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DialplanTest {

    @TempDir Path tmp;

    @Test
    void numbersPrioritiesFollowsJumpsAndFindsWhatIsReachable() throws Exception {
        var d = dialplan("""
                [globals]
                X = 1
                [in]
                exten => 111,1,NoOp(start)
                 same => n,GotoIf($["${A}" = "Q"]?queue,s,1:done)
                 same => n(done),Hangup()
                exten => _9XX,1,Goto(other)
                [queue]
                exten => s,1,Gosub(sub,s,1(arg1,arg2))
                [sub]
                exten => s,1,Return()
                [lonely]
                exten => s,1,NoOp()
                """);

        assertThat(d.contexts()).containsOnlyKeys("in", "queue", "sub", "lonely");
        var in = d.contexts().get("in").extensions().get("111");
        assertThat(in.steps()).extracting(Dialplan.Step::priority).containsExactly(1, 2, 3);
        assertThat(in.label("done")).map(Dialplan.Step::priority).contains(3);

        var gotoIf = in.priority(2).orElseThrow();
        assertThat(Dialplan.targets(gotoIf)).extracting(Dialplan.Target::describe).containsExactly("queue,s,1", "in,111,done");
        assertThat(Dialplan.targets(gotoIf)).allSatisfy(t -> assertThat(d.problem(t)).isEmpty());

        var toOther = d.contexts().get("in").extensions().get("_9XX").priority(1).orElseThrow();
        assertThat(d.problem(Dialplan.targets(toOther).getFirst())).get().asString().contains("no such priority or label");

        assertThat(d.reachableFrom(Set.of("in"))).containsExactlyInAnyOrder("in", "queue", "sub");
    }

    @Test
    void matchesExtensionPatterns() {
        assertThat(Dialplan.matches("_9XX", "912")).isTrue();
        assertThat(Dialplan.matches("_9XX", "91")).isFalse();
        assertThat(Dialplan.matches("_[1-3]N.", "1234")).isTrue();
        assertThat(Dialplan.matches("_X!", "5")).isTrue();
        assertThat(Dialplan.matches("s", "s")).isTrue();
    }

    @Test
    void rejectsBrokenLines() {
        assertThatThrownBy(() -> dialplan("[c]\nsame => n,NoOp()\n")).hasMessageContaining("same => before any exten");
        assertThatThrownBy(() -> dialplan("[c]\nexten => s,1,NoOp(${X)\n")).hasMessageContaining("'}' is missing");
        assertThatThrownBy(() -> dialplan("[c]\nexten => s,1,NoOp()\nexten => s,1,NoOp()\n")).hasMessageContaining("priority 1 twice");
        assertThatThrownBy(() -> dialplan("[c]\nexten => s,x,NoOp()\n")).hasMessageContaining("bad priority 'x'");
        assertThatThrownBy(() -> dialplan("[c]\nfoo => bar\n")).hasMessageContaining("'foo' is not a dialplan line");
    }

    @Test
    void splitsArgumentsOutsideBracketsAndQuotes() {
        assertThat(Args.split("a,${F(b,c)},$[1,2],\"d,e\",", ',')).containsExactly("a", "${F(b,c)}", "$[1,2]", "\"d,e\"", "");
        assertThat(Args.unbalanced("${REGEX(\"^/[a-z]+$\" ${V})}")).isEmpty();
        assertThat(Args.unbalanced("$[\"${A}\" = \"B\"]")).isEmpty();
        assertThat(Args.unbalanced("${A")).isPresent();
    }

    private Dialplan dialplan(String text) throws Exception {
        Path f = tmp.resolve("e" + System.nanoTime() + ".conf");
        Files.writeString(f, text);
        return Dialplan.of(ConfFile.read(f));
    }
}
