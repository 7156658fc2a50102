package dev.voxloop.server.security;

import io.javalin.plugin.bundled.GlobalHeadersConfig;

/**
 * Headers on every response: the console and the ticket pages load scripts, styles and connections from this
 * server only and may not be framed by another site (clickjacking); no response is sniffed into another type;
 * no referrer (ticket URLs may be private) leaves the page.
 */
public final class SecurityHeaders {

    /** Inline styles are allowed (the ticket page has one style element); scripts only from this server. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void apply(GlobalHeadersConfig headers) {
        headers.contentSecurityPolicy(POLICY);
        headers.xFrameOptions(GlobalHeadersConfig.XFrameOptions.DENY);
        headers.xContentTypeOptionsNoSniff();
        headers.referrerPolicy(GlobalHeadersConfig.ReferrerPolicy.NO_REFERRER);
    }
}
