package dev.voxloop.intent.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.chat.ChatModel;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intent.text.SummaryText;
import dev.voxloop.intent.untrusted.InjectionScreen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An extractor backed by a chat model: asks with the schema, validates the answer, re-asks ONCE with the
 * validation errors, then resolves the project against the real projects (a model never invents one).
 * Injection flags come from our own {@link InjectionScreen}, never from the model.
 */
public final class ModelExtractor implements IntentExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ModelExtractor.class);

    private final ChatModel model;
    private final ExtractionPrompt prompt;
    private final InjectionScreen screen = new InjectionScreen();

    public ModelExtractor(ChatModel model, double ambiguityThreshold) {
        this.model = model;
        this.prompt = new ExtractionPrompt(ambiguityThreshold);
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public Extraction extract(IntentRequest request) {
        ObjectNode schema = TicketSchema.schema(request.projects());
        ChatModel.Schema answerSchema = new ChatModel.Schema(TicketSchema.NAME, TicketSchema.DESCRIPTION,
                schema.toString());
        List<ChatModel.Message> messages = prompt.messages(request, schema);
        String answer = model.complete(messages, answerSchema);
        Parsed parsed = parse(answer, request.projects());
        if (!parsed.errors().isEmpty()) {
            LOG.info("{} answer did not match the schema ({} errors); asking once more", model.name(),
                    parsed.errors().size());
            String second = model.complete(prompt.repair(messages, answer, parsed.errors()), answerSchema);
            parsed = parse(second, request.projects());
            if (!parsed.errors().isEmpty()) {
                throw new Problem(Problem.Kind.UPSTREAM, "The " + model.name() + " model's answer did not match the "
                        + "ticket schema after one repair: " + String.join("; ", parsed.errors()));
            }
        }
        return toExtraction(parsed.node(), request);
    }

    private record Parsed(JsonNode node, List<String> errors) {
    }

    private static Parsed parse(String answer, List<Project> projects) {
        JsonAnswer read = JsonAnswer.read(answer);
        if (read.error() != null) {
            return new Parsed(null, List.of(read.error()));
        }
        return new Parsed(read.node(), TicketSchema.validate(read.node(), projects));
    }

    private Extraction toExtraction(JsonNode n, IntentRequest r) {
        List<String> ambiguities = new ArrayList<>(strings(n.get("ambiguities")));
        LinkedHashSet<String> missing = new LinkedHashSet<>(strings(n.get("missing")));
        String said = text(n.get("project_key"));
        String project = resolve(said, r.projects());
        if (said != null && project == null) {
            ambiguities.add("The model suggested a project that does not exist (" + said + "); it was dropped");
        }
        if (project == null && r.defaultProject() != null) {
            project = resolve(r.defaultProject(), r.projects());
        }
        if (project == null && r.projects().size() == 1) {
            project = r.projects().getFirst().key();
        }
        if (project == null) {
            missing.add("project");
        } else {
            missing.remove("project");
        }
        IssueType type = IssueType.parse(text(n.get("issue_type"))).orElse(null);
        Priority priority = Priority.parse(text(n.get("priority"))).orElse(null);
        List<String> criteria = strings(n.get("acceptance_criteria"));
        if (type == null) {
            missing.add("issue_type");
        }
        if (criteria.isEmpty()) {
            missing.add("acceptance_criteria");
        }
        String parent = text(n.get("parent_key"));
        String modelSummary = text(n.get("summary"));
        String summary = SummaryText.clean(modelSummary, r.projects());
        TicketDraft draft = new TicketDraft(summary.length() < TicketDraft.SUMMARY_MIN ? modelSummary : summary,
                text(n.get("description")), criteria, type,
                priority, project, parent, strings(n.get("labels")));
        Map<String, Double> confidence = new HashMap<>();
        JsonNode conf = n.get("confidence");
        if (conf != null && conf.isObject()) {
            conf.fields().forEachRemaining(e -> confidence.put(e.getKey(), e.getValue().asDouble()));
        }
        List<String> flags = new ArrayList<>(screen.flags(r.text()));
        for (String a : r.answers()) {
            screen.flags(a).stream().filter(f -> !flags.contains(f)).forEach(flags::add);
        }
        return new Extraction(draft, List.copyOf(missing), ambiguities, confidence, flags,
                strings(n.get("questions")), n.path("ambiguity_score").asDouble(0.5), model.name());
    }

    /** A key or name the model said, mapped onto a real project's key; null when there is no such project. */
    static String resolve(String said, List<Project> projects) {
        if (said == null || said.isBlank()) {
            return null;
        }
        String s = said.strip();
        return projects.stream().filter(p -> p.key().equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s))
                .map(Project::key).findFirst().orElse(null);
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText().strip();
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            v.forEach(i -> {
                if (i.isTextual() && !i.asText().isBlank()) {
                    out.add(i.asText().strip());
                }
            });
        }
        return out;
    }
}
