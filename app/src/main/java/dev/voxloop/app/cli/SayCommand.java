package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.HeardTranscript;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intent.TicketDraft;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop say TEXT|FILE}: one intake, in-process, from the terminal. When the speech engine is unsure of a
 * recording the words are shown and the person confirms or corrects them ({@code --yes} takes them as heard);
 * questions are asked on the terminal when there is one; the read-back is printed and approved unless
 * {@code --review} asks first.
 */
@Command(name = "say", mixinStandardHelpOptions = true,
        description = "Run one request through the intake in-process (transcribe, confirm unsure words, extract,"
                + " clarify, file) and print the result. Exit 0 filed (or discarded), 3 when the words or a question"
                + " need an answer and no terminal can ask (the session id is printed to answer it over the API).")
public final class SayCommand implements Callable<Integer> {

    private static final List<String> AUDIO_SUFFIXES = List.of(".wav", ".webm", ".ogg", ".opus", ".mp3", ".flac",
            ".m4a");

    private final Supplier<Intake> intakes;
    private final Terminal terminal;
    private final PrintStream out;

    @Parameters(arity = "1..*", paramLabel = "TEXT|FILE", description = "The request as words, or an audio file.")
    List<String> words;

    @Option(names = {"-y", "--yes"}, description = "Take what the speech engine heard as it is, without asking even"
            + " when it is unsure (for scripts filing recordings; the engine's doubt still caps the draft's"
            + " confidence and is flagged on the read-back).")
    boolean yes;

    @Option(names = "--review", description = "Show the read-back and ask before filing (needs a terminal).")
    boolean review;

    @Option(names = "--no-file", description = "Stop at the read-back preview; print the session id to approve later.")
    boolean noFile;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    public SayCommand(AppContext context) {
        this(() -> context.app().intake(), Terminal.system(System.out), System.out);
    }

    SayCommand(Supplier<Intake> intakes, Terminal terminal, PrintStream out) {
        this.intakes = intakes;
        this.terminal = terminal;
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Intake intake = intakes.get();
        String joined = String.join(" ", words);
        Path file = Path.of(joined);
        boolean audio = AUDIO_SUFFIXES.stream().anyMatch(s -> joined.toLowerCase(Locale.ROOT).endsWith(s))
                && Files.isRegularFile(file);
        IntakeOutcome outcome = audio
                ? intake.submitAudio(new AudioUpload(Files.readAllBytes(file), file.getFileName().toString(), null))
                : intake.submitText(joined, false);
        while (true) {
            switch (outcome) {
                case IntakeOutcome.NeedsConfirmation c -> {
                    HeardTranscript h = c.session().heard();
                    if (yes) {
                        outcome = intake.proceedUnchecked(c.session().id());
                        continue;
                    }
                    if (!terminal.present()) {
                        print(c.session(), "transcript_confirmation_needed", Map.of("transcript", h.text(),
                                "confidence", h.confidence()));
                        return 3;
                    }
                    out.printf(Locale.ROOT, "I heard (the speech engine is %.0f %% sure):%n  %s%n",
                            100 * h.confidence(), h.text());
                    String answer = terminal.ask("Press Enter if that is right, or type what you said (Ctrl-D"
                            + " discards): ");
                    outcome = answer == null ? intake.discard(c.session().id())
                            : intake.confirm(c.session().id(), answer.isBlank() ? null : answer);
                }
                case IntakeOutcome.NeedsClarification c -> {
                    if (!terminal.present()) {
                        print(c.session(), "clarification_needed", Map.of("question", c.clarification().question(),
                                "choices", c.clarification().choices()));
                        return 3;
                    }
                    out.println("? " + c.clarification().question()
                            + (c.clarification().choices().isEmpty() ? "" : "  " + c.clarification().choices()));
                    String answer = terminal.ask("> ");
                    outcome = answer == null || answer.isBlank() ? intake.discard(c.session().id())
                            : intake.clarify(c.session().id(), answer);
                }
                case IntakeOutcome.NeedsApproval a -> {
                    if (!json) {
                        readBack(a.session());
                    }
                    if (noFile) {
                        print(a.session(), "preview_needed", Map.of());
                        return 0;
                    }
                    if (review) {
                        String ok = terminal.ask("File this ticket? [Y/n] ");
                        if (ok == null || ok.strip().toLowerCase(Locale.ROOT).startsWith("n")) {
                            outcome = intake.discard(a.session().id());
                            continue;
                        }
                    }
                    outcome = intake.approve(a.session().id(), DraftEdits.none());
                }
                case IntakeOutcome.Filed f -> {
                    if (json) {
                        print(f.session(), "created", Map.of("ticket_key", f.session().ticketKey(), "ticket_url",
                                f.session().ticketUrl(), "queued", f.queued()));
                    } else {
                        out.println("Filed " + f.session().ticketKey() + ": " + f.session().draft().summary());
                        out.println("  " + f.session().ticketUrl() + (f.queued() ? "  (queued for the loop)" : ""));
                    }
                    return 0;
                }
                case IntakeOutcome.Discarded d -> {
                    print(d.session(), "discarded", Map.of());
                    return 0;
                }
            }
        }
    }

    private void readBack(IntakeSession s) {
        TicketDraft d = s.draft();
        out.println("Read-back:");
        if (s.heard() != null) {
            out.println("  heard    : " + s.heard().text() + heardNote(s.heard()));
        }
        out.println("  project  : " + d.projectKey());
        out.println("  type     : " + (d.issueType() == null ? "?" : d.issueType().label())
                + "   priority: " + (d.priority() == null ? "Medium" : d.priority().label()));
        out.println("  summary  : " + d.summary());
        d.acceptanceCriteria().forEach(c -> out.println("  - [ ] " + c));
        if (!s.gaps().isEmpty()) {
            out.println("  still unclear: " + String.join(", ", s.gaps()));
        }
        s.extraction().flags().forEach(f -> out.println("  ! " + f));
    }

    private static String heardNote(HeardTranscript h) {
        String sure = h.confidence() == null ? "" : String.format(Locale.ROOT, "%.0f %% sure", 100 * h.confidence());
        return switch (h.confirmation()) {
            case CORRECTED -> "  (corrected by you" + (sure.isEmpty() ? "" : "; the engine was " + sure) + ")";
            case AS_HEARD -> "  (confirmed by you" + (sure.isEmpty() ? "" : "; the engine was " + sure) + ")";
            case UNCHECKED -> "  (not checked" + (sure.isEmpty() ? "" : "; the engine was " + sure) + ")";
            default -> sure.isEmpty() ? "" : "  (" + sure + ")";
        };
    }

    private void print(IntakeSession s, String status, Map<String, Object> extra) throws IOException {
        if (!json && !"clarification_needed".equals(status) && !"transcript_confirmation_needed".equals(status)) {
            out.println(status + " (session " + s.id() + ")");
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("session_id", s.id());
        fields.put("transcribed_text", s.conversation());
        if (s.draft() != null) {
            fields.put("summary", s.draft().summary());
        }
        fields.putAll(extra);
        out.println(new ObjectMapper().writeValueAsString(fields));
    }
}
