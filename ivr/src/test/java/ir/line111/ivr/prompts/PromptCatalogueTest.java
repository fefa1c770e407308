package ir.line111.ivr.prompts;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PromptCatalogueTest {

    @Test
    void theSharedCatalogueHasPersianTextForEveryPromptTheFlowsPlay() {
        PromptCatalogue c = PromptCatalogue.load();
        assertThat(Prompts.ALL).allSatisfy(k -> assertThat(c.text(k)).as(k).isNotBlank()
                .matches(t -> t.codePoints().anyMatch(cp -> cp >= 0x0600 && cp <= 0x06FF), "Persian"));
        assertThat(c.sound("welcome")).isEqualTo("line111/welcome");
        assertThat(c.text("digit-5")).isEqualTo("پنج");
        assertThat(c.text("agency-municipality")).isEqualTo("شهرداری");
    }

    @Test
    void aMissingKeyFailsFastNamingIt() throws Exception {
        PromptCatalogue c = parse("welcome\tخوش آمدید\tnote\n");
        assertThatThrownBy(() -> c.requireAll(List.of("welcome", "goodbye", "main-menu")))
                .hasMessageContaining("[goodbye, main-menu]");
        assertThatThrownBy(() -> c.sound("nope")).hasMessageContaining("nope");
    }

    @Test
    void malformedLinesAreRefused() {
        assertThatThrownBy(() -> parse("Bad Key\tمتن\t\n")).hasMessageContaining("bad key");
        assertThatThrownBy(() -> parse("a\tیک\t\na\tدو\t\n")).hasMessageContaining("duplicate key a");
        assertThatThrownBy(() -> parse("a\t\t\n")).hasMessageContaining("no text");
    }

    private static PromptCatalogue parse(String tsv) throws Exception {
        return PromptCatalogue.parse(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
    }
}
