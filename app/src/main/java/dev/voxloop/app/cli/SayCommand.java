package dev.voxloop.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.app.RunningServer;
import dev.voxloop.app.say.IntakeClient;
import dev.voxloop.app.say.LocalIntakeClient;
import dev.voxloop.app.say.SayStep;
import dev.voxloop.app.say.ServerIntakeClient;
import dev.voxloop.core.intake.Intake;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code voxloop say TEXT|FILE}: one request from the terminal. When a server runs on the data directory the request
 * goes through its API (its models are loaded, its ticket links open); otherwise the intake runs in this process.
 * On a terminal, unsure words are shown to confirm or correct, questions are asked, and the read-back is approved
 * as the console asks for them; {@code --yes} takes the words as heard and files without asking. Ctrl-C or SIGTERM
 * lets the intake's step in progress end and be saved (up to ten seconds), says where the request was left
 * ({@link SayStopped}), and then closes the models and the database.
 */
@Command(name = "say", mixinStandardHelpOptions = true,
        description = "Turn one request (words, or an audio file) into a ticket: through the running server when"
                + " there is one, else in this process. On a terminal it confirms unsure words, answers questions"
                + " and asks before filing (--yes does none of that). Exit 0 filed (or discarded), 3 when the words"
                + " or a question need an answer and no terminal can ask (the session id is printed to answer it"
                + " over the API), 130 or 143 when Ctrl-C or SIGTERM stopped it (it says where the request waits).")
public final class SayCommand implements Callable<Integer> {

    private static final List<String> AUDIO_SUFFIXES = List.of(".wav", ".webm", ".ogg", ".opus", ".mp3", ".flac",
            ".m4a");

    private final Supplier<IntakeClient> clients;
    private final Terminal terminal;
    private final PrintStream out;
    private final StopSignals.Setup stops;
    private final Runnable close;
    /** The last step of the intake that ended, for what a stop says. */
    private final AtomicReference<SayStep> last = new AtomicReference<>();
    private StopSignals signals;

    @Parameters(arity = "1..*", paramLabel = "TEXT|FILE", description = "The request as words, or an audio file.")
    List<String> words;

    @Option(names = {"-y", "--yes"}, description = "Do not ask: take the words as the speech engine heard them (its"
            + " doubt still caps the draft's confidence and is flagged) and file without the read-back approval.")
    boolean yes;

    @Option(names = "--review", description = "Ask before filing even with --yes.")
    boolean review;

    @Option(names = "--no-file", description = "Stop at the read-back preview; print the session id to approve later.")
    boolean noFile;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    public SayCommand(AppContext context) {
        this(Terminal.system(System.out), System.out, () -> RunningServer.find(context.config().dataDir())
                .<IntakeClient>map(s -> new ServerIntakeClient(s.url(),
                        context.config().tree().string("server.api_token").orElse(null)))
                .orElseGet(() -> new LocalIntakeClient(context.app().intake())), StopSignals.SIGNALLED,
                context::close);
    }

    /** The intake in this process, with the given terminal (tests). */
    SayCommand(Supplier<Intake> intakes, Terminal terminal, PrintStream out) {
        this(terminal, out, () -> new LocalIntakeClient(intakes.get()), StopSignals.IN_PROCESS, () -> { });
    }

    private SayCommand(Terminal terminal, PrintStream out, Supplier<IntakeClient> clients, StopSignals.Setup stops,
                       Runnable close) {
        this.clients = clients;
        this.terminal = terminal;
        this.out = out;
        this.stops = stops;
        this.close = close;
    }

    @Override
    public Integer call() throws IOException {
        // before anything opens: a stop waits for the intake's step in progress, then closes models and database
        signals = stops.install(() -> { }, ended -> stopped(last.get(), ended), close);
        IntakeClient intake = signals.step(clients::get);
        String joined = String.join(" ", words);
        Path file = Path.of(joined);
        boolean audio = AUDIO_SUFFIXES.stream().anyMatch(s -> joined.toLowerCase(Locale.ROOT).endsWith(s))
                && Files.isRegularFile(file);
        SayStep step = next(() -> audio ? intake.submitAudio(file) : intake.submitText(joined));
        while (true) {
            switch (step) {
                case SayStep.Confirm c -> {
                    if (yes) {
                        step = next(() -> intake.proceedUnchecked(c.sessionId()));
                        continue;
                    }
                    if (!terminal.present()) {
                        print(c, "transcript_confirmation_needed", Map.of("transcript", c.heard(),
                                "confidence", c.confidence() == null ? "" : c.confidence()));
                        return 3;
                    }
                    out.printf(Locale.ROOT, "I heard (the speech engine is %.0f %% sure):%n  %s%n",
                            100 * (c.confidence() == null ? 0 : c.confidence()), c.heard());
                    String answer = terminal.ask("Press Enter if that is right, or type what you said (Ctrl-D"
                            + " discards): ");
                    step = next(() -> answer == null ? intake.discard(c.sessionId())
                            : intake.confirm(c.sessionId(), answer.isBlank() ? null : answer));
                }
                case SayStep.Question q -> {
                    if (!terminal.present()) {
                        print(q, "clarification_needed", Map.of("question", q.question(), "choices", q.choices()));
                        return 3;
                    }
                    out.println("? " + q.question() + (q.choices().isEmpty() ? "" : "  " + q.choices()));
                    String answer = terminal.ask("> ");
                    step = next(() -> answer == null || answer.isBlank() ? intake.discard(q.sessionId())
                            : intake.clarify(q.sessionId(), answer));
                }
                case SayStep.Preview p -> {
                    if (!json) {
                        readBack(p.readBack());
                    }
                    if (noFile) {
                        print(p, "preview_needed", Map.of("summary", p.readBack().summary()));
                        return 0;
                    }
                    if ((!yes || review) && terminal.present()) {
                        String ok = terminal.ask(p.readBack().duplicates().isEmpty() ? "File this ticket? [Y/n] "
                                : "File this ticket anyway? [Y/n] ");
                        if (ok == null || ok.strip().toLowerCase(Locale.ROOT).startsWith("n")) {
                            step = next(() -> intake.discard(p.sessionId()));
                            continue;
                        }
                    }
                    step = next(() -> intake.approve(p.sessionId()));
                }
                case SayStep.Filed f -> {
                    filed(f);
                    return 0;
                }
                case SayStep.Discarded d -> {
                    print(d, "discarded", Map.of());
                    return 0;
                }
            }
        }
    }

    /** One step of the intake, saved when it ends; a stop waits for it and then reports where it left the request. */
    private SayStep next(StopSignals.Step<SayStep, IOException> step) throws IOException {
        return signals.step(() -> {
            SayStep s = step.run();
            last.set(s);
            return s;
        });
    }

    /** What a stop left: a line of its own (also after an open prompt), or one JSON object with --json. */
    private void stopped(SayStep step, boolean ended) {
        String message = SayStopped.message(step, ended);
        if (!json) {
            out.println(terminal.present() ? System.lineSeparator() + message : message);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "stopped");
        body.put("session_id", step == null ? null : step.sessionId());
        body.put("message", message);
        try {
            out.println(new ObjectMapper().writeValueAsString(body));
        } catch (IOException e) {
            out.println(message);
        }
    }

    private void filed(SayStep.Filed f) throws IOException {
        if (json) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("ticket_key", f.key());
            extra.put("ticket_url", f.url());
            extra.put("queued", f.queued());
            extra.put("summary", f.summary());
            extra.put("notes", f.notes());
            print(f, "created", extra);
            return;
        }
        out.println("Filed " + f.key() + ": " + f.summary() + (f.queued() ? "  (queued for the loop)" : ""));
        f.notes().forEach(n -> out.println("  note: " + n));
        out.println(f.url() != null ? "  " + f.url()
                : "  no server is running: start ./voxloop serve to see it on the board");
    }

    private void readBack(SayStep.ReadBack d) {
        out.println("Read-back:");
        if (d.heard() != null) {
            out.println("  heard    : " + d.heard());
        }
        out.println("  project  : " + (d.project() == null ? "?" : d.project()));
        out.println("  type     : " + (d.type() == null ? "?" : d.type())
                + "   priority: " + (d.priority() == null ? "Medium" : d.priority()));
        out.println("  summary  : " + d.summary());
        d.criteria().forEach(c -> out.println("  - [ ] " + c));
        if (!d.gaps().isEmpty()) {
            out.println("  still unclear: " + String.join(", ", d.gaps()));
        }
        d.flags().forEach(f -> out.println("  ! " + f));
        if (!d.duplicates().isEmpty()) {
            out.println("  may already be filed (open tickets of " + d.project() + "):");
            d.duplicates().forEach(t -> out.printf(Locale.ROOT, "    %s  %s  (%.0f %% alike)%n", t.key(), t.summary(),
                    100 * t.similarity()));
        }
    }

    private void print(SayStep s, String status, Map<String, Object> extra) throws IOException {
        if (!json && !"clarification_needed".equals(status) && !"transcript_confirmation_needed".equals(status)) {
            out.println(status + " (session " + s.sessionId() + ")");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("session_id", s.sessionId());
        body.put("transcribed_text", s.conversation());
        body.putAll(extra);
        out.println(new ObjectMapper().writeValueAsString(body));
    }
}
