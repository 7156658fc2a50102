package dev.voxloop.server.http.system;

import dev.voxloop.core.problem.Problem;

/**
 * How each kind of {@link Problem} is said over HTTP: its status code and the {@code error} code of the JSON body.
 * Core names what went wrong; only here does it become a number.
 */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    /** The HTTP status a problem of {@code kind} is answered with. */
    public static int of(Problem.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHORIZED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA -> 415;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
            case UPSTREAM -> 502;
            case UNAVAILABLE -> 503;
            case TIMEOUT -> 504;
        };
    }

    /** The {@code error} code of the JSON body for {@code kind}. */
    static String code(Problem.Kind kind) {
        return switch (kind) {
            case INVALID -> "invalid_request";
            case UNAUTHORIZED -> "unauthorized";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not_found";
            case CONFLICT -> "conflict";
            case GONE -> "gone";
            case TOO_LARGE -> "too_large";
            case UNSUPPORTED_MEDIA -> "unsupported_media_type";
            case UNPROCESSABLE -> "unprocessable";
            case TOO_MANY_REQUESTS -> "too_many_requests";
            case UPSTREAM -> "upstream_error";
            case UNAVAILABLE -> "unavailable";
            case TIMEOUT -> "timeout";
        };
    }

    /** The {@code error} code for a status the web server produced itself (unknown route, body too large, ...). */
    static String codeFor(int status) {
        for (Problem.Kind k : Problem.Kind.values()) {
            if (of(k) == status) {
                return code(k);
            }
        }
        return status == 405 ? "method_not_allowed" : status >= 500 ? "internal_error" : "http_" + status;
    }
}
