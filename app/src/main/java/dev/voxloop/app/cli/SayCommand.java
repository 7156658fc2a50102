package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.audio.AudioUpload;
import dev.voxloop.core.intake.DraftEdits;
import dev.voxloop.core.intake.Intake;
import dev.voxloop.core.intake.IntakeOutcome;
import dev.voxloop.core.intake.IntakeSession;
import dev.voxloop.core.intent.TicketDraft;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop say TEXT|FILE}: one intake, in-process, from the terminal. Questions are asked on the terminal
 * when there is one; the read-back is printed and approved unless {@code --review} asks first.
 */
@Command(name = "say", mixinStandardHelpOptions = true,
        description = "Run one request through the intake in-process (transcribe, extract, clarify, file) and print"
                + " the result. Exit 0 filed (or discarded), 3 when a question needs an answer and no terminal"
                + " can ask it.")
public final class SayCommand implements Callable<Integer> {

    private static final List<String> AUDIO_SUFFIXES = List.of(".wav", ".webm", ".ogg", ".opus", ".mp3", ".flac",
            ".m4a");

    private final AppContext context;

    @Parameters(arity = "1..*", paramLabel = "TEXT|FILE", description = "The request as words, or an audio file.")
    List<String> words;

    @Option(names = "--review", description = "Show the read-back and ask before filing (needs a terminal).")
    boolean review;

    @Option(names = "--no-file", description = "Stop at the read-back preview; print the session id to approve later.")
    boolean noFile;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    public SayCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Intake intake = context.app().intake();
        String joined = String.join(" ", words);
        Path file = Path.of(joined);
        boolean audio = AUDIO_SUFFIXES.stream().anyMatch(s -> joined.toLowerCase(Locale.ROOT).endsWith(s))
                && Files.isRegularFile(file);
        IntakeOutcome outcome = audio
                ? intake.submitAudio(new AudioUpload(Files.readAllBytes(file), file.getFileName().toString(), null))
                : intake.submitText(joined, false);
        BufferedReader terminal = System.console() != null
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)) : null;
        while (true) {
            switch (outcome) {
                case IntakeOutcome.NeedsClarification c -> {
                    if (terminal == null) {
                        print(c.session(), "clarification_needed", Map.of("question", c.clarification().question(),
                                "choices", c.clarification().choices()));
                        return 3;
                    }
                    System.out.println("? " + c.clarification().question()
                            + (c.clarification().choices().isEmpty() ? "" : "  " + c.clarification().choices()));
                    System.out.print("> ");
                    String answer = terminal.readLine();
                    if (answer == null || answer.isBlank()) {
                        outcome = intake.discard(c.session().id());
                        continue;
                    }
                    outcome = intake.clarify(c.session().id(), answer);
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
                        Console console = System.console();
                        String yes = console == null ? null : console.readLine("File this ticket? [Y/n] ");
                        if (yes == null || yes.strip().toLowerCase(Locale.ROOT).startsWith("n")) {
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
                        System.out.println("Filed " + f.session().ticketKey() + ": " + f.session().draft().summary());
                        System.out.println("  " + f.session().ticketUrl() + (f.queued() ? "  (queued for the loop)" : ""));
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
        System.out.println("Read-back:");
        System.out.println("  project  : " + d.projectKey());
        System.out.println("  type     : " + (d.issueType() == null ? "?" : d.issueType().label())
                + "   priority: " + (d.priority() == null ? "Medium" : d.priority().label()));
        System.out.println("  summary  : " + d.summary());
        d.acceptanceCriteria().forEach(c -> System.out.println("  - [ ] " + c));
        if (!s.gaps().isEmpty()) {
            System.out.println("  still unclear: " + String.join(", ", s.gaps()));
        }
        s.extraction().flags().forEach(f -> System.out.println("  ! " + f));
    }

    private void print(IntakeSession s, String status, Map<String, Object> extra) throws IOException {
        if (!json && !"clarification_needed".equals(status)) {
            System.out.println(status + " (session " + s.id() + ")");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("session_id", s.id());
        out.put("transcribed_text", s.conversation());
        if (s.draft() != null) {
            out.put("summary", s.draft().summary());
        }
        out.putAll(extra);
        System.out.println(new ObjectMapper().writeValueAsString(out));
    }
}
