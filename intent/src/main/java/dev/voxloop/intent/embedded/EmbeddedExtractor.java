package dev.voxloop.intent.embedded;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.intent.untrusted.InjectionScreen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline extractor: explicit words decide type, priority and project (the labelling rules); when none
 * does, cue words and a sentence-embedding model's nearest prototypes do. Summary and acceptance criteria are
 * built from the request's own clauses. A request with no concrete subject ("make it faster") is marked
 * {@code missing: summary} and gets a question instead of a guess.
 */
public final class EmbeddedExtractor implements IntentExtractor {

    public static final String NAME = "embedded";
    /** The name when no embedding model is used. */
    public static final String RULES_NAME = "rules";

    /** Below this many subject words (after stop, vague and project words) a request has no concrete subject. */
    static final int MIN_SUBJECT_WORDS = 2;

    /** Below this similarity to every project the embedding adds no project evidence. */
    static final double MIN_PROJECT_SIMILARITY = 0.15;

    private static final Pattern PARENT = Pattern.compile("\\b([A-Z][A-Z0-9]+-\\d+)\\b");

    private final SemanticHints hints;
    private final String name;
    private final InjectionScreen screen = new InjectionScreen();
    private final Map<List<Project>, ProjectVocabulary> vocabularies = new ConcurrentHashMap<>();

    /** @param hints embedding evidence, or {@link SemanticHints#NONE} for rules only */
    EmbeddedExtractor(SemanticHints hints) {
        this.hints = hints;
        this.name = hints == SemanticHints.NONE ? RULES_NAME : NAME;
    }

    /**
     * Rules plus the all-MiniLM-L6-v2 nearest-prototype classifier. The model loads in the background from
     * {@link #warm()} or the first extraction; an extraction waits for it at most {@code loadWait} (then uses rules
     * for that request).
     */
    public static EmbeddedExtractor withEmbeddings(Duration loadWait) {
        return new EmbeddedExtractor(new MiniLmHints(AllMiniLmL6V2EmbeddingModel::new, loadWait));
    }

    /** True when the embedding model is loaded (always false for {@link #rulesOnly()}). */
    public boolean modelReady() {
        return hints instanceof MiniLmHints m && m.ready();
    }

    /** Rules only (no model): deterministic and instant; used in tests and while nothing better is loaded. */
    public static EmbeddedExtractor rulesOnly() {
        return new EmbeddedExtractor(SemanticHints.NONE);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void warm() {
        hints.warm();
    }

    @Override
    public Extraction extract(IntentRequest request) {
        List<Project> projects = request.projects();
        ProjectVocabulary vocab = vocabularies.computeIfAbsent(projects, ProjectVocabulary::new);
        if (vocabularies.size() > 64) {
            vocabularies.clear();
        }
        String text = RequestText.clean(request.text());
        List<String> answers = request.answers().stream().map(RequestText::clean).filter(a -> !a.isBlank()).toList();
        String all = answers.isEmpty() ? text : text + ". " + String.join(". ", answers);
        List<String> names = projectWords(projects);

        List<String> flags = new ArrayList<>(screen.flags(request.text()));
        for (String a : request.answers()) {
            for (String f : screen.flags(a)) {
                if (!flags.contains(f)) {
                    flags.add(f);
                }
            }
        }

        Map<String, Double> confidence = new HashMap<>();
        List<String> ambiguities = new ArrayList<>();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        TicketDraft previous = request.previous();

        SemanticHints.Evidence evidence = null;
        // --- what the work is ------------------------------------------------------------------------------
        String work = RequestText.work(text, names);
        boolean concrete = isConcrete(work, names);
        for (String answer : answers) {
            String answerWork = RequestText.work(answer, names);
            if (!concrete && isConcrete(answerWork, names)) {
                work = work.isBlank() || Words.content(strip(work, names)).isEmpty() ? answerWork
                        : work + ": " + answerWork;
                concrete = true;
            }
        }
        String summary = RequestText.summary(work, TicketDraft.SUMMARY_MAX);
        if (summary.length() < TicketDraft.SUMMARY_MIN) {
            summary = RequestText.summary(text, TicketDraft.SUMMARY_MAX);
        }
        if (!concrete) {
            missing.add("summary");
            ambiguities.add("The request does not say what exactly should change");
        }
        confidence.put("summary", concrete ? 0.8 : 0.2);

        // --- priority ---------------------------------------------------------------------------------------
        Priority priority = null;
        Optional<PriorityWords.Found> p = PriorityWords.find(all);
        if (p.isPresent()) {
            priority = p.get().priority();
            confidence.put("priority", 0.95);
        } else if (concrete) {
            priority = Priority.MEDIUM;
            confidence.put("priority", 0.7);
        } else if (previous != null && previous.priority() != null) {
            priority = previous.priority();
            confidence.put("priority", 0.5);
        }

        // --- type -------------------------------------------------------------------------------------------
        IssueType type = answerType(answers).or(() -> TypeWords.find(all)).orElse(null);
        if (type != null) {
            confidence.put("issue_type", 0.95);
        } else if (concrete) {
            evidence = hints.evidence(work, projects);
            TypeChoice choice = chooseType(work, evidence.types());
            type = choice.type();
            confidence.put("issue_type", choice.confidence());
            if (choice.runnerUp() != null) {
                ambiguities.add("Type: " + type.label() + " or " + choice.runnerUp().label() + "?");
            }
        } else if (previous != null && previous.issueType() != null) {
            type = previous.issueType();
            confidence.put("issue_type", 0.5);
        }
        if (type == null) {
            missing.add("issue_type");
        }
        String parent = null;
        Matcher pm = PARENT.matcher(all);
        if (pm.find()) {
            parent = pm.group(1);
        }
        if (type == IssueType.SUB_TASK && parent == null) {
            ambiguities.add("A sub-task needs its parent ticket (e.g. SHOP-12)");
            missing.add("parent");
        }

        // --- project ----------------------------------------------------------------------------------------
        ProjectChoice pc = chooseProject(vocab, all, work, concrete, request, previous, evidence);
        if (pc.project() != null) {
            confidence.put("project", pc.confidence());
        } else {
            missing.add("project");
        }
        if (pc.ambiguity() != null) {
            ambiguities.add(pc.ambiguity());
        }

        // --- acceptance criteria ----------------------------------------------------------------------------
        List<String> criteria = concrete ? CriteriaWriter.write(type, summary, extraClauses(work, summary))
                : List.of();
        if (criteria.isEmpty()) {
            missing.add("acceptance_criteria");
        }
        confidence.put("acceptance_criteria", criteria.isEmpty() ? 0.0 : 0.6);

        List<String> questions = new ArrayList<>();
        if (!concrete) {
            questions.add(subjectQuestion(work, names));
        }
        TicketDraft draft = new TicketDraft(summary, request.text() == null ? "" : request.text().strip(), criteria,
                type, priority, pc.project() == null ? null : pc.project().key(), parent, List.of());
        return new Extraction(draft, List.copyOf(missing), ambiguities, confidence, flags, questions,
                ambiguityScore(concrete, type, pc.project(), confidence), name);
    }

    // ---- pieces ----------------------------------------------------------------------------------------------

    record TypeChoice(IssueType type, double confidence, IssueType runnerUp) {
    }

    private static TypeChoice chooseType(String work, Map<IssueType, Double> sims) {
        Map<IssueType, Double> scores = new HashMap<>(TypeCues.score(work));
        if (!sims.isEmpty()) {
            // similarity spreads are small (a few hundredths): scale them to the cue weights
            double max = sims.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            sims.forEach((t, s) -> scores.merge(t, Math.max(0, 1.0 - (max - s) * 10), Double::sum));
        }
        List<Map.Entry<IssueType, Double>> ranked = scores.entrySet().stream()
                .sorted(Map.Entry.<IssueType, Double>comparingByValue().reversed()).toList();
        if (ranked.isEmpty() || ranked.getFirst().getValue() <= 0) {
            return new TypeChoice(IssueType.STORY, 0.4, null);
        }
        double top = ranked.getFirst().getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        double margin = (top - second) / Math.max(top, 1e-9);
        IssueType runnerUp = ranked.size() > 1 && margin < 0.15 ? ranked.get(1).getKey() : null;
        return new TypeChoice(ranked.getFirst().getKey(), Math.min(0.9, 0.5 + margin * 0.4), runnerUp);
    }

    record ProjectChoice(Project project, double confidence, String ambiguity) {
    }

    private ProjectChoice chooseProject(ProjectVocabulary vocab, String all, String work, boolean concrete,
                                        IntentRequest request, TicketDraft previous,
                                        SemanticHints.Evidence evidence) {
        List<Project> projects = vocab.projects();
        Optional<ProjectVocabulary.Named> named = vocab.named(all);
        if (named.isPresent()) {
            return new ProjectChoice(named.get().project(), 0.98, null);
        }
        Map<Project, Double> lexical = vocab.scores(all);
        Map<String, Double> sims = Map.of();
        if (concrete) {
            sims = (evidence != null ? evidence : hints.evidence(work, projects)).projects();
        }
        Map<Project, Double> combined = new HashMap<>(lexical);
        if (!sims.isEmpty()) {
            double max = sims.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
            for (Project pr : projects) {
                double s = sims.getOrDefault(pr.key(), 0.0);
                // the nearest project gets one point, the others less as they fall behind; when nothing is
                // even loosely similar the model adds no evidence
                if (max >= MIN_PROJECT_SIMILARITY) {
                    combined.merge(pr, Math.max(0, 1.0 - (max - s) * 10), Double::sum);
                }
            }
        }
        List<Map.Entry<Project, Double>> ranked = combined.entrySet().stream()
                .sorted(Map.Entry.<Project, Double>comparingByValue().reversed()
                        .thenComparing(e -> projects.indexOf(e.getKey()), Comparator.naturalOrder()))
                .toList();
        double top = ranked.isEmpty() ? 0 : ranked.getFirst().getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0;
        if (top >= 1.0 && top - second >= 0.5) {
            return new ProjectChoice(ranked.getFirst().getKey(), Math.min(0.9, 0.5 + (top - second) / 4), null);
        }
        String ambiguity = null;
        if (top > 0 && ranked.size() > 1 && second > 0) {
            ambiguity = "Project: " + ranked.get(0).getKey().name() + " or " + ranked.get(1).getKey().name() + "?";
        }
        if (previous != null && previous.projectKey() != null
                && projects.stream().anyMatch(pr -> pr.key().equals(previous.projectKey()))) {
            return new ProjectChoice(find(projects, previous.projectKey()), 0.6, ambiguity);
        }
        if (request.defaultProject() != null && find(projects, request.defaultProject()) != null) {
            return new ProjectChoice(find(projects, request.defaultProject()), 0.5, ambiguity);
        }
        if (projects.size() == 1) {
            return new ProjectChoice(projects.getFirst(), 0.7, null);
        }
        return new ProjectChoice(null, 0, ambiguity);
    }

    private static Project find(List<Project> projects, String key) {
        return projects.stream().filter(p -> p.key().equalsIgnoreCase(key)).findFirst().orElse(null);
    }

    /** An answer that is just a type ("Bug", "a story", "technical task"). */
    private static Optional<IssueType> answerType(List<String> answers) {
        for (int i = answers.size() - 1; i >= 0; i--) {
            String a = answers.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z -]", " ").strip()
                    .replaceAll("^(?:it'?s |it is |a |an |the |this is )+", "").replaceAll("\\s+", " ");
            Optional<IssueType> t = IssueType.parse(a);
            if (t.isPresent()) {
                return t;
            }
            switch (a) {
                case "new feature", "feature", "a new feature", "feature request", "user story" -> {
                    return Optional.of(IssueType.STORY);
                }
                case "technical task", "chore" -> {
                    return Optional.of(IssueType.TASK);
                }
                case "broken", "something is broken", "defect" -> {
                    return Optional.of(IssueType.BUG);
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    static boolean isConcrete(String work, List<String> projectWords) {
        return Words.content(strip(work, projectWords)).size() >= MIN_SUBJECT_WORDS;
    }

    private static String strip(String work, List<String> projectWords) {
        String w = work;
        for (String n : projectWords) {
            w = w.replaceAll("(?i)\\b" + Pattern.quote(n) + "(?:'s)?\\b", " ");
        }
        return w;
    }

    /** Names, keys and spaced names of the projects: they place a request but are not its subject. */
    private static List<String> projectWords(List<Project> projects) {
        Set<String> out = new LinkedHashSet<>();
        for (Project p : projects) {
            out.add(p.name());
            out.add(ProjectVocabulary.splitCamel(p.name()));
            out.add(p.key());
        }
        return List.copyOf(out);
    }

    private static List<String> extraClauses(String work, String summary) {
        String rest = work.length() > summary.length() && work.toLowerCase(Locale.ROOT)
                .startsWith(summary.toLowerCase(Locale.ROOT)) ? work.substring(summary.length()) : "";
        return RequestText.clauses(rest.replaceAll("^[\\s.,;:!?]+", ""));
    }

    private static String subjectQuestion(String work, List<String> projectWords) {
        List<String> nouns = Words.content(strip(work, projectWords));
        List<String> named = Words.tokens(strip(work, projectWords)).stream()
                .filter(w -> !Words.STOP.contains(w) && !Words.VAGUE.contains(w)).toList();
        String about = !nouns.isEmpty() ? String.join(" ", nouns) : named.isEmpty() ? null : named.getLast();
        if (about != null) {
            return "What exactly should change about the " + about + ": what happens now, and what should happen "
                    + "instead?";
        }
        return "What exactly should change, and where: what happens now, and what should happen instead?";
    }

    private static double ambiguityScore(boolean concrete, IssueType type, Project project,
                                         Map<String, Double> confidence) {
        if (!concrete) {
            return 0.8;
        }
        double score = 0.1;
        if (type == null) {
            score += 0.3;
        }
        if (project == null) {
            score += 0.3;
        }
        score += (1 - confidence.getOrDefault("issue_type", 0.5)) * 0.2;
        return Math.min(1, score);
    }
}
