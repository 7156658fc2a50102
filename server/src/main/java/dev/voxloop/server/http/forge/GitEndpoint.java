package dev.voxloop.server.http.forge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.security.ApiTokenGuard;
import dev.voxloop.server.security.HostCheck;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /git/*}: git's smart HTTP protocol in front of the forge's servlet. Clone and fetch are open like the
 * rest of the reads; a push (both its ref advertisement and the pack) needs the API token when one is set, as
 * the password of HTTP Basic authentication (any user name: {@code http://voxloop@host/git/x.git} and git asks for
 * the password) or as a Bearer token. A refused push gets 401 with a Basic challenge, which is what makes stock
 * git prompt or ask its credential helper. Without a token, the Host and Origin are checked as for every other route
 * ({@link HostCheck}: a foreign name is DNS rebinding, a foreign page may not read the repositories): 403 as JSON.
 */
public final class GitEndpoint extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

    private final HttpServlet git;
    private final ApiTokenGuard guard;
    private final HostCheck hosts;

    public GitEndpoint(HttpServlet git, ApiTokenGuard guard, HostCheck hosts) {
        this.git = git;
        this.guard = guard;
        this.hosts = hosts;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        git.init(config);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            hosts.check(req.getHeader("Host"), req.getHeader("Origin"));
        } catch (Problem refused) {
            closeIfUnread(req, resp);
            problem(resp, 403, "forbidden", refused.getMessage());
            return;
        }
        if (!METHODS.contains(req.getMethod())) {
            // the servlet default is 501 (a server fault) for a method it does not know; it is the client's
            resp.setHeader("Allow", "GET, HEAD, POST");
            closeIfUnread(req, resp);
            problem(resp, 405, "method_not_allowed", "Method " + req.getMethod() + " is not allowed on git's paths");
            return;
        }
        if (isPush(req) && !guard.accepts(bearerFromBasic(req.getHeader("Authorization")), null, null)) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"voxloop\", charset=\"UTF-8\"");
            closeIfUnread(req, resp);
            resp.setStatus(401);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getWriter().write("Pushing needs the API token as the password.\n");
            return;
        }
        git.service(req, resp);
    }

    /** Refused with its body unread: the connection will be closed, and the client is told so. */
    private static void closeIfUnread(HttpServletRequest req, HttpServletResponse resp) {
        if (req.getContentLengthLong() != 0) {
            resp.setHeader("Connection", "close");
        }
    }

    private static void problem(HttpServletResponse resp, int status, String error, String detail) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("error", error);
        problem.put("detail", detail);
        problem.put("field", null);
        resp.getWriter().write(JSON.writeValueAsString(problem));
    }

    @Override
    public void destroy() {
        git.destroy();
    }

    static boolean isPush(HttpServletRequest req) {
        String uri = req.getRequestURI();
        return uri.endsWith("/git-receive-pack") || "git-receive-pack".equals(req.getParameter("service"));
    }

    /** {@code Basic base64(user:token)} as {@code Bearer token}; a Bearer header as it is. */
    static String bearerFromBasic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return authorization;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : "Bearer " + decoded.substring(colon + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
