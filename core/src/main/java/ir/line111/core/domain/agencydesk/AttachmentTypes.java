package ir.line111.core.domain.agencydesk;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an agency may attach (issue 16): PDF, PNG and JPEG images, WAV, MP3 and Ogg audio — told by the
 * file's first bytes (its magic number), never by its name or the type the browser claims. Six fixed
 * signatures: a detection library (Apache Tika) would bring a large dependency for exactly these.
 */
public final class AttachmentTypes {
    private AttachmentTypes() {}

    /** A type we keep: the media type served back and the extension the stored file gets. */
    public record Type(String mediaType, String extension, String persian) {}

    public static final Type PDF = new Type("application/pdf", "pdf", "PDF");
    public static final Type PNG = new Type("image/png", "png", "تصویر PNG");
    public static final Type JPEG = new Type("image/jpeg", "jpg", "تصویر JPEG");
    public static final Type WAV = new Type("audio/wav", "wav", "صدا WAV");
    public static final Type MP3 = new Type("audio/mpeg", "mp3", "صدا MP3");
    public static final Type OGG = new Type("audio/ogg", "ogg", "صدا Ogg");

    /** The type the bytes are; empty for anything else (an executable renamed .pdf included). */
    public static Optional<Type> detect(byte[] b) {
        if (b == null || b.length < 4) return Optional.empty();
        if (starts(b, 0, "%PDF-")) return Optional.of(PDF);
        if (starts(b, 0, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})) return Optional.of(PNG);
        if (starts(b, 0, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return Optional.of(JPEG);
        if (starts(b, 0, "RIFF") && starts(b, 8, "WAVE")) return Optional.of(WAV);
        if (starts(b, 0, "ID3") || ((b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0 && (b[1] & 0x06) != 0)) return Optional.of(MP3);
        if (starts(b, 0, "OggS")) return Optional.of(OGG);
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int at, String ascii) {
        return starts(b, at, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean starts(byte[] b, int at, byte[] sig) {
        return b.length >= at + sig.length && Arrays.equals(b, at, at + sig.length, sig, 0, sig.length);
    }
}
