package dev.voxloop.server.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.event.StoredEvent;
import dev.voxloop.server.json.WireJson;
import java.util.Map;

/** A stored event on the typed stream: {@code {seq, type, at, ...the record's fields in snake_case, replay?}}. */
final class EventJson {

    private final WireJson json;

    EventJson(WireJson json) {
        this.json = json;
    }

    String write(StoredEvent e, boolean replay) {
        ObjectNode fields = json.mapper().valueToTree(e.event());
        ObjectNode out = json.mapper().createObjectNode();
        out.put("seq", e.seq());
        out.put("type", e.event().type());
        out.set("at", fields.get("at"));
        for (Map.Entry<String, JsonNode> f : fields.properties()) {
            if (!f.getKey().equals("at")) {
                out.set(f.getKey(), f.getValue());
            }
        }
        if (replay) {
            out.put("replay", true);
        }
        return json.write(out);
    }
}
