package dev.voxloop.loop.agent.claude;

import dev.voxloop.core.chat.ChatModel;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.loop.agent.AgentInstallation;
import dev.voxloop.loop.agent.AgentProfile;
import dev.voxloop.loop.workspace.AgentCommand;
import dev.voxloop.loop.workspace.CommandResult;
import dev.voxloop.loop.workspace.RunSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Claude Code as a reviewing model that may only read: {@code claude -p --output-format stream-json --verbose
 * --setting-sources "" --tools Read,Grep,Glob --allowedTools Read,Grep,Glob --disallowedTools (every tool that
 * writes, runs or fetches) --permission-mode dontAsk --no-session-persistence --max-turns N --append-system-prompt
 * RULES --json-schema SCHEMA [--model M]}, the conversation on standard input. Two walls keep it from changing
 * anything: the CLI offers and allows the three read and search tools only, and the process runs in the sandbox with
 * the change's working tree mounted read-only ({@link RunSandbox#readOnlyTurn}), a fresh home and the model API as
 * its only host. The answer is the result's {@code structured_output} (the CLI checks it against the schema), else
 * its text; the CLI's API trouble is UNAVAILABLE, a turn out of time TIMEOUT, as the {@link ChatModel} port says.
 */
public final class ClaudeReviewChat implements ChatModel {

    /** The only tools the reviewer is offered and allowed. */
    static final String READ_TOOLS = "Read,Grep,Glob";
    /** Denied by name as well, should a setting or a CLI version offer them anyway. */
    static final String WRITE_TOOLS = "Bash,Edit,Write,MultiEdit,NotebookEdit,WebFetch,WebSearch,Task,TodoWrite";

    private final AgentProfile profile;
    private final int maxTurns;
    private final Map<String, String> env;
    private final RunSandbox sandbox;
    private final Duration timeout;
    private final Path tree;
    private final String subject;

    /**
     * @param profile the agent profile Claude Code runs with (command, model, key and base URL variables)
     * @param env     the worker's environment: its ANTHROPIC_* variables (or CLAUDE_CODE_OAUTH_TOKEN) reach the CLI,
     *                nothing else of it
     */
    public ClaudeReviewChat(AgentProfile profile, int maxTurns, Map<String, String> env, RunSandbox sandbox,
                            Duration timeout) {
        this(profile, maxTurns, env, sandbox, timeout, null, null);
    }

    private ClaudeReviewChat(AgentProfile profile, int maxTurns, Map<String, String> env, RunSandbox sandbox,
                             Duration timeout, Path tree, String subject) {
        this.profile = profile;
        this.maxTurns = maxTurns;
        this.env = Map.copyOf(env);
        this.sandbox = sandbox;
        this.timeout = timeout;
        this.tree = tree;
        this.subject = subject;
    }

    /** This reviewer reading {@code tree} (a working tree of the change), its events filed under {@code subject}. */
    public ClaudeReviewChat reading(Path tree, String subject) {
        return new ClaudeReviewChat(profile, maxTurns, env, sandbox, timeout, tree, subject);
    }

    @Override
    public String name() {
        return "claude-code";
    }

    @Override
    public String complete(List<Message> messages, Schema schema) {
        if (tree == null) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "Claude Code reviews a working tree of the change, and"
                    + " there is none");
        }
        List<String> argv = argv(system(messages), schema);
        AgentInstallation cli = AgentInstallation.of(argv.get(0), env.get("PATH"));
        argv.set(0, cli.program());
        AgentCommand command = new AgentCommand(argv, ClaudeAgent.environment(profile, env), conversation(messages),
                List.of(), List.of()).seeing(cli.paths()).reaching(List.of(AgentCommand.hostOf(profile.baseUrl(env,
                "ANTHROPIC_BASE_URL", "https://api.anthropic.com"))));
        ClaudeStream stream = new ClaudeStream();
        CommandResult res = sandbox.readOnlyTurn(command, tree, subject, timeout, stream::accept);
        if (res.notStarted()) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "Claude Code cannot be started: " + argv.get(0)
                    + " is not installed or not executable here");
        }
        String words = stream.unavailable();
        if (words != null) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "Claude Code is unavailable: " + words);
        }
        if (res.timedOut()) {
            throw new Problem(Problem.Kind.TIMEOUT, "Claude Code did not finish the review within "
                    + timeout.toSeconds() + " s");
        }
        if (stream.result == null) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "claude exited " + res.exit() + " without a result: "
                    + res.tail(300).strip());
        }
        if (stream.result.hasNonNull("structured_output")) {
            return stream.result.get("structured_output").toString();
        }
        return stream.text();
    }

    List<String> argv(String system, Schema schema) {
        List<String> argv = new ArrayList<>(profile.command().isEmpty() ? List.of("claude") : profile.command());
        argv.addAll(List.of("-p", "--output-format", "stream-json", "--verbose", "--setting-sources", "",
                "--tools", READ_TOOLS, "--allowedTools", READ_TOOLS, "--disallowedTools", WRITE_TOOLS,
                "--permission-mode", "dontAsk", "--no-session-persistence", "--max-turns", String.valueOf(maxTurns)));
        if (!system.isBlank()) {
            argv.addAll(List.of("--append-system-prompt", system));
        }
        if (schema != null) {
            argv.addAll(List.of("--json-schema", schema.json()));
        }
        if (profile.model() != null) {
            argv.addAll(List.of("--model", profile.model()));
        }
        return argv;
    }

    private static String system(List<Message> messages) {
        return String.join("\n\n", messages.stream().filter(m -> m instanceof Message.System).map(Message::text)
                .toList());
    }

    /** The rest of the conversation as one prompt: a single request as it is, a re-ask with its history marked. */
    private static String conversation(List<Message> messages) {
        List<Message> rest = messages.stream().filter(m -> !(m instanceof Message.System)).toList();
        if (rest.size() == 1) {
            return rest.getFirst().text();
        }
        StringBuilder b = new StringBuilder();
        for (Message m : rest) {
            b.append(m instanceof Message.Assistant ? "## Your earlier answer\n\n" : "## Request\n\n")
                    .append(m.text()).append("\n\n");
        }
        return b.toString().strip();
    }
}
