package dev.voxloop.bench.review;

import dev.voxloop.core.intent.IssueType;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.ticket.Ticket;
import java.util.List;

/**
 * A 500-line change for the latency figure: a new 298-line Java class, a source file with 100 lines replaced
 * (100 removed, 100 added), a test file and a pom.xml dependency block, with a two-criterion ticket.
 */
final class LatencyDiff {

    static final int CHANGED_LINES = 500;

    private LatencyDiff() {
    }

    static ReviewRequest request() {
        StringBuilder d = new StringBuilder();
        d.append("diff --git a/src/main/java/se/trackit/report/ReportBuilder.java b/src/main/java/se/trackit/report/ReportBuilder.java\n")
                .append("new file mode 100644\nindex 0000000..1111111\n--- /dev/null\n")
                .append("+++ b/src/main/java/se/trackit/report/ReportBuilder.java\n@@ -0,0 +1,298 @@\n");
        for (int i = 0; i < 298; i++) {
            d.append("+    String part").append(i).append("(Report r) { return r.name() + \":").append(i)
                    .append("\"; } // secret_key_hint").append(i % 7).append('\n');
        }
        d.append("diff --git a/src/main/java/se/trackit/report/Report.java b/src/main/java/se/trackit/report/Report.java\n")
                .append("index 2222222..3333333 100644\n--- a/src/main/java/se/trackit/report/Report.java\n")
                .append("+++ b/src/main/java/se/trackit/report/Report.java\n@@ -10,100 +10,100 @@\n");
        for (int i = 0; i < 100; i++) {
            d.append("-        total = total.add(line").append(i).append(".amount());\n");
        }
        for (int i = 0; i < 100; i++) {
            d.append("+        total = total.add(line").append(i).append(".amount(vat));\n");
        }
        d.append("diff --git a/pom.xml b/pom.xml\nindex 4444444..5555555 100644\n--- a/pom.xml\n+++ b/pom.xml\n")
                .append("@@ -20,3 +20,3 @@\n     <dependency>\n-      <artifactId>slf4j-api</artifactId>\n")
                .append("+      <artifactId>slf4j-api</artifactId>\n     </dependency>\n");
        Ticket t = new Ticket("TRACK-50", null, "TRACK", "Monthly report of invoices",
                "A report of the month's invoices.", List.of("The report lists every invoice", "Totals include VAT"),
                IssueType.STORY, null, List.of(), null, null, null, null, null, List.of());
        return new ReviewRequest(ReviewRequest.ChangeRef.local("latency", "base", null), d.toString(), t,
                new ReviewRequest.ProjectFacts("java", List.of("org.slf4j:slf4j-api")),
                List.of(new ReviewRequest.CriterionTrace(0, List.of("ReportTest#lists")),
                        new ReviewRequest.CriterionTrace(1, List.of("ReportTest#totals"))),
                List.of(new ReviewRequest.TestOutcome("ReportTest#lists", ReviewRequest.TestResult.PASSED),
                        new ReviewRequest.TestOutcome("ReportTest#totals", ReviewRequest.TestResult.PASSED)));
    }
}
