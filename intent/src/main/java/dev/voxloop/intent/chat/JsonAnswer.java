package dev.voxloop.intent.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model's answer read as JSON, before its schema is checked: a Markdown fence around it is taken off (some models
 * add one whatever they are told); an empty answer or one that is not JSON is an error in plain words, for the
 * re-ask that shows the model what was wrong.
 *
 * @param node  the JSON, or null when there is an error
 * @param error what is wrong, or null
 */
public record JsonAnswer(JsonNode node, String error) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("(?s)^\\s*```(?:json)?\\s*(.*?)\\s*```\\s*$");

    public static JsonAnswer read(String answer) {
        if (answer == null || answer.isBlank()) {
            return new JsonAnswer(null, "the answer was empty");
        }
        String text = answer.strip();
        Matcher fence = FENCE.matcher(text);
        if (fence.matches()) {
            text = fence.group(1);
        }
        try {
            return new JsonAnswer(JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new JsonAnswer(null, "the answer is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }
}
