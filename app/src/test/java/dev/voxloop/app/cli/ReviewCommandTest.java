package dev.voxloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.forge.review.BuiltinReviewer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code voxloop review} on a real git repository: the exit statuses, the JSON, and bad input. */
class ReviewCommandTest {

    @TempDir
    Path tmp;

    Path repo;

    record Run(int exit, String out, String err) {
    }

    private Run review(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new CommandLine(new ReviewCommand(() -> List.of(BuiltinReviewer.standard()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(tmp.resolve("trackit"));
        git("init", "-q", "-b", "main");
        write("src/main/java/se/trackit/invoice/Invoice.java", "package se.trackit.invoice;\n\nclass Invoice {\n}\n");
        commit("TRACK-0: start");
        git("checkout", "-q", "-b", "feature/TRACK-1");
    }

    @Test
    void aDebuggingPrintRequestsChangesAndTheFixIsApproved() throws Exception {
        write("src/main/java/se/trackit/invoice/Invoice.java", "package se.trackit.invoice;\n\nclass Invoice {\n"
                + "    int vat() {\n        System.out.println(\"vat\");\n        return 25;\n    }\n}\n");
        commit("TRACK-1: VAT");
        Run first = review("--repo", repo.toString(), "--base", "main", "--head", "HEAD", "--json");
        assertThat(first.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(first.out());
        assertThat(json.path("verdict").asText()).isEqualTo("REQUEST_CHANGES");
        assertThat(json.path("head").asText()).hasSize(40);
        JsonNode f = json.path("findings").get(0);
        assertThat(f.path("category").asText()).isEqualTo("debug-leftover");
        assertThat(f.path("path").asText()).isEqualTo("src/main/java/se/trackit/invoice/Invoice.java");
        assertThat(f.path("line").asInt()).isEqualTo(5);
        assertThat(f.path("severity").asText()).isEqualTo("major");

        write("src/main/java/se/trackit/invoice/Invoice.java", "package se.trackit.invoice;\n\nclass Invoice {\n"
                + "    int vat() {\n        return 25;\n    }\n}\n");
        commit("TRACK-1: no print");
        Run second = review("--repo", repo.toString(), "--base", "main");
        assertThat(second.exit()).isZero();
        assertThat(second.out()).startsWith("voxloop-rules: APPROVE.");
    }

    @Test
    void theTicketFileBringsCriteriaAndTheirEvidence() throws Exception {
        write("src/main/java/se/trackit/invoice/Invoice.java", "package se.trackit.invoice;\n\nclass Invoice {\n"
                + "    int vat() {\n        return 25;\n    }\n}\n");
        commit("TRACK-1: VAT");
        Path ticket = tmp.resolve("ticket.json");
        Files.writeString(ticket, """
                {"ticket": {"key": "TRACK-1", "summary": "Invoices show VAT",
                            "acceptance_criteria": ["VAT is 25 %", "The total includes VAT"]},
                 "traceability": [{"criterion": 0, "tests": ["se.trackit.invoice.InvoiceTest#vat"]}],
                 "ci": [{"test": "se.trackit.invoice.InvoiceTest#vat", "result": "passed"}]}
                """);
        Run r = review("--repo", repo.toString(), "--base", "main", "--ticket", ticket.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("untraced-criterion").contains("criterion 2").doesNotContain("criterion 1 ");
    }

    @Test
    void badInputIsExitTwoWithAClearMessage() throws Exception {
        Run noRepo = review("--repo", tmp.resolve("nowhere").toString(), "--base", "main");
        assertThat(noRepo.exit()).isEqualTo(2);
        assertThat(noRepo.err()).contains("is not a git repository").doesNotContain("Exception");
        Run noRef = review("--repo", repo.toString(), "--base", "no-such-branch");
        assertThat(noRef.exit()).isEqualTo(2);
        assertThat(noRef.err()).contains("no commit 'no-such-branch'");
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{ not json");
        Run badTicket = review("--repo", repo.toString(), "--base", "main", "--ticket", bad.toString());
        assertThat(badTicket.exit()).isEqualTo(2);
        assertThat(badTicket.err()).contains("cannot be read as JSON");
        assertThat(review("--repo", repo.toString()).exit()).isEqualTo(2); // --base missing: picocli's usage error
    }

    private void write(String path, String text) throws Exception {
        Path f = repo.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
    }

    private void commit(String message) throws Exception {
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message);
    }

    private void git(String... args) throws Exception {
        String[] argv = new String[args.length + 1];
        argv[0] = "git";
        System.arraycopy(args, 0, argv, 1, args.length);
        Process p = new ProcessBuilder(argv).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", argv) + ": " + out).isZero();
    }
}
