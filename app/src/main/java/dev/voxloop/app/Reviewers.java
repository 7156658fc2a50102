package dev.voxloop.app;

import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Reviewer;
import dev.voxloop.forge.review.BuiltinReviewer;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.review.ModelReviewSettings;
import dev.voxloop.intent.review.ModelReviewer;
import dev.voxloop.intent.review.ModelReviewers;
import dev.voxloop.loop.LoopSettings;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.agent.claude.ClaudeReviewChat;
import dev.voxloop.loop.workspace.RunSandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The reviewers the configuration asks for: the built-in rules always, and the model reviewer of
 * {@code review.model.kind} (none by default, so an unconfigured voxloop stays offline): a chat model over HTTP, or
 * Claude Code reading the change's working tree read-only in the sandbox.
 */
public final class Reviewers {

    private Reviewers() {
    }

    /**
     * @param env     the worker's environment: Claude Code's ANTHROPIC_* variables (or CLAUDE_CODE_OAUTH_TOKEN) and
     *                PATH come from it
     * @param sandbox where Claude Code runs (asked for only when it is the configured reviewer)
     */
    public static List<Reviewer> configured(ConfigTree tree, Path dataDir, Map<String, String> env,
                                            Supplier<RunSandbox> sandbox) {
        List<Reviewer> all = new ArrayList<>(List.of(BuiltinReviewer.standard()));
        model(tree, dataDir, env, sandbox).ifPresent(all::add);
        return List.copyOf(all);
    }

    static Optional<Reviewer> model(ConfigTree tree, Path dataDir, Map<String, String> env,
                                    Supplier<RunSandbox> sandbox) {
        ModelReviewSettings r = ModelReviewSettings.from(tree);
        if (!r.kind().equals(ModelReviewSettings.CLAUDE)) {
            return ModelReviewers.chat(r, IntentSettings.from(tree));
        }
        AgentProfile profile = new AgentProfile("claude", List.of(LoopSettings.from(tree, dataDir).claudeCommand()),
                r.model().isEmpty() ? null : r.model(), r.url().isEmpty() ? null : r.url(), null, List.of());
        ClaudeReviewChat claude = new ClaudeReviewChat(profile, r.maxTurns(), env, sandbox.get(), r.timeout());
        return Optional.of(new ModelReviewer(r.reviewerName(""), request -> claude.reading(request.checkout(),
                subject(request)), r.maxDiffChars()));
    }

    private static String subject(ReviewRequest r) {
        return r.ticket() == null ? null : r.ticket().key();
    }
}
