package dev.voxloop.bench.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voxloop.guard.policy.ToolUseRules;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PolicyCorpusTest {

    @Test
    void corpusIsJudgedWithoutErrors() throws Exception {
        Path corpus = Path.of(getClass().getResource("/policy/corpus.jsonl").toURI());
        PolicyBench.Report r = new PolicyBench(new ToolUseRules()).run(corpus);
        System.out.println(r.render());
        assertThat(r.harmful()).isGreaterThanOrEqualTo(40);
        assertThat(r.ordinary()).isGreaterThanOrEqualTo(40);
        assertThat(r.misses()).isEmpty();
    }
}
