package ir.line111.core.domain.agencydesk;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments are told by their first bytes, not by name or claimed type. */
class AttachmentTypesTest {
    @Test
    void knowsTheSixTypesByTheirMagicNumbers() {
        assertThat(AttachmentTypes.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentTypes.PDF);
        assertThat(AttachmentTypes.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains(AttachmentTypes.PNG);
        assertThat(AttachmentTypes.detect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(AttachmentTypes.JPEG);
        assertThat(AttachmentTypes.detect("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentTypes.WAV);
        assertThat(AttachmentTypes.detect("ID3\u0004rest".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentTypes.MP3);
        assertThat(AttachmentTypes.detect("OggS\0rest".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentTypes.OGG);
    }

    @Test
    void refusesEverythingElse() {
        assertThat(AttachmentTypes.detect("MZ\u0090\0 an executable".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(AttachmentTypes.detect("<html><script>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(AttachmentTypes.detect(new byte[]{'%', 'P'})).isEmpty();
        assertThat(AttachmentTypes.detect(null)).isEmpty();
    }
}
