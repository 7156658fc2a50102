package dev.voxloop.server.http.system;

import io.javalin.http.BadRequestResponse;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * A path whose percent-encoding is broken in a way Jetty lets through ({@code %u0041}, the old UTF-16 escape) is a
 * 400 before any route sees it: the router decodes path parameters strictly and would otherwise fail with a 500.
 * The encodings Jetty refuses itself ({@code %zz}, a trailing {@code %}, {@code %00}) never get here.
 */
public final class PathEncoding {

    private PathEncoding() {
    }

    public static void register(JavalinDefaultRoutingApi routes) {
        routes.before(ctx -> {
            if (!wellFormed(ctx.req().getRequestURI())) {
                throw new BadRequestResponse("The path has a malformed percent-encoding");
            }
        });
    }

    /** True when every {@code %} in the raw path starts an escape of two hexadecimal digits. */
    static boolean wellFormed(String rawPath) {
        if (rawPath == null) {
            return true;
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            if (i + 2 >= rawPath.length() || !hex(rawPath.charAt(i + 1)) || !hex(rawPath.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
