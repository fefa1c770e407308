package ir.line111.console.http;

/** An answer other than success, with the error code of the API contract (openapi.yaml, schema Error). */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;

    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }

    public static ApiException invalid(String field, String message) {
        return new ApiException(400, "invalid", message, field);
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

    public static ApiException unavailable(String code, String message) {
        return new ApiException(503, code, message, null);
    }
}
