package ir.line111.console.http;

/** An answer other than success, with the error code of the API contract (openapi.yaml, schema Error). */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private final java.util.Map<String, String> headers;
    private final String reason;

    public ApiException(int status, String code, String message, String field) {
        this(status, code, message, field, java.util.Map.of());
    }

    public ApiException(int status, String code, String message, String field, java.util.Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = java.util.Map.copyOf(headers);
        this.reason = null;
    }

    private ApiException(int status, String code, String message, String field, String reason) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = java.util.Map.of();
        this.reason = reason;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }
    /** Why an input is invalid, as a stable code (e.g. national_id.CHECKSUM), or null. */
    public String reason() { return reason; }
    /** Headers the answer carries (Retry-After). */
    public java.util.Map<String, String> headers() { return headers; }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid", message, field);
    }

    /** 400 invalid with the stable reason beside the Persian message. */
    public static ApiException invalid(String field, String message, String reason) {
        return new ApiException(400, "invalid", message, field, reason);
    }

    public static ApiException notFound() {
        return new ApiException(404, "not_found", "پیدا نشد", null);
    }

    public static ApiException forbidden() {
        return new ApiException(403, "forbidden", "اجازهٔ این کار را ندارید", null);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, "conflict", message, null);
    }

    /** Someone else changed the case between this request's read and its write. */
    public static ApiException concurrentChange() {
        return new ApiException(409, "concurrent_change", "این پرونده هم‌زمان به دست همکار دیگری تغییر کرد؛ صفحه را تازه کنید و دوباره بکوشید", null);
    }

    /** Too many requests of this kind right now; {@code retryAfterSeconds} goes into Retry-After. */
    public static ApiException tooMany(String code, String message, long retryAfterSeconds) {
        return new ApiException(429, code, message, null, java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    public static ApiException unavailable(String code, String message) {
        return new ApiException(503, code, message, null);
    }
}
