package dev.voxloop.loop.agent.builtin;

import dev.voxloop.core.chat.ToolChat;
import dev.voxloop.core.guard.AgentHooks;
import dev.voxloop.core.chat.ToolChat.Answer;
import dev.voxloop.core.chat.ToolChat.Entry;
import dev.voxloop.core.chat.ToolChat.ToolCall;
import dev.voxloop.core.loop.LoopFailure;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.agent.CodingAgent;
import dev.voxloop.loop.agent.SpentTurnFailure;
import dev.voxloop.loop.agent.TurnRequest;
import dev.voxloop.loop.agent.TurnResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * voxloop's own agent for any chat model: the conversation starts with a system prompt and the turn's prompt, and
 * then each step asks the model, runs the one or more actions it asks for through the {@link Workbench} (a shell
 * command, a file edit; each judged by the hooks first) and hands the results back, until the model answers
 * without an action. That answer goes to the Stop hook as Claude Code's would: failing gates hold the turn once,
 * with the failures as the next message. Native tool calling is used where the model has it; a server that refuses
 * tools switches the conversation to actions written in the text ({@link TextActions}). Recoverable problems
 * (a malformed answer, a failed command) become the next message; terminal ones (the step limit, the turn's time,
 * repeated format errors, the model unreachable) end the turn. Tokens are counted; the orchestrator prices them.
 */
public final class BuiltinAgent implements CodingAgent {

    private static final int MAX_FORMAT_ERRORS = 3;

    private final ToolChat model;
    private final AgentHooks hooks;
    private final RunSandbox sandbox;
    private final int maxSteps;

    /** @param sandbox where its shell commands and file edits run */
    public BuiltinAgent(ToolChat model, AgentHooks hooks, RunSandbox sandbox, int maxSteps) {
        this.model = model;
        this.hooks = hooks;
        this.sandbox = sandbox;
        this.maxSteps = maxSteps;
    }

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public TurnResult turn(TurnRequest r) {
        Workbench bench = new Workbench(r, hooks, sandbox);
        Instant deadline = Instant.now().plus(r.timeout());
        boolean nativeTools = true;
        List<Entry> conversation = new ArrayList<>(List.of(new ToolChat.System(prompt("system-tools.md")),
                new ToolChat.User(r.prompt())));
        StringBuilder log = new StringBuilder();
        long in = 0;
        long out = 0;
        int formatErrors = 0;
        boolean held = false;
        for (int step = 1; step <= maxSteps; step++) {
            if (Instant.now().isAfter(deadline)) {
                return new TurnResult("the turn ran out of time after " + (step - 1) + " steps", false, null, null,
                        in, out, -1, log.toString());
            }
            Answer a;
            try {
                a = model.next(conversation, nativeTools ? Workbench.TOOLS : List.of());
            } catch (ToolChat.ToolsNotSupported e) {
                nativeTools = false;
                conversation.set(0, new ToolChat.System(prompt("system-text.md")));
                log.append("the model has no tool calling; actions are read from its text\n");
                continue;
            } catch (Problem p) {
                throw SpentTurnFailure.of(new LoopFailure.AgentUnavailable("the " + model.name() + " model is"
                        + " unavailable: " + p.getMessage() + " (to fix: check the project's base_url, model and key"
                        + " variable, and that the server runs)"), in, out, -1);
            }
            in += a.inputTokens();
            out += a.outputTokens();
            List<ToolCall> calls;
            try {
                calls = nativeTools ? a.calls() : TextActions.parse(a.text(), step);
            } catch (TextActions.FormatError e) {
                conversation.add(new ToolChat.Assistant(a.text(), List.of()));
                conversation.add(new ToolChat.User(e.getMessage()));
                if (++formatErrors >= MAX_FORMAT_ERRORS) {
                    return new TurnResult("the model kept answering in a malformed format", false, null, null, in,
                            out, -1, log.toString());
                }
                continue;
            }
            formatErrors = 0;
            conversation.add(new ToolChat.Assistant(a.text(), nativeTools ? calls : List.of()));
            if (calls.isEmpty()) {
                String blocked = TurnResult.blockedIn(a.text());
                String hold = blocked == null ? bench.stop(held, a.text()) : null;
                if (hold != null) {
                    held = true;
                    conversation.add(new ToolChat.User("Stop hook feedback:\n" + hold));
                    log.append("held by the Stop hook\n");
                    continue;
                }
                return new TurnResult(a.text(), true, blocked, null, in, out, -1, log.toString());
            }
            for (ToolCall c : calls) {
                String result = bench.run(c);
                log.append(c.name()).append(' ').append(c.arguments().getOrDefault("command",
                        c.arguments().getOrDefault("path", ""))).append('\n');
                conversation.add(nativeTools ? new ToolChat.ToolResult(c.id(), c.name(), result)
                        : new ToolChat.User("Result of your action:\n" + result));
            }
        }
        return new TurnResult("the turn reached its limit of " + maxSteps + " model calls", false, null, null, in,
                out, -1, log.toString());
    }

    private static String prompt(String name) {
        try (InputStream s = BuiltinAgent.class.getResourceAsStream(name)) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in agent's prompt " + name + " is missing", e);
        }
    }
}
