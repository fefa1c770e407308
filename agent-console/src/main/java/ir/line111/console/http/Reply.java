package ir.line111.console.http;

import java.nio.file.Path;
import java.util.Map;

/** What a handler answers, when a plain JSON object with status 200 is not enough. */
public sealed interface Reply {
    record Json(int status, Object body, Map<String, String> headers) implements Reply {
        public Json(int status, Object body) { this(status, body, Map.of()); }
    }
    record Empty(int status) implements Reply {}
    record Text(int status, String contentType, String body, Map<String, String> headers) implements Reply {}
    /** A byte range of a file already checked to lie inside its store. */
    record File(int status, Path file, long offset, long length, String contentType, Map<String, String> headers) implements Reply {}

    static Reply json(int status, Object body) { return new Json(status, body); }
    static Reply noContent() { return new Empty(204); }
}
