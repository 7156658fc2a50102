package dev.voxloop.server.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.voxloop.core.problem.Problem;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body strictly: JSON content type (415), size limit (413), well-formed (400 with line and
 * column), known keys only (400 naming the key), right types (400 naming the field).
 */
public final class JsonBody {

    /** Class names, method calls or package names in a parser message. */
    private static final Pattern INTERNALS = Pattern.compile(
            "com\\.fasterxml|java\\.|Constraints|[A-Za-z]\\w*\\.\\w+\\(\\)|\\$|`");

    private final WireJson json;
    private final long maxBytes;

    public JsonBody(WireJson json, long maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = bytes(ctx);
        try {
            T value = json.mapper().readValue(body, type);
            if (value == null) {
                throw Problem.invalid(null, "request body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String field = path(e);
            throw Problem.invalid(field, "unknown field '" + field + "'");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw Problem.invalid(null, "request body must be a JSON object" + at(e.getLocation()));
            }
            throw Problem.invalid(field, "field '" + field + "' has the wrong type" + expected(e));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw Problem.invalid(field.isEmpty() ? null : field, "invalid value"
                    + (field.isEmpty() ? "" : " for field '" + field + "'") + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw Problem.invalid(null, "malformed JSON" + at(e.getLocation()) + ": " + describe(e));
        } catch (IOException e) {
            throw Problem.invalid(null, "could not read the request body");
        }
    }

    /** Any JSON object, unknown keys allowed (the webhook takes whatever Jira sends). */
    public JsonNode readTree(Context ctx, byte[] body) {
        requireJson(ctx);
        try {
            JsonNode node = json.mapper().readTree(body);
            if (node == null || !node.isObject()) {
                throw Problem.invalid(null, "request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw Problem.invalid(null, "malformed JSON" + at(e.getLocation()) + ": " + describe(e));
        } catch (IOException e) {
            throw Problem.invalid(null, "could not read the request body");
        }
    }

    /** The raw body, with content type and size checked. */
    public byte[] bytes(Context ctx) {
        requireJson(ctx);
        return rawBytes(ctx);
    }

    public byte[] rawBytes(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
            byte[] body = out.toByteArray();
            if (body.length == 0) {
                throw Problem.invalid(null, "request body is empty; expected a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw Problem.invalid(null, "could not read the request body");
        }
    }

    private Problem tooLarge() {
        return new Problem(Problem.Kind.TOO_LARGE, "request body is larger than " + maxBytes + " bytes");
    }

    private static void requireJson(Context ctx) {
        String type = ctx.contentType();
        String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json") && !base.endsWith("+json")) {
            throw new Problem(Problem.Kind.UNSUPPORTED_MEDIA, "expected content type application/json, got "
                    + (type == null || type.isBlank() ? "none" : "'" + base + "'"));
        }
    }

    /**
     * What is wrong with the JSON, in the parser's words unless they name its own classes or limits (a nesting or
     * length limit, a class name): those are the parser's business, not the client's.
     */
    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the JSON is nested too deeply or holds a number, string or name that is too long";
        }
        String m = e.getOriginalMessage();
        if (m == null || m.isBlank() || INTERNALS.matcher(m).find()) {
            return "not valid JSON";
        }
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(MismatchedInputException e) {
        Class<?> t = e.getTargetType();
        if (t == null) {
            return "";
        }
        if (t == Boolean.class || t == boolean.class) {
            return " (expected true or false)";
        }
        if (t == String.class) {
            return " (expected a string)";
        }
        if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
            return " (expected a number)";
        }
        if (java.util.List.class.isAssignableFrom(t)) {
            return " (expected a list)";
        }
        return " (expected an object)";
    }

    private static String at(JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
    }
}
