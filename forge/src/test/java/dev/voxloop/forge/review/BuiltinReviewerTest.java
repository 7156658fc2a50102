package dev.voxloop.forge.review;

import static dev.voxloop.forge.review.ReviewFixture.added;
import static dev.voxloop.forge.review.ReviewFixture.replaced;
import static dev.voxloop.forge.review.ReviewFixture.request;
import static dev.voxloop.forge.review.ReviewFixture.ticket;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.review.Category;
import dev.voxloop.core.review.Finding;
import dev.voxloop.core.review.Review;
import dev.voxloop.core.review.ReviewRequest;
import dev.voxloop.core.review.Severity;
import dev.voxloop.core.review.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltinReviewerTest {

    private final BuiltinReviewer reviewer = BuiltinReviewer.standard();

    private List<Finding> findings(ReviewRequest r) {
        return reviewer.review(r).findings();
    }

    @Test
    void aCleanChangeIsApproved() {
        Review r = reviewer.review(request(added("src/main/java/se/trackit/invoice/Vat.java",
                "package se.trackit.invoice;", "final class Vat {", "    int rate() { return 25; }", "}")));
        assertThat(r.verdict()).isEqualTo(Verdict.APPROVE);
        assertThat(r.findings()).isEmpty();
        assertThat(r.reviewer()).isEqualTo("voxloop-rules");
    }

    @Test
    void aPrintInProductionCodeRequestsChangesAtItsLine() {
        Review r = reviewer.review(request(added("src/main/java/se/trackit/Invoice.java",
                "class Invoice {", "  void f() {", "    System.out.println(\"here\");", "  }", "}")));
        assertThat(r.verdict()).isEqualTo(Verdict.REQUEST_CHANGES);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.DEBUG_LEFTOVER);
            assertThat(f.path()).isEqualTo("src/main/java/se/trackit/Invoice.java");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.severity()).isEqualTo(Severity.MAJOR);
        });
    }

    @Test
    void printsInEntryPointsAndLoggersAreNotLeftovers() {
        assertThat(findings(request(added("src/main/java/se/trackit/cli/Main.java",
                "class Main { public static void main(String[] a) { System.out.println(a[0]); } }")))).isEmpty();
        assertThat(findings(request(added("bin/tool.js", "console.log(process.argv[2]);")))).isEmpty();
        assertThat(findings(request(added("src/app.js", "logger.info('started');", "// console.log(x);")))).isEmpty();
    }

    @Test
    void focusedTestsAndDebuggerCallsAreLeftovers() {
        assertThat(findings(request(added("test/a.test.js", "it.only('x', () => {});"))))
                .extracting(Finding::category).containsExactly(Category.DEBUG_LEFTOVER);
        assertThat(findings(request(added("app/cart.py", "def f():", "    breakpoint()"))))
                .extracting(Finding::line).containsExactly(2);
        assertThat(findings(request(added("internal/x/x.go", "package x", "func f() { fmt.Println(1) }"))))
                .hasSize(1);
    }

    @Test
    void weakenedTestsAreFound() {
        assertThat(findings(request(added("src/test/java/a/ATest.java", "@Disabled(\"flaky\")"))))
                .extracting(Finding::category).containsExactly(Category.TEST_WEAKENED);
        assertThat(findings(request(replaced("tests/test_cart.py", 4, "    assert total == 25",
                "    assert True")))).extracting(Finding::category).contains(Category.TEST_WEAKENED);
        assertThat(findings(request(replaced("jest.config.js", 5, "      lines: 85,", "      lines: 60,"))))
                .singleElement().extracting(Finding::line).isEqualTo(5);
        assertThat(findings(request(replaced("package.json", 7, "    \"test\": \"jest\"",
                "    \"test\": \"jest --passWithNoTests\"")))).hasSize(1);
    }

    @Test
    void anExpectedValueEditedIsWeakeningUnlessTheTicketNamesTheNewValue() {
        String diff = replaced("src/test/java/a/VatTest.java", 12, "        assertEquals(\"0.03\", vat(\"0.10\"));",
                "        assertEquals(\"0.02\", vat(\"0.10\"));");
        assertThat(findings(request(diff, ticket("Fix VAT rounding", "VAT matches the export"), List.of())))
                .extracting(Finding::category).containsExactly(Category.TEST_WEAKENED);
        assertThat(findings(request(diff, ticket("VAT on 0.10 rounds down to 0.02", "VAT on 0.10 is 0.02"),
                List.of()))).isEmpty();
    }

    @Test
    void aDeletedTestFileIsWeakening() {
        String diff = "diff --git a/tests/test_pricing.py b/tests/test_pricing.py\ndeleted file mode 100644\n"
                + "index 1111111..0000000\n--- a/tests/test_pricing.py\n+++ /dev/null\n@@ -1,2 +0,0 @@\n"
                + "-def test_x():\n-    assert 1 + 1 == 2\n";
        assertThat(findings(request(diff))).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.TEST_WEAKENED);
            assertThat(f.line()).isNull();
        });
    }

    @Test
    void secretsAreFoundAndNeverRepeated() {
        String token = "ghp_" + "8fK2mQ9xL4vR7tB1nW5zC3hJ6dP0sY2aE4uG";
        List<Finding> f = findings(request(added("src/notify.js", "const t = '" + token + "';")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.category()).isEqualTo(Category.SECRET);
            assertThat(x.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(x.message()).contains("GitHub token").doesNotContain(token.substring(4));
        });
        assertThat(findings(request(added("config/app.properties", "mail.password=Tr0ub4dor&3xq!"))))
                .extracting(Finding::category).containsExactly(Category.SECRET);
        assertThat(findings(request(added("src/main/resources/id.pem", "-----BEGIN RSA PRIVATE KEY-----"))))
                .hasSize(1);
    }

    @Test
    void referencesFakesHashesAndUuidsAreNotSecrets() {
        assertThat(findings(request(added("settings.py", "SMTP_PASSWORD = os.environ.get(\"SMTP_PASSWORD\", \"\")",
                "DB_PASSWORD = \"${DB_PASSWORD}\"", "API_TOKEN = \"3f2b7c9e-8d41-4a6b-b0c2-5e9f1a7d3c68\"",
                "FAKE_TOKEN = \"ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"  # fake, not a real token")))).isEmpty();
        assertThat(findings(request(added("go.sum",
                "golang.org/x/sync v0.8.0 h1:3NFvSEYkUoMifnESzZl15y791HH1qU2xm6eCJU5ZPXQ=")))).isEmpty();
    }

    @Test
    void dependenciesOutsideTheAllowlistAreFound() {
        String pom = "diff --git a/pom.xml b/pom.xml\nindex 1..2 100644\n--- a/pom.xml\n+++ b/pom.xml\n"
                + "@@ -10,3 +10,8 @@\n   <dependencies>\n+    <dependency>\n+      <groupId>org.apache.commons</groupId>\n"
                + "+      <artifactId>commons-lang3</artifactId>\n+      <version>3.17.0</version>\n+    </dependency>\n"
                + "     <dependency>\n       <groupId>org.slf4j</groupId>\n";
        assertThat(findings(request(pom, null, List.of("org.slf4j:slf4j-api")))).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.DEPENDENCY);
            assertThat(f.line()).isEqualTo(13);
            assertThat(f.message()).contains("org.apache.commons:commons-lang3");
        });
        assertThat(findings(request(pom, null, List.of("org.apache.commons:commons-lang3")))).isEmpty();
        assertThat(findings(request(replaced("package.json", 12, "    \"dayjs\": \"^1.11.13\"",
                "    \"dayjs\": \"^1.11.19\""), null, List.of("express")))).hasSize(1);
        assertThat(findings(request(added("requirements.txt", "Python_Dateutil==2.9.0"), null,
                List.of("python-dateutil")))).isEmpty();
        assertThat(findings(request(added("go.mod", "require github.com/sirupsen/logrus v1.9.3"), null, List.of())))
                .extracting(Finding::message).singleElement().asString().contains("github.com/sirupsen/logrus");
    }

    @Test
    void filesTheTicketDoesNotConcernAreOutOfScope() {
        String diff = added("src/main/java/se/trackit/invoice/InvoiceLine.java", "class InvoiceLine {}")
                + added("src/main/java/se/trackit/customer/CustomerRepository.java", "class CustomerRepository {}")
                + added("src/test/java/se/trackit/invoice/InvoiceLineTest.java", "class InvoiceLineTest {}")
                + added("Dockerfile", "FROM eclipse-temurin:23-jre");
        List<Finding> f = findings(request(diff, ticket("Show the VAT of each invoice line", "Lines show VAT"),
                List.of()));
        assertThat(f).filteredOn(x -> x.category() == Category.OUT_OF_SCOPE).extracting(Finding::path)
                .containsExactlyInAnyOrder("src/main/java/se/trackit/customer/CustomerRepository.java", "Dockerfile");
        assertThat(f).allMatch(Finding::followUp);
        assertThat(findings(request(added("Dockerfile", "HEALTHCHECK CMD true"),
                ticket("Container health check", "The container reports healthy"), List.of()))).isEmpty();
        assertThat(findings(request(diff, null, List.of()))).isEmpty();
    }

    @Test
    void aChangeOverTheLimitIsTooLargeButLockFilesDoNotCount() {
        String[] lines = new String[401];
        java.util.Arrays.fill(lines, "x");
        assertThat(findings(request(added("src/data.txt", lines)))).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.TOO_LARGE);
            assertThat(f.severity()).isEqualTo(Severity.MINOR);
        });
        assertThat(reviewer.review(request(added("src/data.txt", lines))).verdict()).isEqualTo(Verdict.COMMENT);
        assertThat(findings(request(added("package-lock.json", lines)))).isEmpty();
        assertThat(BuiltinReviewer.withLimit(1000, Severity.MAJOR).review(request(added("src/data.txt", lines))).verdict())
                .isEqualTo(Verdict.APPROVE);
    }

    @Test
    void everyCriterionNeedsNamedTestsGreenInCi() {
        var t = ticket("Refunds", "Refunds return tickets", "Refunding too many is refused", "Refunds are logged");
        String diff = added("internal/tickets/refund.go", "package tickets");
        ReviewRequest r = new ReviewRequest(ReviewRequest.ChangeRef.local("repo", "main", null), diff, t, null,
                List.of(new ReviewRequest.CriterionTrace(0, List.of("TestRefund")),
                        new ReviewRequest.CriterionTrace(1, List.of("TestRefundTooMany", "TestNotRun"))),
                List.of(new ReviewRequest.TestOutcome("TestRefund", ReviewRequest.TestResult.PASSED),
                        new ReviewRequest.TestOutcome("TestRefundTooMany", ReviewRequest.TestResult.FAILED)));
        List<Finding> f = findings(r);
        assertThat(f).extracting(Finding::category).containsOnly(Category.UNTRACED_CRITERION);
        assertThat(f).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).contains("criterion 2").contains("failed in CI: TestRefundTooMany")
                        .contains("did not run in CI: TestNotRun"),
                m -> assertThat(m).contains("criterion 3").contains("names no test"));
    }

    @Test
    void theSameChangeGetsTheSameReview() {
        ReviewRequest r = request(added("src/a.js", "console.log(1);", "debugger;"));
        assertThat(reviewer.review(r)).isEqualTo(reviewer.review(r));
        assertThat(reviewer.review(r).findings().get(0).fingerprint())
                .isEqualTo(reviewer.review(r).findings().get(0).fingerprint()).hasSize(16);
    }
}
