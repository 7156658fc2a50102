package dev.voxloop.server.http.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAPI document of the whole HTTP API, written once by hand as {@code openapi.yaml} beside this class (its
 * descriptions, limits and error cases are prose a route table does not know) and served as JSON. Tests keep it
 * true: every registered route is in it, every documented path is registered, and every response a server test
 * sees is validated against it.
 */
public final class ApiDocument {

    /** Classpath location of the document. */
    public static final String RESOURCE = "/dev/voxloop/server/http/docs/openapi.yaml";

    private ApiDocument() {
    }

    /** The document as a JSON tree (a fresh copy: callers may change it). */
    public static JsonNode tree() {
        try (InputStream in = ApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
