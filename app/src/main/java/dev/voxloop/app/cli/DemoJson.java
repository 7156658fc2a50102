package dev.voxloop.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.loop.ForgeProgress;
import dev.voxloop.app.demo.DemoRun;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outcome of {@code voxloop demo --json}: one JSON object. */
final class DemoJson {

    private DemoJson() {
    }

    static String of(DemoRun.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        ForgeProgress f = o.run().forge();
        m.put("state", o.run().state().name());
        m.put("reason", o.run().reason());
        m.put("ticket", o.ticket().key());
        m.put("ticket_status", o.ticket().status());
        m.put("ticket_url", o.ticket().url());
        m.put("run", o.run().id());
        m.put("iterations", o.run().iteration());
        m.put("heal_rounds", f.healRounds());
        m.put("branch", o.run().workspace().branch());
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("number", f.pullRequest() == 0 ? null : f.pullRequest());
        pr.put("url", f.pullRequestUrl());
        pr.put("merge_commit", f.mergeCommit());
        m.put("pull_request", pr);
        m.put("repository", o.forge() == null ? null : o.forge().cloneSource());
        m.put("forge", o.forge() == null ? null : o.forge().forge().name());
        if (o.timings() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("pushed_to_merged_ms", o.timings().pushedToMerged().toMillis());
            t.put("ci_ms", o.timings().ci().toMillis());
            t.put("ci_rounds_ms", o.timings().ciRounds().stream().map(java.time.Duration::toMillis).toList());
            t.put("agent_ms", o.timings().agent().toMillis());
            t.put("gates_ms", o.timings().gates().toMillis());
            t.put("forge_overhead_ms", o.timings().forgeOverhead().toMillis());
            m.put("timings", t);
        }
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
