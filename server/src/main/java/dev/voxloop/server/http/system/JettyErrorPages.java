package dev.voxloop.server.http.system;

import dev.voxloop.server.json.WireJson;
import dev.voxloop.server.json.WireShapes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches our routes (an undecodable URI, a URI too long, a bad
 * Content-Length), in the same JSON shape as every other error instead of Jetty's HTML page. Each says
 * {@code Connection: close}: after most of them (a {@code %00} or a broken escape in the path, a {@code ..} above
 * the root) Jetty closes the connection, and without the header a client sends its next request down it and gets
 * no answer at all; the header makes the few that Jetty would have kept open close as well, which costs a client
 * one new connection after a malformed request.
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
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, body(code, message), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        return body(status, reason);
    }

    private ByteBuffer body(int code, String message) {
        String detail = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return ByteBuffer.wrap(json.write(WireShapes.obj("error", ProblemStatus.codeFor(code), "detail", detail,
                "field", null)).getBytes(StandardCharsets.UTF_8));
    }
}
