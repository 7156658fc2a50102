package dev.voxloop.core.problem;

/**
 * A failure a person can act on. Every adapter turns its own errors into one of these kinds, and the
 * HTTP layer maps the kind to a status code; nothing else (and no stack trace) reaches a client.
 */
public final class Problem extends RuntimeException {

    /** What went wrong, from the caller's point of view, with the HTTP status it maps to. */
    public enum Kind {
        INVALID(400), UNAUTHORIZED(401), NOT_FOUND(404), CONFLICT(409), GONE(410), TOO_LARGE(413),
        UNSUPPORTED_MEDIA(415), UNPROCESSABLE(422), TOO_MANY_REQUESTS(429), UPSTREAM(502), UNAVAILABLE(503),
        TIMEOUT(504);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String field;

    public Problem(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public Problem(Kind kind, String message, String field) {
        this(kind, message, field, null);
    }

    public Problem(Kind kind, String message, String field, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, message, field);
    }

    public static Problem notFound(String message) {
        return new Problem(Kind.NOT_FOUND, message);
    }

    public static Problem conflict(String message) {
        return new Problem(Kind.CONFLICT, message);
    }

    public static Problem unavailable(String message) {
        return new Problem(Kind.UNAVAILABLE, message);
    }
}
