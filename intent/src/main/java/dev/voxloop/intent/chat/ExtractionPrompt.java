package dev.voxloop.intent.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.chat.ChatModel;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The messages sent to a model, rendered from the templates in {@code resources/dev/voxloop/intent/chat}: the
 * system prompt, then one user message in which every piece of untrusted text (the request, the answers, project
 * descriptions from the tracker, the draft so far) sits XML-escaped inside an element marked as data.
 */
public final class ExtractionPrompt {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PromptTemplate SYSTEM = PromptTemplate.load("system-prompt.mustache");
    private static final PromptTemplate REQUEST = PromptTemplate.load("request.mustache");
    private static final PromptTemplate REPAIR = PromptTemplate.load("repair.mustache");
    /** A model's bad answer is shown back to it at most this long. */
    private static final int MAX_ECHOED_ANSWER = 4000;

    private final String system;

    public ExtractionPrompt(double ambiguityThreshold) {
        this.system = SYSTEM.render(Map.of("ambiguity_threshold", String.format(Locale.ROOT, "%.2f",
                ambiguityThreshold)));
    }

    public List<ChatModel.Message> messages(IntentRequest r, ObjectNode schema) {
        Map<String, Object> m = new HashMap<>();
        List<Map<String, String>> projects = new ArrayList<>();
        for (Project p : r.projects()) {
            Map<String, String> project = new HashMap<>();
            project.put("key", p.key());
            project.put("name", p.name());
            project.put("description", p.description());
            projects.add(project);
        }
        m.put("hasProjects", !projects.isEmpty());
        m.put("projects", projects);
        m.put("hasDefaultProject", r.defaultProject() != null);
        m.put("defaultProject", r.defaultProject());
        m.put("request", r.text());
        List<Map<String, String>> answers = new ArrayList<>();
        for (int i = 0; i < r.answers().size(); i++) {
            String q = i < r.questionsAsked().size() ? r.questionsAsked().get(i) : "(question not recorded)";
            answers.add(Map.of("question", q, "answer", r.answers().get(i)));
        }
        m.put("answers", answers);
        m.put("hasPrevious", r.previous() != null);
        m.put("previous", r.previous() == null ? null : draftJson(r.previous()));
        m.put("schema", schema.toString());
        return List.of(ChatModel.Message.system(system), ChatModel.Message.user(REQUEST.render(m)));
    }

    /** The re-ask after an answer that did not validate: the model sees its answer and what was wrong. */
    public List<ChatModel.Message> repair(List<ChatModel.Message> first, String badAnswer, List<String> errors) {
        List<ChatModel.Message> out = new ArrayList<>(first);
        out.add(ChatModel.Message.assistant(badAnswer.length() > MAX_ECHOED_ANSWER
                ? badAnswer.substring(0, MAX_ECHOED_ANSWER) : badAnswer));
        out.add(ChatModel.Message.user(REPAIR.render(Map.of("errors", String.join("; ", errors)))));
        return out;
    }

    private static String draftJson(TicketDraft d) {
        ObjectNode n = JSON.createObjectNode();
        n.put("summary", d.summary());
        n.put("description", d.description());
        n.putPOJO("acceptance_criteria", d.acceptanceCriteria());
        n.put("issue_type", d.issueType() == null ? null : d.issueType().label());
        n.put("priority", d.priority() == null ? null : d.priority().label());
        n.put("project_key", d.projectKey());
        n.put("parent_key", d.parentKey());
        n.putPOJO("labels", d.labels());
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
