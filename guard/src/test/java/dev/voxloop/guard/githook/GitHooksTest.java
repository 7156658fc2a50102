package dev.voxloop.guard.githook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.core.loop.GitConventions;
import dev.voxloop.guard.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHooksTest {

    @TempDir
    Path tmp;

    private final GitHooks hooks = new GitHooks(Set.of("main", "master"));

    private int commitMsg(String message) throws Exception {
        Path f = Files.writeString(tmp.resolve("MSG" + message.hashCode()), message);
        return hooks.commitMsg(f).exit();
    }

    @Test
    void commitMessagesFollowKeyColonDescription() throws Exception {
        assertThat(commitMsg("TRACK-1: Add VAT calculation\n\nbody")).isZero();
        assertThat(commitMsg("GE2-14: Keys with digits pass\n")).isZero();
        assertThat(commitMsg("Merge branch 'main' into feature/X-1-a")).isZero();
        assertThat(commitMsg("# comment\nTRACK-1: after a comment")).isZero();
        assertThat(commitMsg("WIP: max iterations reached")).isEqualTo(1);
        assertThat(commitMsg("track-1: lower case key")).isEqualTo(1);
        assertThat(commitMsg("TRACK-1: " + "x".repeat(80))).isEqualTo(1);
        assertThat(commitMsg("")).isEqualTo(1);
    }

    @Test
    void branchNamesAreDerivedAndChecked() {
        assertThat(GitConventions.branchFor("bugfix", "TRACK-7", "Moms på 25 % ska räknas rätt!"))
                .isEqualTo("bugfix/TRACK-7-moms-pa-25-ska-raknas-ratt");
        assertThat(GitConventions.branchName("feature/TRACK-7-vat")).isEmpty();
        assertThat(GitConventions.branchName("feature/vat")).isPresent();
        assertThat(GitConventions.branchFor("feature", "A-1", "x".repeat(80)).length()).isLessThanOrEqualTo(62);
    }

    @Test
    void prePushRefusesDefaultBranchForceAndBadNames() throws Exception {
        GitRepo repo = new GitRepo(tmp.resolve("r"));
        String first = repo.write("a.txt", "1").commit("A-1: one");
        String second = repo.write("a.txt", "2").commit("A-1: two");
        String zero = "0".repeat(40);

        String ok = "refs/heads/x " + second + " refs/heads/feature/A-1-thing " + first + "\n";
        assertThat(hooks.prePush(repo.work, ok).exit()).isZero();

        String toMain = "refs/heads/main " + second + " refs/heads/main " + first + "\n";
        assertThat(hooks.prePush(repo.work, toMain).message()).contains("default branch 'main'");

        String force = "refs/heads/x " + first + " refs/heads/feature/A-1-thing " + second + "\n";
        assertThat(hooks.prePush(repo.work, force).message()).contains("not a fast-forward");

        String badName = "refs/heads/x " + second + " refs/heads/wip " + zero + "\n";
        assertThat(hooks.prePush(repo.work, badName).exit()).isEqualTo(1);

        String deleteMain = "(delete) " + zero + " refs/heads/main " + second + "\n";
        assertThat(hooks.prePush(repo.work, deleteMain).message()).contains("deleting the default branch");
    }
}
