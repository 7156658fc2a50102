package dev.voxloop.server.http.system;

import dev.voxloop.server.json.WireJson;
import dev.voxloop.server.json.WireShapes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches our routes (an undecodable URI, a URI too long, a bad
 * Content-Length), in the same JSON shape as every other error instead of Jetty's HTML page.
 */
public final class JettyErrorPages extends ErrorHandler {

    private final WireJson json;

    public JettyErrorPages(WireJson json) {
        this.json = json;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return body(status, reason);
    }

    private ByteBuffer body(int code, String message) {
        String detail = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return ByteBuffer.wrap(json.write(WireShapes.obj("error", ProblemStatus.codeFor(code), "detail", detail,
                "field", null)).getBytes(StandardCharsets.UTF_8));
    }
}
