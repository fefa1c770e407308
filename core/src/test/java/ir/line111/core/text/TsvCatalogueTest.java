package ir.line111.core.text;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TsvCatalogueTest {

    private static Map<String, String> parse(String text) throws IOException {
        return TsvCatalogue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.tsv");
    }

    @Test
    void readsKeysAndTextsInFileOrderSkippingCommentsAndBlankLines() throws IOException {
        Map<String, String> t = parse("# a comment\n\nmain-menu\t برای ثبت ۱ \tnote\nyour-code-is\tکد رهگیری شما\n");
        assertThat(t).containsExactly(Map.entry("main-menu", "برای ثبت ۱"), Map.entry("your-code-is", "کد رهگیری شما"));
    }

    @Test
    void aMistakeNamesTheLine() {
        assertThatThrownBy(() -> parse("ok\tمتن\nBad_Key\tمتن\n")).hasMessage("test.tsv line 2: bad key 'Bad_Key'");
        assertThatThrownBy(() -> parse("a\tمتن\na\tدوباره\n")).hasMessage("test.tsv line 2: duplicate key a");
        assertThatThrownBy(() -> parse("a\t \n")).hasMessage("test.tsv line 1: key a has no text");
        assertThatThrownBy(() -> parse("only-a-key\n")).hasMessage("test.tsv line 1: expected key<TAB>text<TAB>note");
    }
}
