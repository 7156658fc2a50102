package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intake.ClarificationPolicy;
import dev.voxloop.intake.IntakeSettings;
import dev.voxloop.intent.IntentExtractors;
import dev.voxloop.intent.IntentSettings;
import dev.voxloop.intent.ProjectsFile;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code voxloop extract [--extractor NAME] [--projects FILE] [--json]}: one request per line on standard input,
 * one result per line on standard output. {@code clarify} is core's {@link ClarificationPolicy} on the first
 * round: true when a question would be asked before filing. Ctrl-C or SIGTERM lets the request in progress end and
 * print (up to ten seconds), says how many were done, and then closes the models and the database.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Turn requests (one per line on standard input) into ticket drafts.")
public final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--extractor", paramLabel = "NAME",
            description = "embedded (default), rules, ollama or openai; overrides intent.extractor")
    String extractor;

    @Option(names = "--projects", paramLabel = "FILE",
            description = "JSON array of {key, name, description}; default: the tracker's projects")
    Path projectsFile;

    @Option(names = "--json", description = "One JSON object per line")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Supplier<ConfigTree> config;
    private final Supplier<List<Project>> trackerProjects;
    private final Supplier<String> defaultProject;
    private final Supplier<InputStream> stdin;
    private final StopSignals.Setup stops;
    private final Runnable close;

    /**
     * @param config          the merged configuration (intent.* is read from it)
     * @param trackerProjects the tracker's projects, used when --projects is not given
     * @param defaultProject  the default project key (JIRA_PROJECT_KEY / intake default), or a supplier of null
     * @param close           closes what the suppliers opened (the database), when a signal stops the command
     */
    public ExtractCommand(Supplier<ConfigTree> config, Supplier<List<Project>> trackerProjects,
                          Supplier<String> defaultProject, Runnable close) {
        this(config, trackerProjects, defaultProject, () -> System.in, StopSignals.SIGNALLED, close);
    }

    /** As above, reading requests from {@code stdin}, with no signal handling (tests). */
    public ExtractCommand(Supplier<ConfigTree> config, Supplier<List<Project>> trackerProjects,
                          Supplier<String> defaultProject, Supplier<InputStream> stdin) {
        this(config, trackerProjects, defaultProject, stdin, StopSignals.IN_PROCESS, () -> { });
    }

    private ExtractCommand(Supplier<ConfigTree> config, Supplier<List<Project>> trackerProjects,
                           Supplier<String> defaultProject, Supplier<InputStream> stdin, StopSignals.Setup stops,
                           Runnable close) {
        this.config = config;
        this.trackerProjects = trackerProjects;
        this.defaultProject = defaultProject;
        this.stdin = stdin;
        this.stops = stops;
        this.close = close;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AtomicInteger done = new AtomicInteger();
        // before anything opens: a stop waits for the request in progress, then closes models and database
        StopSignals signals = stops.install(() -> { }, ended -> {
            out.flush();
            err.println("voxloop extract: stopped after " + done.get() + " request(s)" + (ended ? ""
                    : ", in the middle of the next") + "; the rest were not extracted");
            err.flush();
        }, close);
        IntentSettings settings;
        List<Project> projects;
        int clarificationRounds;
        try {
            settings = IntentSettings.from(config.get());
            clarificationRounds = IntakeSettings.from(config.get()).maxRounds();
            if (extractor != null) {
                settings = settings.withExtractor(extractor);
            }
            projects = signals.step(() -> projectsFile != null ? ProjectsFile.read(projectsFile)
                    : trackerProjects.get());
        } catch (IllegalArgumentException | Problem e) {
            err.println("voxloop extract: " + e.getMessage());
            return 2;
        }
        IntentSettings chosen = settings;
        IntentExtractor engine = signals.step(() -> IntentExtractors.create(chosen));
        ClarificationPolicy policy = new ClarificationPolicy(clarificationRounds);
        String fallbackProject = defaultProject.get();
        int failures = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(stdin.get(), StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            String text = line.strip();
            boolean failed = signals.step(() -> {
                try {
                    Extraction ex = engine.extract(new IntentRequest(text, List.of(), List.of(), null, projects,
                            fallbackProject));
                    ClarificationPolicy.Verdict v = policy.assess(ex, projects, 0);
                    out.println(json ? toJson(text, ex, v) : toText(text, ex, v));
                    return false;
                } catch (Problem p) {
                    err.println("voxloop extract: " + p.getMessage());
                    return true;
                } finally {
                    out.flush();
                    done.incrementAndGet();
                }
            });
            failures += failed ? 1 : 0;
        }
        return failures == 0 ? 0 : 1;
    }

    static String toJson(String text, Extraction ex, ClarificationPolicy.Verdict v) {
        TicketDraft d = ex.draft();
        ObjectNode n = JSON.createObjectNode();
        n.put("text", text);
        n.put("summary", d.summary());
        n.put("issue_type", d.issueType() == null ? null : d.issueType().label());
        n.put("priority", d.priority() == null ? null : d.priority().label());
        n.put("project", d.projectKey());
        n.put("clarify", v.shouldAsk());
        ArrayNode q = n.putArray("questions");
        if (v.shouldAsk()) {
            q.add(v.question().question());
        }
        ArrayNode choices = n.putArray("choices");
        if (v.shouldAsk()) {
            v.question().choices().forEach(choices::add);
        }
        ArrayNode ac = n.putArray("acceptance_criteria");
        d.acceptanceCriteria().forEach(ac::add);
        ArrayNode flags = n.putArray("flags");
        ex.flags().forEach(flags::add);
        ArrayNode missing = n.putArray("missing");
        v.verdictGaps().forEach(missing::add);
        ObjectNode conf = n.putObject("confidence");
        ex.confidence().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> conf.put(e.getKey(), Math.round(e.getValue() * 100) / 100.0));
        n.put("extractor", ex.extractor());
        return n.toString();
    }

    static String toText(String text, Extraction ex, ClarificationPolicy.Verdict v) {
        TicketDraft d = ex.draft();
        StringBuilder b = new StringBuilder();
        b.append(text).append('\n');
        b.append("  ").append(d.projectKey() == null ? "?" : d.projectKey()).append(' ')
                .append(d.issueType() == null ? "?" : d.issueType().label()).append(' ')
                .append(d.priority() == null ? "?" : d.priority().label()).append(": ").append(d.summary()).append('\n');
        d.acceptanceCriteria().forEach(c -> b.append("  - ").append(c).append('\n'));
        if (v.shouldAsk()) {
            b.append("  ? ").append(v.question().question());
            if (!v.question().choices().isEmpty()) {
                b.append(" [").append(String.join(" / ", v.question().choices())).append(']');
            }
            b.append('\n');
        }
        ex.flags().forEach(f -> b.append("  ! ").append(f).append('\n'));
        return b.toString().stripTrailing();
    }
}
