package dev.voxloop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.peers.contract.OpenApiContract;
import dev.voxloop.server.http.docs.ApiDocument;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Every response a server test sees, checked against the served API's OpenAPI document with the repository's
 * contract validator ({@link OpenApiContract}): the status is one the operation documents, the content type and
 * the body match. A response on a path or method the document does not have (an unknown route, a foreign Host)
 * must be an error: 4xx with the problem JSON, or the console's redirect.
 */
final class ApiContract {

    static final OpenApiContract DOCUMENT = OpenApiContract.of("voxloop", (ObjectNode) ApiDocument.tree());

    private ApiContract() {
    }

    /** Throws an AssertionError naming every mismatch. */
    static void check(String method, String path, int status, Map<String, List<String>> headers, String body) {
        if (path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")) {
            return; // static files of the console and the API page, not API routes
        }
        if ("OPTIONS".equals(method) && status < 300) {
            return; // a CORS preflight, answered for every path by the CORS rules when origins are configured
        }
        List<String> problems = DOCUMENT.validateResponse(method, path, status, headers, body);
        boolean undocumented = problems.stream().anyMatch(p -> p.startsWith("validation.request.path.missing")
                || p.startsWith("validation.request.operation.notAllowed"));
        if (undocumented) {
            if (status == 302 && "GET".equals(method)) {
                return; // a browser's page load of something the server does not have opens the console
            }
            if (status < 400 || status >= 500 || !"HEAD".equals(method) && !isProblem(body)) {
                throw new AssertionError("undocumented " + method + " " + path + " answered " + status
                        + " (only a 4xx problem may answer outside the document): " + body);
            }
            return;
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("response does not match /openapi.json:\n  " + String.join("\n  ", problems)
                    + "\n  body: " + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
        }
    }

    private static boolean isProblem(String body) {
        try {
            JsonNode n = TestServer.JSON.readTree(body);
            return n != null && n.path("error").isTextual() && n.path("detail").isTextual() && n.has("field");
        } catch (IOException e) {
            return false;
        }
    }
}
