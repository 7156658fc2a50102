package dev.voxloop.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response check every server test runs through: it must refuse what the document does not allow. */
class ApiContractTest {

    static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    static final String PROBLEM = "{\"error\":\"not_found\",\"detail\":\"Session not found\",\"field\":null}";

    @Test
    void aDocumentedResponsePasses() {
        assertThatCode(() -> ApiContract.check("GET", "/api/pipeline/sessions/abc", 404, JSON, PROBLEM))
                .doesNotThrowAnyException();
        assertThatCode(() -> ApiContract.check("POST", "/api/loop/retry/BOOK-1", 200, JSON,
                "{\"status\":\"not_found\",\"key\":\"BOOK-1\"}")).doesNotThrowAnyException();
    }

    @Test
    void anUndocumentedStatusAWrongBodyOrAStrayFieldFail() {
        assertThatThrownBy(() -> ApiContract.check("GET", "/api/pipeline/sessions/abc", 418, JSON, PROBLEM))
                .hasMessageContaining("418");
        assertThatThrownBy(() -> ApiContract.check("POST", "/api/loop/retry/BOOK-1", 200, JSON,
                "{\"status\":\"maybe\",\"key\":\"BOOK-1\"}")).hasMessageContaining("status");
        assertThatThrownBy(() -> ApiContract.check("GET", "/api/pipeline/sessions/abc", 404, JSON,
                "{\"error\":\"not_found\",\"detail\":\"x\",\"field\":null,\"trace\":\"at Foo.java:1\"}"))
                .hasMessageContaining("trace");
        assertThatThrownBy(() -> ApiContract.check("GET", "/health", 200, Map.of("Content-Type",
                List.of("text/plain")), "ok")).isInstanceOf(AssertionError.class);
    }

    @Test
    void outsideTheDocumentOnlyAProblemMayAnswer() {
        assertThatCode(() -> ApiContract.check("GET", "/nope", 404, JSON, PROBLEM)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ApiContract.check("GET", "/nope", 200, JSON, "{}"))
                .hasMessageContaining("undocumented");
        assertThatThrownBy(() -> ApiContract.check("DELETE", "/health", 405, JSON, "<html>"))
                .hasMessageContaining("undocumented");
    }
}
