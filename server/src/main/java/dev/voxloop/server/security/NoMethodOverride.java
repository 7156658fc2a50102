package dev.voxloop.server.security;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * Drops {@code X-HTTP-Method-Override} (and its X-HTTP-Method / X-Method-Override cousins) before routing: the
 * web framework would otherwise let a GET, which needs no token and no JSON body, act as a POST.
 */
public final class NoMethodOverride implements HttpConfiguration.Customizer {

    private static final String[] HEADERS = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"};

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        HttpFields fields = request.getHeaders();
        boolean present = false;
        for (String h : HEADERS) {
            present |= fields.contains(h);
        }
        if (!present) {
            return request;
        }
        HttpFields.Mutable kept = HttpFields.build(fields);
        for (String h : HEADERS) {
            kept.remove(h);
        }
        HttpFields clean = kept.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return clean;
            }
        };
    }
}
