package dev.voxloop.guard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellParserTest {

    private static List<List<String>> words(String script) {
        return ShellParser.parse(script).stream().map(ShellCommand::words).toList();
    }

    @Test
    void splitsOnOperatorsAndRemovesQuotes() {
        assertThat(words("a 'b c' \"d e\" && f;g || h & i"))
                .containsExactly(List.of("a", "b c", "d e"), List.of("f"), List.of("g"), List.of("h"), List.of("i"));
    }

    @Test
    void readsSubstitutionsAndShellStrings() {
        List<List<String>> w = words("pr=$(gh pr create --title \"x\") && bash -c 'git push -f' ; echo `date`");
        assertThat(w).contains(List.of("gh", "pr", "create", "--title", "x"), List.of("git", "push", "-f"),
                List.of("date"));
    }

    @Test
    void readsRedirectionsAndHeredocs() {
        ShellCommand c = ShellParser.parse("cat > out.txt 2>&1 <<'EOF'\nhello > .github/x\nEOF\necho done").get(0);
        assertThat(c.words()).containsExactly("cat");
        assertThat(c.redirects()).containsExactly(new ShellCommand.Redirect(">", "out.txt"));
        assertThat(c.stdinText()).isEqualTo("hello > .github/x\n");
        assertThat(words("cat > out.txt 2>&1 <<'EOF'\nhello > .github/x\nEOF\necho done")).contains(List.of("echo",
                "done"));
    }

    @Test
    void tracksPipesAndDropsWrappers() {
        List<ShellCommand> cs = ShellParser.parse("FOO=1 env -i timeout 5 curl -s x | sudo bash");
        assertThat(cs.get(0).words()).containsExactly("curl", "-s", "x");
        assertThat(cs.get(1).pipedFrom()).isEqualTo(cs.get(0));
    }

    @Test
    void neverThrowsOnBrokenInput() {
        for (String s : List.of("'unclosed", "$(", "echo \"$(a", "<<EOF", "a | | b", "((", "`", "\\")) {
            ShellParser.parse(s);
        }
    }
}
