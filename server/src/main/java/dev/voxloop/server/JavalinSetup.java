package dev.voxloop.server;

import dev.voxloop.server.http.system.JettyErrorPages;
import dev.voxloop.server.json.WireJson;
import dev.voxloop.server.metrics.HttpMeters;
import dev.voxloop.server.security.NoMethodOverride;
import dev.voxloop.server.security.SecurityHeaders;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the server's Javalin and Jetty are set up before any route: JSON mapper, request and upload size limits,
 * thread pool, security headers, error pages without library internals, the access log (and HTTP meters), CORS.
 */
final class JavalinSetup {

    private static final Logger ACCESS = LoggerFactory.getLogger("dev.voxloop.server.access");

    private JavalinSetup() {
    }

    static void apply(JavalinConfig cfg, ServerSettings settings, WireJson json, HttpMeters httpMeters) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.jsonMapper(new JavalinJackson(json.mapper(), false));
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = maxRequestBytes(settings);
        cfg.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxTotalRequestSize(settings.maxUploadBytes() + 64 * 1024, SizeUnit.BYTES);
        cfg.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
        cfg.router.ignoreTrailingSlashes = true;
        cfg.jetty.threadPool = HttpThreads.pool();
        // the console and Swagger UI are read through the class loader's URLs; Jetty's own resource handler mounts
        // the whole application jar as a zip file system first (20,000 entries: a third of a second at start)
        cfg.resourceHandler(new JavalinStaticResourceHandler());
        cfg.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new NoMethodOverride()));
        cfg.bundledPlugins.enableGlobalHeaders(SecurityHeaders::apply);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorPages(json)));
        // Method, path (never the query string: it may carry ?token=), status and time. No bodies, no headers.
        cfg.requestLogger.http((ctx, ms) -> {
            ACCESS.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms));
            httpMeters.record(ctx, ms);
        });
        if (!settings.corsOrigins().isEmpty()) {
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                rule.allowCredentials = false;
                if (settings.corsOrigins().contains("*")) {
                    rule.anyHost();
                } else {
                    rule.allowHost(settings.corsOrigins().getFirst(),
                            settings.corsOrigins().subList(1, settings.corsOrigins().size()).toArray(String[]::new));
                }
            }));
        }
    }

    /** The largest request body taken: an upload or a JSON body at its limit, plus room for the multipart parts. */
    static long maxRequestBytes(ServerSettings settings) {
        return Math.max(settings.maxUploadBytes(), settings.maxJsonBytes()) + 1024 * 1024;
    }
}
