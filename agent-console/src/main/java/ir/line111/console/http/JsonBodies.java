package ir.line111.console.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Strict request bodies. A body must say it is JSON ({@code application/json}, UTF-8): a browser
 * sends {@code text/plain} or a form cross-site without asking first, so accepting those would let
 * another site post to the API (sign-in included). And a key given twice is refused, because two
 * parsers of one body (a proxy that checks it, the console that acts on it) could read different
 * values from it.
 */
public final class JsonBodies {

    static final Set<String> AUDIO = Set.of("audio/wav", "audio/x-wav", "audio/wave", "audio/vnd.wave", "application/octet-stream");

    static final Set<String> UPLOADS = Set.of("application/pdf", "image/png", "image/jpeg", "audio/wav", "audio/x-wav", "audio/wave",
            "audio/mpeg", "audio/ogg", "application/octet-stream");

    private static final JsonFactory STRICT = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private JsonBodies() {}

    /** 415 when a state change carries a body that is not declared JSON (the audio upload: WAV); null when fine. */
    static ApiException contentTypeProblem(RoutingContext ctx) {
        HttpMethod m = ctx.request().method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) return null;
        Buffer b = ctx.body() == null ? null : ctx.body().buffer();
        boolean hasBody = b != null && b.length() > 0;
        String header = ctx.request().getHeader("Content-Type");
        String[] parts = header == null ? new String[0] : header.split(";");
        String mime = parts.length == 0 ? null : parts[0].strip().toLowerCase(Locale.ROOT);
        if (ctx.normalizedPath().endsWith("/answer-audio")) {
            return mime != null && AUDIO.contains(mime) ? null : unsupported("فایل صوتی باید با Content-Type: audio/wav فرستاده شود");
        }
        if (ctx.normalizedPath().endsWith("/attachments") && m == HttpMethod.POST) {
            // an agency's file (issue 16): the type it claims is checked against its first bytes by the handler
            return mime != null && UPLOADS.contains(mime) ? null : unsupported("پیوست باید PDF، تصویر (PNG/JPEG) یا صدا (WAV/MP3/OGG) باشد");
        }
        if (!hasBody && mime == null) return null;
        if (!"application/json".equals(mime)) return unsupported("بدنهٔ درخواست باید JSON باشد (Content-Type: application/json)");
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (p.startsWith("charset=") && !p.equals("charset=utf-8")) return unsupported("JSON باید با نویسه‌گذاری UTF-8 فرستاده شود");
        }
        return null;
    }

    private static ApiException unsupported(String message) {
        return new ApiException(415, "unsupported_media_type", message, null);
    }

    /** The body as a JSON object ({} when empty); 400 when it is not one, or names a key twice at any depth. */
    static JsonObject object(Buffer body) {
        if (body == null || body.length() == 0) return new JsonObject();
        byte[] bytes = body.getBytes();
        try (JsonParser p = STRICT.createParser(bytes)) {
            while (p.nextToken() != null) {
                // reading every token is what makes the parser see a repeated key
            }
        } catch (JsonParseException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.startsWith("Duplicate field")) {
                String name = msg.replaceFirst("^Duplicate field '(.*)'$", "$1");
                if (name.length() > 64) name = name.substring(0, 64) + "…";
                throw new ApiException(400, "duplicate_json_key", "کلید «" + ir.line111.core.domain.identity.Digits.isolated(name) + "» در JSON دو بار آمده است", null);
            }
            throw ApiException.invalid(null, "بدنهٔ درخواست JSON معتبر نیست");
        } catch (IOException e) {
            throw ApiException.invalid(null, "بدنهٔ درخواست JSON معتبر نیست");
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw ApiException.invalid(null, "بدنهٔ درخواست JSON معتبر نیست");
        }
    }
}
