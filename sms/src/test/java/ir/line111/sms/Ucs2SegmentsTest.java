package ir.line111.sms;

import ir.line111.core.domain.tracking.TrackingCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ucs2SegmentsTest {

    @Test
    void seventyCharactersGoInOneMessageWithoutAHeader() {
        String seventy = "س".repeat(70);
        List<Ucs2Segments.Segment> one = Ucs2Segments.of(seventy, 7);
        assertThat(one).singleElement().satisfies(s -> {
            assertThat(s.udh()).isFalse();
            assertThat(s.shortMessage()).hasSize(140).isEqualTo(seventy.getBytes(StandardCharsets.UTF_16BE));
        });
        assertThat(Ucs2Segments.of(seventy + "ا", 7)).hasSize(2);
    }

    @Test
    void aLongPersianTextIsCutIntoPartsOf67WithTheConcatenationHeader() {
        String text = "پاسخ دستگاه اجرایی به موضوع شما ثبت شد و می‌توانید با شماره یکصد و یازده تماس بگیرید. ".repeat(3);
        int n = text.length();
        List<Ucs2Segments.Segment> parts = Ucs2Segments.of(text, 0x1A2);
        assertThat(parts).hasSize((n + 66) / 67);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            byte[] sm = parts.get(i).shortMessage();
            assertThat(parts.get(i).udh()).isTrue();
            assertThat(new byte[] {sm[0], sm[1], sm[2], sm[3], sm[4], sm[5]})
                    .containsExactly(0x05, 0x00, 0x03, (byte) 0xA2, (byte) parts.size(), (byte) (i + 1));
            assertThat(sm.length).isLessThanOrEqualTo(140);
            if (i < parts.size() - 1) assertThat(sm.length).isEqualTo(6 + 67 * 2);
            body.write(sm, 6, sm.length - 6);
        }
        assertThat(body.toString(StandardCharsets.UTF_16BE)).isEqualTo(text);
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String text = "ا".repeat(66) + "\uD83D\uDE00" + "ب".repeat(10);
        List<Ucs2Segments.Segment> parts = Ucs2Segments.of(text, 1);
        assertThat(parts.getFirst().shortMessage()).hasSize(6 + 66 * 2);
        assertThat(new String(parts.get(1).shortMessage(), 6, parts.get(1).shortMessage().length - 6, StandardCharsets.UTF_16BE)).startsWith("\uD83D\uDE00");
    }

    @Test
    void everyCatalogueTextRendersWithTheCodeIsolatedAndNoPlaceholderLeft() {
        SmsTexts texts = SmsTexts.load();
        TrackingCode code = TrackingCode.fromBody(12345678);
        for (SmsKind k : SmsKind.values()) {
            String t = texts.render(k.textKey(), code);
            assertThat(t).contains("\u2066" + code.digits() + "\u2069", "\u2066111\u2069").doesNotContain("{", "}");
            assertThat(Ucs2Segments.count(t)).isBetween(1, 3);
        }
        assertThat(texts.render("board-verdict", code)).contains("رأی هیأت");
        assertThatThrownBy(() -> texts.render("nope", code)).isInstanceOf(IllegalArgumentException.class);
    }
}
