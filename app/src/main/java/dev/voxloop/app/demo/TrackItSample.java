package dev.voxloop.app.demo;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.intent.Priority;
import dev.voxloop.core.intent.TicketDraft;
import dev.voxloop.loop.agent.ReplayAgent.Edit;
import dev.voxloop.loop.agent.ReplayAgent.Step;
import dev.voxloop.loop.workspace.Git;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo's target: TrackIt, a small time-tracking project whose
 * money is whole öre; the ticket asks for Swedish VAT; the replay script is what a careful agent would do: a
 * failing test first (red), then the implementation (green), then the checklist. The pull request's CI also runs
 * {@code docs.sh} (every public method documented), which the local gates do not: the first CI run fails on the
 * two methods the agent left undocumented, and the script's last step is the healing turn that documents them.
 */
public final class TrackItSample {

    static final List<String> FILES = List.of("README.md", ".gitignore", "CODEOWNERS", ".github/workflows/ci.yml",
            ".voxloop/loop.yaml", ".voxloop/ci.yaml", "pom.xml", "mvnw", ".mvn/wrapper/maven-wrapper.properties",
            "run-tests.sh", "lint.sh", "coverage.sh", "docs.sh", "tools/LineCoverage.java",
            "src/main/java/se/trackit/TimeEntry.java", "src/main/java/se/trackit/Invoice.java",
            "src/test/java/se/trackit/Assert.java", "src/test/java/se/trackit/TestRunner.java",
            "src/test/java/se/trackit/InvoiceTest.java");

    private TrackItSample() {
    }

    /** Writes the project into {@code dir}, commits it on main and pushes it to a bare {@code origin}. */
    public static void create(Path dir, Path origin) {
        try {
            Files.createDirectories(dir);
            for (String f : FILES) {
                // Maven's packaging drops files named .gitignore, so that one is stored without its dot
                String resource = f.equals(".gitignore") ? "gitignore" : f;
                try (InputStream in = TrackItSample.class.getResourceAsStream("trackit/" + resource)) {
                    if (in == null) {
                        throw new IllegalStateException("demo resource missing: " + f);
                    }
                    Path p = dir.resolve(f);
                    Files.createDirectories(p.getParent());
                    Files.write(p, in.readAllBytes());
                    if (f.equals("mvnw") && !p.toFile().setExecutable(true)) {
                        throw new IOException("cannot make " + p + " executable");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        new Git(dir.getParent()).run("init", "-q", "--bare", "-b", "main", origin.toString());
        Git git = new Git(dir);
        git.run("init", "-q", "-b", "main");
        git.commitAll("TRACK-0: TrackIt time tracking in whole öre");
        git.run("remote", "add", "origin", origin.toString());
        git.run("push", "-q", "origin", "main");
    }

    public static TicketDraft ticket(String projectKey) {
        return new TicketDraft("Add Swedish VAT (moms) to invoices",
                "Invoices must show VAT on top of the net amount. Money is whole öre: no floating point anywhere."
                        + " Standard rate 25 %, reduced rates 12 % (food) and 6 % (books, transport).",
                List.of("VAT at 25 % is added to the net amount, rounded half up to the nearest öre",
                        "The reduced rates 12 % and 6 % are supported",
                        "Amounts are computed in whole öre with integer arithmetic"),
                IssueType.STORY, Priority.MEDIUM, projectKey, null, List.of("demo"));
    }

    public static List<Step> script() {
        String test = """
                package se.trackit;

                import static se.trackit.Assert.assertEquals;
                import static se.trackit.Assert.assertThrows;

                import java.util.List;

                public final class VatTest {

                    public static void testStandardRateIs25Percent() {
                        assertEquals(2500, VatRate.STANDARD.vatOn(10000));
                    }

                    public static void testVatIsRoundedHalfUpToTheOre() {
                        assertEquals(3, VatRate.STANDARD.vatOn(11));
                        assertEquals(1, VatRate.BOOKS_AND_TRANSPORT.vatOn(9));
                    }

                    public static void testReducedRates() {
                        assertEquals(1200, VatRate.FOOD.vatOn(10000));
                        assertEquals(600, VatRate.BOOKS_AND_TRANSPORT.vatOn(10000));
                    }

                    public static void testInvoiceGrossAddsVat() {
                        Invoice i = new Invoice(List.of(new TimeEntry("a", 60, 100000)));
                        assertEquals(125000, i.grossOre(VatRate.STANDARD));
                    }

                    public static void testNegativeNetIsRejected() {
                        assertThrows(IllegalArgumentException.class, () -> VatRate.STANDARD.vatOn(-1));
                    }
                }
                """;
        String stub = """
                package se.trackit;

                /** Swedish VAT (moms) rates; amounts in whole öre. */
                public enum VatRate {
                    STANDARD(25), FOOD(12), BOOKS_AND_TRANSPORT(6);

                    private final int percent;

                    VatRate(int percent) {
                        this.percent = percent;
                    }

                    public int percent() {
                        return percent;
                    }

                    /** VAT on a net amount in öre, rounded half up to the nearest öre. */
                    public long vatOn(long netOre) {
                        return 0;
                    }
                }
                """;
        String grossStub = """
                    /** The sum of the entries' net amounts, in öre. */""";
        return List.of(
                new Step("Wrote VatTest first: five tests for the three criteria, with a stub VatRate so they"
                        + " compile. Done.",
                        List.of(new Edit("src/test/java/se/trackit/VatTest.java", test, null, null, false),
                                new Edit("src/main/java/se/trackit/VatRate.java", stub, null, null, false),
                                new Edit("src/main/java/se/trackit/Invoice.java", null, grossStub,
                                        "    public long grossOre(VatRate rate) {\n        return netOre();\n    }\n\n"
                                                + grossStub, false)),
                        true, 1200, 900),
                new Step("Implemented VatRate.vatOn with integer arithmetic (half up: (net * percent * 2 + 100) / 200)"
                        + " and Invoice.grossOre. Tests pass.",
                        List.of(new Edit("src/main/java/se/trackit/VatRate.java", null, "        return 0;",
                                        "        if (netOre < 0) {\n"
                                                + "            throw new IllegalArgumentException(\"net amount must not be"
                                                + " negative\");\n        }\n"
                                                + "        return (netOre * percent * 2 + 100) / 200;", false),
                                new Edit("src/main/java/se/trackit/Invoice.java", null, "        return netOre();\n",
                                        "        long net = netOre();\n        return net + rate.vatOn(net);\n",
                                        false)),
                        true, 1500, 700),
                new Step("Ticked the acceptance criteria: each is proven by a VatTest test.",
                        List.of(new Edit("CURRENT_TASK.md", null, "- [ ] ", "- [x] ", false)), true, 800, 200),
                new Step("CI's docs check failed: documented VatRate.percent and Invoice.grossOre.",
                        List.of(new Edit("src/main/java/se/trackit/VatRate.java", null, "    public int percent() {",
                                        "    /** The rate in whole percent. */\n    public int percent() {", false),
                                new Edit("src/main/java/se/trackit/Invoice.java", null,
                                        "    public long grossOre(VatRate rate) {",
                                        "    /** The net amount plus VAT at {@code rate}, in öre. */\n"
                                                + "    public long grossOre(VatRate rate) {", false)),
                        true, 900, 300));
    }

    /** The script as the JSON file the replay agent reads. */
    public static void writeScript(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(file.toFile(), script());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
