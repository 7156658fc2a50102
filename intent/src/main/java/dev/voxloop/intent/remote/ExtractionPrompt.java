package dev.voxloop.intent.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intent.guard.UntrustedBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The messages sent to a model: the system prompt (a resource template), then one user message in which every
 * piece of untrusted text (the request, the answers, project descriptions from the tracker) sits inside an
 * escaped {@link UntrustedBlock}.
 */
public final class ExtractionPrompt {

    static final String SYSTEM_PROMPT = "/dev/voxloop/intent/system-prompt.txt";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String system;

    public ExtractionPrompt(double ambiguityThreshold) {
        this.system = template().replace("{{ambiguity_threshold}}", String.format(Locale.ROOT, "%.2f",
                ambiguityThreshold));
    }

    public List<ChatModel.Message> messages(IntentRequest r, ObjectNode schema) {
        StringBuilder u = new StringBuilder();
        u.append("Projects that exist (use only these keys):\n");
        if (r.projects().isEmpty()) {
            u.append("(none listed: use null)\n");
        }
        for (Project p : r.projects()) {
            u.append("- ").append(UntrustedBlock.escape(p.key())).append(" (").append(UntrustedBlock.escape(p.name()))
                    .append("): ").append(UntrustedBlock.escape(p.description())).append('\n');
        }
        if (r.defaultProject() != null) {
            u.append("When the request does not decide the project, use ").append(UntrustedBlock.escape(
                    r.defaultProject())).append(".\n");
        }
        u.append('\n').append(UntrustedBlock.wrap("request", "spoken feature request", r.text())).append('\n');
        List<String> answers = r.answers();
        for (int i = 0; i < answers.size(); i++) {
            String q = i < r.questionsAsked().size() ? r.questionsAsked().get(i) : "(question not recorded)";
            u.append("\nWe asked: ").append(UntrustedBlock.escape(q)).append('\n')
                    .append(UntrustedBlock.wrap("answer", "answer from the same person", answers.get(i))).append('\n');
        }
        TicketDraft prev = r.previous();
        if (prev != null) {
            u.append("\nThe draft so far (refine it with the answers; keep what they do not change):\n")
                    .append(UntrustedBlock.escape(draftJson(prev))).append('\n');
        }
        u.append("\nAnswer with the JSON object only, matching this schema:\n").append(schema.toString());
        List<ChatModel.Message> out = new ArrayList<>();
        out.add(ChatModel.Message.system(system));
        out.add(ChatModel.Message.user(u.toString()));
        return out;
    }

    /** The re-ask after an answer that did not validate: the model sees its answer and what was wrong. */
    public List<ChatModel.Message> repair(List<ChatModel.Message> first, String badAnswer, List<String> errors) {
        List<ChatModel.Message> out = new ArrayList<>(first);
        out.add(ChatModel.Message.assistant(badAnswer.length() > 4000 ? badAnswer.substring(0, 4000) : badAnswer));
        out.add(ChatModel.Message.user("That answer does not match the schema: " + String.join("; ", errors)
                + ". Answer again with one corrected JSON object only."));
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

    private static String template() {
        try (InputStream in = ExtractionPrompt.class.getResourceAsStream(SYSTEM_PROMPT)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SYSTEM_PROMPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
