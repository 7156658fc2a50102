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

    private final byte[] document;

    public ApiDocsRoutes(ObjectMapper json) {
        try {
            this.document = json.writeValueAsString(ApiDocument.tree()).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written as JSON", e);
        }
    }

    /** Swagger UI's files at {@code /webjars/swagger-ui/<version>/}. */
    public void configure(JavalinConfig cfg) {
        cfg.staticFiles.enableWebjars();
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get(DOCUMENT_PATH, ctx -> ctx.contentType("application/json").result(document));
        routes.get(PAGE_PATH, ctx -> ctx.html(ApiDocsPage.HTML));
    }
}
