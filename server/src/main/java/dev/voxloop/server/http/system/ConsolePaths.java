package dev.voxloop.server.http.system;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Which requests a browser means for the console: a page load (it accepts HTML) of a path that is not part of the
 * API. Those are sent to the console's own view of the path ({@code /tickets/BOOK-1} opens {@code #/tickets/BOOK-1},
 * an unknown page opens the console) instead of a bare page or a JSON error.
 */
public final class ConsolePaths {

    private ConsolePaths() {
    }

    /** True for a browser's GET of a non-API path. */
    public static boolean forConsole(Context ctx) {
        String accept = ctx.header("Accept");
        String path = ctx.path();
        return "GET".equals(ctx.method().name()) && accept != null
                && accept.toLowerCase(Locale.ROOT).contains("text/html")
                && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/ws")
                && !path.equals("/health");
    }

    /** Redirects to the console's view of {@code hashPath} ({@code /tickets/BOOK-1}). */
    public static void open(Context ctx, String hashPath) {
        // set by hand: Context.redirect needs a matched endpoint, which an unknown path has not
        ctx.status(302).header("Location", "/#" + hashPath).result("");
    }
}
