// Loop runs as the event stream tells them: stage, iterations, gate results, cost, log tail.
// Built from replayed and live events alike (state, not notifications); each run's log is bounded.

import { field } from "./events.js";

export const RUN_LOG_LIMIT = 50;
export const RUN_LIMIT = 30;

export class RunBook {
  constructor() {
    this.runs = new Map();
    this.listeners = new Set();
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  all() {
    return [...this.runs.values()].sort((a, b) => (b.updatedAt || 0) - (a.updatedAt || 0));
  }

  run(id, ticketKey) {
    const key = id || ticketKey;
    let r = this.runs.get(key);
    if (!r) {
      r = { id: id || "", ticketKey: ticketKey || "", state: "QUEUED", iterations: 0, gates: {}, costUsd: null, tokens: null, log: [], updatedAt: 0, prUrl: "" };
      this.runs.set(key, r);
      if (this.runs.size > RUN_LIMIT) this.runs.delete(this.all().at(-1).id || this.all().at(-1).ticketKey);
    }
    if (ticketKey && !r.ticketKey) r.ticketKey = ticketKey;
    return r;
  }

  apply(event) {
    const t = event.type;
    const id = field(event, "run_id");
    const key = field(event, "ticket_key");
    if (!["loop_started", "loop_completed", "loop_stage_changed", "iteration_finished", "gate_evaluated",
      "stuck_detected", "cost_updated", "run_finished", "pull_request_opened", "checks_finished", "merged"].includes(t)) return;
    const r = this.run(id, key);
    const at = Date.parse(event.at || "") || Date.now();
    r.updatedAt = Math.max(r.updatedAt, at);
    const line = (text) => {
      r.log.push(`${new Date(at).toLocaleTimeString()} ${text}`);
      if (r.log.length > RUN_LOG_LIMIT) r.log.splice(0, r.log.length - RUN_LOG_LIMIT);
    };
    switch (t) {
      case "loop_started": r.state = "CLAIMED"; line(`started${event.worker ? ` by ${event.worker}` : ""}`); break;
      case "loop_completed": r.state = event.success ? "MERGED" : "FAILED"; line(event.success ? "completed" : `failed ${event.error || ""}`); break;
      case "loop_stage_changed": r.state = String(event.state || r.state).toUpperCase(); line(`${r.state}${event.message ? `: ${event.message}` : ""}`); break;
      case "iteration_finished": r.iterations = Math.max(r.iterations, Number(event.iteration) || 0); line(`iteration ${event.iteration}: ${event.summary || ""}`); break;
      case "gate_evaluated": r.gates[event.gate] = { passed: Boolean(event.passed), detail: event.detail || "" }; line(`gate ${event.gate} ${event.passed ? "passed" : "failed"}`); break;
      case "stuck_detected": line(`stuck: ${event.pattern} ×${event.repeats}`); break;
      case "cost_updated": r.costUsd = Number(field(event, "total_usd")); r.tokens = Number(field(event, "total_tokens")); break;
      case "run_finished": r.state = String(event.state || "FINISHED").toUpperCase(); r.failure = event.failure || ""; r.reason = event.reason || ""; line(`finished ${r.state}${event.reason ? `: ${event.reason}` : ""}`); break;
      case "pull_request_opened": r.prUrl = event.url || ""; line(`pull request #${event.number} opened`); break;
      case "checks_finished": line(`checks ${event.passed ? "passed" : "failed"}${event.summary ? `: ${event.summary}` : ""}`); break;
      case "merged": r.state = "MERGED"; line(`merged ${String(event.sha || "").slice(0, 8)}`); break;
      default: break;
    }
    for (const listener of this.listeners) listener(r);
  }
}
