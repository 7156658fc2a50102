package dev.voxloop.forge.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voxloop.core.problem.Problem;
import dev.voxloop.forge.review.diff.DiffFile;
import dev.voxloop.forge.review.diff.DiffLine;
import dev.voxloop.forge.review.diff.UnifiedDiff;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

    static final String DIFF = """
            diff --git a/src/A.java b/src/A.java
            index 1111111..2222222 100644
            --- a/src/A.java
            +++ b/src/A.java
            @@ -10,4 +10,5 @@ class A {
                 int a;
            -    int b;
            +    int b2;
            +    int c;
                 int d;
            \\ No newline at end of file
            diff --git a/old/B.txt b/new/B.txt
            similarity index 90%
            rename from old/B.txt
            rename to new/B.txt
            index 3333333..4444444 100644
            --- a/old/B.txt
            +++ b/new/B.txt
            @@ -1 +1 @@
            -x
            +y
            diff --git a/gone.py b/gone.py
            deleted file mode 100644
            index 5555555..0000000
            --- a/gone.py
            +++ /dev/null
            @@ -1,2 +0,0 @@
            -def f():
            -    pass
            diff --git a/logo.png b/logo.png
            new file mode 100644
            index 0000000..6666666
            Binary files /dev/null and b/logo.png differ
            """;

    @Test
    void numbersEveryLineOfEveryHunk() {
        UnifiedDiff d = UnifiedDiff.parse(DIFF);
        assertThat(d.files()).extracting(DiffFile::path).containsExactly("src/A.java", "new/B.txt", "gone.py",
                "logo.png");
        DiffFile a = d.files().get(0);
        assertThat(a.removed()).singleElement().satisfies(l -> {
            assertThat(l.oldLine()).isEqualTo(11);
            assertThat(l.text()).isEqualTo("    int b;");
        });
        assertThat(a.added()).extracting(DiffLine::newLine).containsExactly(11, 12);
        assertThat(a.lines()).last().extracting(DiffLine::newLine).isEqualTo(13);
        assertThat(a.changedLines()).isEqualTo(3);
    }

    @Test
    void knowsRenamesDeletionsAndBinaries() {
        UnifiedDiff d = UnifiedDiff.parse(DIFF);
        assertThat(d.files().get(1).change()).isEqualTo(DiffFile.Change.RENAMED);
        assertThat(d.files().get(1).oldPath()).isEqualTo("old/B.txt");
        assertThat(d.files().get(2).change()).isEqualTo(DiffFile.Change.DELETED);
        assertThat(d.files().get(2).newPath()).isNull();
        assertThat(d.files().get(2).removed()).extracting(DiffLine::line).containsExactly(1, 2);
        assertThat(d.files().get(3).binary()).isTrue();
        assertThat(d.changedLines(f -> true)).isEqualTo(3 + 2 + 2);
    }

    @Test
    void textThatIsNotADiffIsRefused() {
        assertThatThrownBy(() -> UnifiedDiff.parse("hello, this is not a diff\n"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID))
                .hasMessageContaining("not a unified diff");
        assertThat(UnifiedDiff.parse("").files()).isEmpty();
    }
}
