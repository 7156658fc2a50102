package dev.voxloop.core.problem;

/**
 * A failure a person can act on. Every adapter turns its own errors into one of these kinds; each client side
 * says the kind its own way (the HTTP server as a status code, the CLI as an exit code and a message), and
 * nothing else (no stack trace) reaches a person.
 */
public final class Problem extends RuntimeException {

    /** What went wrong, from the caller's point of view. */
    public enum Kind {
        /** The request itself is wrong (a missing or malformed field); {@link #field()} names it when known. */
        INVALID,
        /** The caller did not prove who it is. */
        UNAUTHORIZED,
        /** The caller may not do this from where it is (a foreign Host or Origin, a webhook the server refuses). */
        FORBIDDEN,
        NOT_FOUND,
        /** The thing is in a state that does not allow this now (answering a session that is not asking). */
        CONFLICT,
        /** It existed but is over for good (an expired intake session). */
        GONE,
        TOO_LARGE,
        /** Content of a kind we cannot read (not audio, an unknown audio format). */
        UNSUPPORTED_MEDIA,
        /** Well-formed, but nothing usable could be made of it (no words heard, nothing understood). */
        UNPROCESSABLE,
        TOO_MANY_REQUESTS,
        /** A service we depend on (a tracker, a model server, git) failed. */
        UPSTREAM,
        /** Not possible right now (no speech engine installed, a dependency down); trying later may work. */
        UNAVAILABLE,
        /** Something we waited on took too long. */
        TIMEOUT
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
