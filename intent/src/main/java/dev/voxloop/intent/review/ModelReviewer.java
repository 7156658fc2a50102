package dev.voxloop.intent.review;

import dev.voxloop.core.chat.ChatModel;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewFailure;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.core.review.Severity;
import dev.voxloop.intent.chat.JsonAnswer;
import dev.voxloop.intent.untrusted.InjectionScreen;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A reviewer backed by a chat model: the change goes in as data ({@link ReviewPrompt}), the answer must match the
 * review schema ({@link ReviewSchema}); an answer that does not is shown back once with what is wrong, and a second
 * bad answer is {@link ReviewFailure.Unusable}, never an approval. A model that cannot be reached is
 * {@link ReviewFailure.Unavailable}. Added lines of the diff that read like instructions to a model are a security
 * finding of voxloop's own {@link InjectionScreen}, whatever the model says about them.
 */
public final class ModelReviewer implements Reviewer {

    private final String name;
    private final Function<ReviewRequest, ChatModel> models;
    private final ReviewPrompt prompt;
    private final InjectionScreen screen = new InjectionScreen();

    /**
     * @param name   the reviewer's name, the author of its findings (e.g. {@code model:qwen2.5-coder})
     * @param models the model to ask about a request (a model that reads the checkout is made per request)
     */
    public ModelReviewer(String name, Function<ReviewRequest, ChatModel> models, int maxDiffChars) {
        this.name = name;
        this.models = models;
        this.prompt = new ReviewPrompt(maxDiffChars);
    }

    public ModelReviewer(String name, ChatModel model, int maxDiffChars) {
        this(name, r -> model, maxDiffChars);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Review review(ReviewRequest request) {
        ChatModel model = models.apply(request);
        ChatModel.Schema schema = new ChatModel.Schema(ReviewSchema.NAME, ReviewSchema.DESCRIPTION,
                ReviewSchema.schema().toString());
        DiffLines lines = DiffLines.of(request.diff());
        List<ChatModel.Message> messages = prompt.messages(request);
        String answer = ask(model, messages, schema);
        ReviewSchema.Read read = read(answer, lines);
        if (!read.errors().isEmpty()) {
            answer = ask(model, prompt.repair(messages, answer, read.errors()), schema);
            read = read(answer, lines);
            if (!read.errors().isEmpty()) {
                throw new ReviewFailure.Unusable(name, "the answer did not match the review schema after one repair: "
                        + String.join("; ", read.errors().subList(0, Math.min(3, read.errors().size()))));
            }
        }
        List<Finding> findings = new ArrayList<>(read.findings());
        findings.addAll(screened(request.diff()));
        String summary = read.summary().isBlank() ? "The model gave no summary." : read.summary().strip();
        return new Review(name, read.verdict(), summary, findings, request.change().headSha());
    }

    private String ask(ChatModel model, List<ChatModel.Message> messages, ChatModel.Schema schema) {
        try {
            return model.complete(messages, schema);
        } catch (Problem p) {
            if (p.kind() == Problem.Kind.UPSTREAM) {
                throw new ReviewFailure.Unusable(name, p.getMessage());
            }
            throw new ReviewFailure.Unavailable(name, p.getMessage(), p);
        }
    }

    private ReviewSchema.Read read(String answer, DiffLines lines) {
        JsonAnswer json = JsonAnswer.read(answer);
        return json.error() != null ? new ReviewSchema.Read(null, "", List.of(), List.of(json.error()))
                : ReviewSchema.read(json.node(), name, lines);
    }

    /** Added lines that address a model, one finding per file: flagged by our screen, not by the model's word. */
    private List<Finding> screened(String diff) {
        List<Finding> out = new ArrayList<>();
        String file = null;
        List<String> added = new ArrayList<>();
        for (String line : (diff + "\n+++ ").lines().toList()) {
            if (line.startsWith("+++ ")) {
                if (file != null && !added.isEmpty()) {
                    List<String> flags = screen.flags(String.join("\n", added));
                    if (!flags.isEmpty()) {
                        out.add(new Finding(file, null, Severity.MAJOR, Category.SECURITY, "The change contains text"
                                + " addressed to a reviewing model: " + flags.stream().map(f -> f.replace(
                                InjectionScreen.FLAG + ": ", "")).collect(Collectors.joining("; ")),
                                "Remove it; a change is judged by what it does, not by what it asks of a reviewer.",
                                name, false));
                    }
                }
                file = line.substring(4).strip().replaceFirst("^b/", "");
                added.clear();
            } else if (line.startsWith("+")) {
                added.add(line.substring(1));
            }
        }
        return out;
    }
}
