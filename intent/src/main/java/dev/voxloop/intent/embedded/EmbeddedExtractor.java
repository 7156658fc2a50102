package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.Extraction;
import dev.voxloop.core.intent.IntentExtractor;
import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import dev.voxloop.core.transcript.Hypothesis;
import dev.voxloop.intent.text.SummaryText;
import dev.voxloop.intent.untrusted.InjectionScreen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
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

    /** A reading of heard words at least this likely is judged by an embedding of its own words. */
    static final double OWN_EVIDENCE_SHARE = 0.05;

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
        return new EmbeddedExtractor(new MiniLmHints(SentenceModel::shared, loadWait));
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

    /** Ready once the embedding model is loaded; the rules alone have nothing to load. */
    @Override
    public boolean ready() {
        return !(hints instanceof MiniLmHints m) || m.ready();
    }

    @Override
    public Extraction extract(IntentRequest asGiven) {
        List<Project> projects = asGiven.projects();
        ProjectVocabulary vocab = vocabularies.computeIfAbsent(projects, ProjectVocabulary::new);
        if (vocabularies.size() > 64) {
            vocabularies.clear();
        }
        IntentRequest request = spelledAsNamed(asGiven, vocab);
        String text = RequestText.clean(request.text());
        List<String> answers = request.answers().stream().map(RequestText::clean).filter(a -> !a.isBlank()).toList();
        String all = answers.isEmpty() ? text : text + ". " + String.join(". ", answers);
        Map<String, Double> confidence = new HashMap<>();
        List<String> ambiguities = new ArrayList<>();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        TicketDraft previous = request.previous();
        // what the work is
        Subject subject = Subject.of(text, answers, projects);
        List<HeardReading> readings = HeardReading.of(request, all, subject, answers);
        // one embedding for typed words, one per likely reading of heard ones (a reading judged by another's
        // embedding only differs in its cue words), and none when explicit words decided everything
        Supplier<SemanticHints.Evidence> evidence = memo(() -> hints.evidence(subject.work(), projects));
        Map<HeardReading, SemanticHints.Evidence> ofReadings = new HashMap<>();
        Function<HeardReading, SemanticHints.Evidence> evidenceOf = r -> r == readings.getFirst()
                || r.weight() < OWN_EVIDENCE_SHARE ? evidence.get()
                : ofReadings.computeIfAbsent(r, x -> hints.evidence(x.work(), projects));
        boolean concrete = subject.concrete();
        String said = RequestText.summary(subject.work(), TicketDraft.SUMMARY_MAX);
        if (said.length() < TicketDraft.SUMMARY_MIN) {
            said = RequestText.summary(text, TicketDraft.SUMMARY_MAX);
        }
        String summary = SummaryText.clean(said, projects);
        if (summary.length() < TicketDraft.SUMMARY_MIN) {
            summary = said;
        }
        if (!concrete) {
            missing.add("summary");
            ambiguities.add("The request does not say what exactly should change");
        }
        confidence.put("summary", concrete ? 0.8 : 0.2);

        // priority: only explicit words decide; a concrete request without them is Medium
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

        // type: an answer or an explicit word, else cues and the embedding
        IssueType type = TypeChoice.answered(answers).or(() -> TypeWords.find(all)).orElse(null);
        if (type != null) {
            confidence.put("issue_type", TypeChoice.EXPLICIT_CONFIDENCE);
        } else if (concrete) {
            // heard words: the type the likely readings agree on; typed or checked words: the text's own
            TypeChoice choice = readings.size() > 1 ? TypeChoice.voted(readings, r -> evidenceOf.apply(r).types())
                    : TypeChoice.weigh(subject.work(), evidence.get().types());
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
        Matcher pm = PARENT.matcher(all);
        String parent = pm.find() ? pm.group(1) : null;
        if (type == IssueType.SUB_TASK && parent == null) {
            ambiguities.add("A sub-task needs its parent ticket (e.g. SHOP-12)");
            missing.add("parent");
        }

        ProjectChoice pc = ProjectChoice.choose(vocab, all, readings, subject, request,
                r -> evidenceOf.apply(r).projects());
        if (pc.project() != null) {
            confidence.put("project", pc.confidence());
        } else {
            missing.add("project");
        }
        if (pc.ambiguity() != null) {
            ambiguities.add(pc.ambiguity());
        }

        List<String> criteria = concrete ? CriteriaWriter.write(type, summary, subject.clausesAfter(said),
                subject.projectWords())
                : List.of();
        if (criteria.isEmpty()) {
            missing.add("acceptance_criteria");
        }
        confidence.put("acceptance_criteria", criteria.isEmpty() ? 0.0 : 0.6);

        List<String> questions = concrete ? List.of() : List.of(subject.question());
        TicketDraft draft = new TicketDraft(summary, request.text() == null ? "" : request.text().strip(), criteria,
                type, priority, pc.project() == null ? null : pc.project().key(), parent, List.of());
        return new Extraction(draft, List.copyOf(missing), ambiguities, confidence, flags(request), questions,
                ambiguityScore(concrete, type, pc.project(), confidence), name);
    }

    /**
     * Heard words with the projects' names written as the tracker writes them ("event it" -> "EventIt"), in the
     * text and every reading alike, so that how an engine happened to spell a name changes neither the subject nor
     * the embedding the type is judged by; ticket words it is known to mishear are written as meant
     * ({@link HeardWords}). Typed and checked words are the person's own and stay as they are.
     */
    private static IntentRequest spelledAsNamed(IntentRequest request, ProjectVocabulary vocab) {
        if (request.heardAs().isEmpty() || request.text() == null) {
            return request;
        }
        List<Hypothesis> readings = request.heardAs().stream()
                .map(h -> new Hypothesis(asMeant(h.text(), vocab), h.weight())).toList();
        return new IntentRequest(asMeant(request.text(), vocab), request.answers(), request.questionsAsked(),
                request.previous(), request.projects(), request.defaultProject(), readings);
    }

    private static String asMeant(String heard, ProjectVocabulary vocab) {
        return HeardWords.asMeant(vocab.spelledAsNamed(heard));
    }

    /** The injection screen's flags for the request and every answer, each flag once. */
    private List<String> flags(IntentRequest request) {
        List<String> flags = new ArrayList<>(screen.flags(request.text()));
        for (String a : request.answers()) {
            screen.flags(a).stream().filter(f -> !flags.contains(f)).forEach(flags::add);
        }
        return flags;
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
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
