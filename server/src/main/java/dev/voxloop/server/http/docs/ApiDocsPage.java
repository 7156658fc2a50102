package dev.voxloop.server.http.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The page at {@code /api-docs}: Swagger UI from its webjar on this server, started by {@code /js/api-docs.js}
 * (scripts are same-origin only under the Content-Security-Policy, so no inline script), reading
 * {@code /openapi.json}.
 */
final class ApiDocsPage {

    /** The webjar's version, read from its own Maven metadata so the page follows a dependency upgrade. */
    static final String VERSION = webjarVersion();

    static final String HTML = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>voxloop API</title>
              <link rel="stylesheet" href="/webjars/swagger-ui/%1$s/swagger-ui.css">
              <script src="/webjars/swagger-ui/%1$s/swagger-ui-bundle.js" defer></script>
              <script src="/js/api-docs.js" defer></script>
            </head>
            <body>
              <div id="api-docs" data-url="/openapi.json"><p>Loading the API description from
                <a href="/openapi.json">/openapi.json</a>…</p></div>
            </body>
            </html>
            """.formatted(VERSION);

    private ApiDocsPage() {
    }

    private static String webjarVersion() {
        try (InputStream in = ApiDocsPage.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
