package dev.voxloop.forge.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which checks a head commit gets, from the repository as it is at that commit:
 * <ol>
 *   <li>{@code .voxloop/ci.yaml}: {@code checks: [{name, run, timeout}]};</li>
 *   <li>else the {@code run:} steps of {@code .github/workflows/*.yml}, one check per job named
 *       {@code workflow/job} (steps that {@code uses:} an action are skipped: there is no Actions runner here);</li>
 *   <li>else the project's own test, lint and coverage commands (from voxloop's configuration).</li>
 * </ol>
 * The pull-request validation check is added by the runner whatever the plan says.
 */
public final class CiPlan {

    public static final String FILE = ".voxloop/ci.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private CiPlan() {
    }

    /**
     * @param read     a file's content at the commit, or null
     * @param list     the paths in a directory at the commit
     * @param fallback the project's commands for this repository
     */
    public static List<CiCommand> of(Function<String, String> read, Function<String, List<String>> list,
                                     List<CiCommand> fallback, Duration defaultTimeout) {
        String ci = read.apply(FILE);
        if (ci != null) {
            return fromCiFile(ci, defaultTimeout);
        }
        List<CiCommand> fromWorkflows = new ArrayList<>();
        for (String path : list.apply(".github/workflows")) {
            if (path.endsWith(".yml") || path.endsWith(".yaml")) {
                fromWorkflows.addAll(fromWorkflow(path, read.apply(path), defaultTimeout));
            }
        }
        return fromWorkflows.isEmpty() ? fallback : fromWorkflows;
    }

    static List<CiCommand> fromCiFile(String yaml, Duration defaultTimeout) {
        JsonNode root = parse(FILE, yaml);
        List<CiCommand> out = new ArrayList<>();
        for (JsonNode c : root.path("checks")) {
            String name = c.path("name").asText("");
            String run = c.path("run").asText("");
            if (name.isBlank() || run.isBlank()) {
                throw new IllegalArgumentException(FILE + ": every check needs a name and a run command");
            }
            out.add(new CiCommand(name, run, c.has("timeout") ? duration(c.path("timeout").asText())
                    : defaultTimeout));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(FILE + " declares no checks (checks: [{name, run}])");
        }
        return out;
    }

    static List<CiCommand> fromWorkflow(String path, String yaml, Duration defaultTimeout) {
        JsonNode root = parse(path, yaml);
        String workflow = root.path("name").asText(path.replaceAll(".*/", "").replaceAll("\\.ya?ml$", ""));
        List<CiCommand> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> job : root.path("jobs").properties()) {
            List<String> runs = new ArrayList<>();
            for (JsonNode step : job.getValue().path("steps")) {
                if (step.hasNonNull("run")) {
                    runs.add(step.path("run").asText());
                }
            }
            if (!runs.isEmpty()) {
                Duration t = job.getValue().has("timeout-minutes")
                        ? Duration.ofMinutes(job.getValue().path("timeout-minutes").asLong()) : defaultTimeout;
                out.add(new CiCommand(workflow + "/" + job.getKey(), "set -e\n" + String.join("\n", runs), t));
            }
        }
        return out;
    }

    private static JsonNode parse(String path, String yaml) {
        try {
            JsonNode n = YAML.readTree(yaml);
            return n == null ? YAML.createObjectNode() : n;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(path + " is not valid YAML: " + e.getMessage().lines().findFirst()
                    .orElse(""));
        }
    }

    static Duration duration(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException(t);
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("timeout '" + s + "' is not a duration like 90s, 10m or 1h");
        }
    }
}
