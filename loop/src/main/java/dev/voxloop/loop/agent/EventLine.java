package dev.voxloop.loop.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** One line of an agent CLI's JSON-lines event stream; anything else on the stream (warnings, progress) is skipped. */
public final class EventLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventLine() {
    }

    public static Optional<JsonNode> parse(String line) {
        String l = line.strip();
        if (!l.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(l));
        } catch (IOException e) {
            // safe: a line cut short or a stray brace carries no event we read
            return Optional.empty();
        }
    }
}
