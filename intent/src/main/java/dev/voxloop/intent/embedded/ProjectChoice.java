package dev.voxloop.intent.embedded;

import dev.voxloop.core.intent.IntentRequest;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.core.ticket.Project;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The project a request belongs to: a name or key said outright decides; otherwise the project's own words
 * ({@link ProjectVocabulary}) and the embedding's similarity to its description are added up, and a clear lead
 * decides. Without one, the draft so far, the configured default project or the only project there is answers,
 * and a close race is named as an ambiguity.
 *
 * @param project   the chosen project, or null when nothing decided
 * @param ambiguity "Project: A or B?" when two projects were close, else null
 */
record ProjectChoice(Project project, double confidence, String ambiguity) {

    /** Below this similarity to every project the embedding adds no project evidence. */
    static final double MIN_PROJECT_SIMILARITY = 0.15;
    /** Points for a project named only in a less likely reading, per unit of that reading's weight. */
    static final double NAMED_IN_READING = 3;
    /** A project fewer of the readings than this share agree on does not decide by their vote alone. */
    static final double VOTE_MASS = 0.3;

    /**
     * @param all          the request and its answers, cleaned
     * @param readings     the readings of the request (one of weight 1 for typed or checked words), text first
     * @param subject      what the work is
     * @param similarities the embedding's similarity per project key for a reading's work (empty without a
     *                     model); asked for only when nothing was named and the subject is concrete
     */
    static ProjectChoice choose(ProjectVocabulary vocab, String all, List<HeardReading> readings, Subject subject,
                                IntentRequest request, Function<HeardReading, Map<String, Double>> similarities) {
        if (readings.size() > 1) {
            // heard words: the project the likely readings agree on, each reading deciding as typed words would,
            // on its own words
            ReadingVote<Project> vote = ReadingVote.of(readings, r -> {
                ProjectChoice own = choose(vocab, r.all(), List.of(new HeardReading(r.all(), r.work(), 1)), subject,
                        request, () -> similarities.apply(r), false);
                return new ReadingVote.Ballot<>(own.project(), own.confidence());
            });
            if (vote.choice() != null && vote.mass() >= VOTE_MASS) {
                return new ProjectChoice(vote.choice(), vote.confidence(), null);
            }
        }
        return choose(vocab, all, readings, subject, request, () -> similarities.apply(readings.getFirst()), true);
    }

    /**
     * @param fallBack false: only a name or a clear lead decides (one reading's ballot); true: then the draft so
     *                 far, the default project or the only project, and the close race named
     */
    private static ProjectChoice choose(ProjectVocabulary vocab, String all, List<HeardReading> readings,
                                        Subject subject, IntentRequest request,
                                        Supplier<Map<String, Double>> similarities, boolean fallBack) {
        List<Project> projects = vocab.projects();
        Optional<ProjectVocabulary.Named> named = vocab.named(all);
        if (named.isPresent()) {
            return new ProjectChoice(named.get().project(), 0.98, null);
        }
        // the project's own words in every reading, by its weight; a name said only in a less likely reading
        Map<Project, Double> combined = new HashMap<>();
        boolean heard = !request.heardAs().isEmpty();
        for (HeardReading r : readings) {
            vocab.scores(r.all()).forEach((pr, v) -> combined.merge(pr, r.weight() * v, Double::sum));
            if (heard) {
                vocab.soundsLike(r.all()).forEach((pr, v) -> combined.merge(pr, r.weight() * v, Double::sum));
            }
            if (r != readings.getFirst()) {
                vocab.named(r.all()).ifPresent(n -> combined.merge(n.project(), r.weight() * NAMED_IN_READING,
                        Double::sum));
            }
        }
        Map<String, Double> sims = subject.concrete() ? similarities.get() : Map.of();
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
        if (!fallBack) {
            return new ProjectChoice(null, 0, null);
        }
        String ambiguity = null;
        if (top > 0 && ranked.size() > 1 && second > 0) {
            ambiguity = "Project: " + ranked.get(0).getKey().name() + " or " + ranked.get(1).getKey().name() + "?";
        }
        TicketDraft previous = request.previous();
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
}
