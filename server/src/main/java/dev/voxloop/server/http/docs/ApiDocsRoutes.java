package dev.voxloop.server.http.docs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.json}: the API's OpenAPI document ({@link ApiDocument}); {@code GET /api-docs}: a page that
 * renders it with Swagger UI, served from its webjar (no CDN: the page works offline and within the console's
 * Content-Security-Policy, scripts from this server only).
 */
public final class ApiDocsRoutes {

    public static final String DOCUMENT_PATH = "/openapi.json";
    public static final String PAGE_PATH = "/api-docs";

    private final ObjectMapper json;
    private volatile byte[] document;

    /**
     * The document is read on its first request, not here: parsing the YAML takes a tenth of a second of a
     * server's start (the tests that compare it with the routes read it on every build).
     */
    public ApiDocsRoutes(ObjectMapper json) {
        this.json = json;
    }

    private byte[] document() {
        byte[] d = document;
        if (d == null) {
            try {
                d = json.writeValueAsString(ApiDocument.tree()).getBytes(StandardCharsets.UTF_8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the OpenAPI document cannot be written as JSON", e);
            }
            document = d;
        }
        return d;
    }

    /** Swagger UI's files at {@code /webjars/swagger-ui/<version>/}. */
    public void configure(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(DOCUMENT_PATH, ctx -> ctx.contentType("application/json").result(document()));
        routes.get(PAGE_PATH, ctx -> ctx.html(ApiDocsPage.HTML));
    }
}
