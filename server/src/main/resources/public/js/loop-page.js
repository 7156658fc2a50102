// Loop board: queue, failed tickets with retry, and runs (stage, iterations, gates, cost, log tail) with
// abort and instruct controls. The loop API is still settling, so every endpoint is read defensively: a 404
// means "not on this server yet" and the board falls back to what the event stream reported.

import { clear, h } from "./dom.js";
import { field } from "./events.js";
import { listFrom } from "./tickets-page.js";

const POLL_MS = 5000;
/** States in which a run takes a person's signals (core.loop.LoopState.takesSignals). */
const SIGNALLED = new Set(["CLAIMED", "PREPARING", "ITERATING", "VERIFYING"]);

export class LoopPage {
  constructor({ api, toasts, runBook }) {
    Object.assign(this, { api, toasts, runBook });
  }

  mount(main) {
    this.main = main;
    this.queueBox = h("ul", { class: "list", id: "queue-list" });
    this.failedBox = h("ul", { class: "list", id: "failed-list" });
    this.runsBox = h("div", { class: "list", id: "runs" });
    this.sandboxBox = h("p", { id: "loop-sandbox", role: "status" });
    this.bannerBox = h("div", { id: "loop-banner", role: "alert" });
    this.workersBox = h("ul", { class: "list", id: "workers-list" });
    main.append(
      this.bannerBox,
      h("section", { class: "card", "aria-labelledby": "runs-title" },
        h("div", { class: "card__head" }, h("h2", { id: "runs-title", tabindex: "-1" }, "Runs"),
          h("button", { class: "btn btn--small", type: "button", onclick: () => this.refresh() }, "Refresh")),
        this.sandboxBox,
        this.runsBox),
      h("section", { class: "card", "aria-labelledby": "queue-title" }, h("h2", { id: "queue-title" }, "Queue"), this.queueBox),
      h("section", { class: "card", "aria-labelledby": "failed-title" }, h("h2", { id: "failed-title" }, "Failed"), this.failedBox),
      h("section", { class: "card", "aria-labelledby": "workers-title" }, h("h2", { id: "workers-title" }, "Workers and agents"), this.workersBox));
    this.offRuns = this.runBook.onChange(() => this.renderRuns());
    this.refresh();
    this.poll = setInterval(() => { if (!document.hidden) this.refresh(); }, POLL_MS);
  }

  unmount() {
    clearInterval(this.poll);
    if (this.offRuns) this.offRuns();
    this.main = null;
  }

  onEvent(event) {
    if (this.main && ["ticket_queued", "loop_started", "loop_completed", "run_finished"].includes(event.type)) {
      clearTimeout(this.soon);
      this.soon = setTimeout(() => this.refresh(), 300);
    }
  }

  async refresh() {
    const [queue, failed, runs] = await Promise.all([
      this.read("/api/loop/queue", ["queue", "items", "entries"]),
      this.read("/api/loop/failed", ["failed", "items", "entries"]),
      this.read("/api/loop/runs", ["runs", "items"]),
    ]);
    const status = await this.api.get("/api/loop/status", { timeoutMs: 8000 }).catch(() => null);
    if (!this.main) return;
    this.renderStatus(status);
    this.renderSandbox(await this.api.health().catch(() => null));
    this.renderQueue(queue);
    this.renderFailed(failed);
    this.serverRuns = runs.ok ? runs.items : null;
    this.renderRuns();
  }

  async read(path, keys) {
    try {
      return { ok: true, items: listFrom(await this.api.get(path, { timeoutMs: 8000 }), keys) };
    } catch (err) {
      return { ok: false, items: [], status: err.status, message: err.message };
    }
  }

  /** Where agent turns and CI run; loud when nothing isolates them (sandbox.backend: none). */
  renderSandbox(health) {
    const sandbox = health && health.sandbox;
    if (!this.sandboxBox || !sandbox) return;
    this.sandboxBox.className = sandbox.isolated ? "muted" : "notice notice--error";
    this.sandboxBox.textContent = sandbox.isolated
      ? `Agent turns and CI checks run in the ${sandbox.description}.`
      : `No sandbox: agent turns and CI checks run on the host with the worker's rights, files and network`
        + ` (${sandbox.backend === "none" ? "sandbox.backend: none" : sandbox.description}).`;
  }

  /** The banner (queued tickets nothing can take, with the fix) and the workers with the projects' agents. */
  renderStatus(status) {
    clear(this.bannerBox);
    clear(this.workersBox);
    if (!status) return;
    for (const w of status.waiting || []) {
      const n = w.tickets.length;
      this.bannerBox.append(h("p", { class: "notice notice--warn loop-banner" },
        h("strong", {}, `${n} queued ticket${n === 1 ? "" : "s"} cannot be taken`),
        ` (${w.tickets.slice(0, 5).join(", ")}${n > 5 ? ", …" : ""}): ${w.reason}. Fix: `, h("code", {}, w.fix)));
    }
    const agents = new Map((status.projects || []).map((p) => [p.key, p]));
    if (!(status.workers || []).length) this.workersBox.append(h("li", { class: "empty" }, "No loop worker is running."));
    for (const w of status.workers || []) {
      const projects = w.projects.includes("*") ? ["every project"] : w.projects;
      this.workersBox.append(h("li", { class: "row" },
        h("span", { class: "row__title" }, `${w.id}`),
        h("span", { class: w.ticket ? "chip chip--ok" : "chip" }, w.ticket ? `working on ${w.ticket}` : "idle"),
        h("span", { class: "muted" }, projects.length ? projects.map((k) => {
          const p = agents.get(k);
          return p ? `${k} (agent ${p.agent})` : k;
        }).join(", ") : "no project has a repository")));
    }
  }

  renderQueue(result) {
    clear(this.queueBox);
    if (!result.ok && result.status !== 404) this.queueBox.append(h("li", { class: "notice notice--error" }, result.message));
    else if (!result.items.length) this.queueBox.append(h("li", { class: "empty" }, "The queue is empty."));
    for (const item of result.items) {
      this.queueBox.append(h("li", { class: "row" },
        ticketLink(item.key || field(item, "ticket_key")), h("span", { class: "row__title" }, item.summary || ""),
        item.status ? h("span", { class: "chip" }, item.status) : null,
        item.last_error ? h("span", { class: "row__error" }, item.last_error) : null));
    }
  }

  renderFailed(result) {
    clear(this.failedBox);
    if (!result.ok && result.status !== 404) this.failedBox.append(h("li", { class: "notice notice--error" }, result.message));
    else if (!result.items.length) this.failedBox.append(h("li", { class: "empty" }, "Nothing has failed."));
    for (const item of result.items) {
      const key = item.key || field(item, "ticket_key");
      const retries = field(item, "retry_count");
      this.failedBox.append(h("li", { class: "row" },
        ticketLink(key), h("span", { class: "row__title" }, item.summary || ""),
        retries !== undefined ? h("span", { class: "chip chip--bad" }, `${retries} ${retries === 1 ? "retry" : "retries"}`) : null,
        item.last_error ? h("span", { class: "row__error" }, item.last_error) : null,
        h("button", { class: "btn btn--small", type: "button", "aria-label": `Retry ${key}`, onclick: () => this.retry(key) }, "Retry")));
    }
  }

  async retry(key) {
    try {
      const body = await this.api.post(`/api/loop/retry/${encodeURIComponent(key)}`, {});
      if (body && body.status === "not_found") this.toasts.error(`${key} is not in the failed list any more.`);
      else this.toasts.success(`${key} is queued again.`);
    } catch (err) {
      this.toasts.error(`Retry of ${key} failed: ${err.message}`);
    }
    this.refresh();
  }

  renderRuns() {
    if (!this.main) return;
    const merged = new Map();
    for (const r of this.runBook.all()) merged.set(r.id || r.ticketKey, { ...r });
    for (const s of this.serverRuns || []) {
      const run = normaliseRun(s);
      const id = run.id || run.ticketKey;
      merged.set(id, { ...(merged.get(id) || {}), ...dropEmpty(run) });
    }
    // keep focus if the person is typing an instruction
    const active = document.activeElement;
    if (active && this.runsBox.contains(active) && active.tagName === "INPUT") return;
    clear(this.runsBox);
    if (!merged.size) {
      this.runsBox.append(h("p", { class: "empty", id: "no-runs" }, "No runs yet. Approved tickets show up here when a worker picks them up."));
      return;
    }
    for (const run of merged.values()) this.runsBox.append(this.runCard(run));
  }

  runCard(run) {
    const id = run.id || run.ticketKey;
    const actions = new Set(allowedActions(run));
    const gates = Object.entries(run.gates || {});
    const links = runLinks(run);
    const instruct = h("input", { class: "input", type: "text", placeholder: "Instruction for the agent", "aria-label": `Instruction for ${run.ticketKey || id}` });
    const form = h("form", { class: "actions actions--start", novalidate: true, "data-actions": [...actions].join(" ") },
      actions.has("instruct") ? instruct : null,
      actions.has("instruct") ? h("button", { class: "btn btn--small", type: "submit" }, "Send instruction") : null,
      actions.has("checkpoint") ? h("button", { class: "btn btn--small", type: "button", "data-action": "checkpoint", onclick: () => this.control(id, "checkpoint") }, "Push progress now") : null,
      actions.has("abort") ? h("button", { class: "btn btn--small btn--danger", type: "button", "data-action": "abort", onclick: () => this.control(id, "abort") }, "Abort") : null);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const message = instruct.value.trim();
      if (!message) { instruct.focus(); return; }
      this.control(id, "instruct", { message }).then((ok) => { if (ok) instruct.value = ""; });
    });
    return h("article", { class: "row run", "data-run": id, "aria-label": `Run for ${run.ticketKey || id}` },
      h("div", { class: "card__head" },
        ticketLink(run.ticketKey || id),
        h("span", { class: `chip ${stateChip(run.state)}` }, run.state || "?"),
        run.failure ? h("span", { class: "chip chip--bad", "data-failure": run.failure, title: run.reason || "" }, failureText(run)) : null,
        h("span", { class: "chip" }, `${run.iterations || 0} iterations`),
        run.costUsd !== null && run.costUsd !== undefined && Number.isFinite(run.costUsd) ? h("span", { class: "chip" }, `$${run.costUsd.toFixed(2)}`) : null,
        run.mergeCommit ? h("span", { class: "chip chip--ok" }, `merged ${run.mergeCommit.slice(0, 10)}`) : null),
      links.length ? h("div", { class: "run__links", "aria-label": "Branch, pull request and diff" }, links) : null,
      gates.length ? h("div", { class: "gates", "aria-label": "Gates" }, gates.map(([name, g]) =>
        h("span", { class: `chip ${g.passed ? "chip--ok" : "chip--bad"}`, title: g.detail || "" }, `${g.passed ? "✓" : "✗"} ${name}`))) : null,
      run.log && run.log.length ? h("pre", { "aria-label": "Log tail" }, run.log.slice(-12).join("\n")) : null,
      actions.size ? form : null);
  }

  async control(id, action, body = {}) {
    try {
      await this.api.post(`/api/loop/runs/${encodeURIComponent(id)}/${action}`, body);
      this.toasts.success(action === "abort" ? `Abort sent to ${id}.` : action === "checkpoint"
        ? `${id} pushes its progress before its next turn.` : `Instruction sent to ${id}.`);
      return true;
    } catch (err) {
      this.toasts.error(err.status === 404 || err.status === 405
        ? `This server does not offer "${action}" for runs yet.` : `${action} failed: ${err.message}`);
      return false;
    }
  }
}

function normaliseRun(s) {
  let gates = {};
  if (Array.isArray(s.gates)) for (const g of s.gates) gates[g.gate || g.name] = { passed: Boolean(g.passed), detail: g.detail || "" };
  else if (s.gates && typeof s.gates === "object") gates = s.gates;
  const tail = field(s, "log_tail");
  const cost = field(s, "cost_usd") ?? field(s, "total_usd");
  return {
    id: String(field(s, "run_id") || s.id || ""),
    ticketKey: String(field(s, "ticket_key") || s.key || ""),
    state: String(s.state || s.stage || "").toUpperCase(),
    iterations: Number(s.iterations ?? s.iteration ?? 0),
    gates,
    costUsd: cost === undefined || cost === null ? null : Number(cost),
    log: Array.isArray(tail) ? tail.map(String) : typeof tail === "string" ? tail.split("\n") : [],
    prUrl: field(s, "repository") && field(s, "pull_request")
      ? `#/repos/${encodeURIComponent(field(s, "repository"))}/pulls/${field(s, "pull_request")}` : field(s, "pr_url") || "",
    branch: String(s.branch || ""),
    repository: String(field(s, "repository") || ""),
    pullRequest: field(s, "pull_request") ?? null,
    actions: Array.isArray(s.actions) ? s.actions.map(String) : null,
    mergeCommit: String(field(s, "merge_commit") || ""),
    failure: String(s.failure || ""),
    failureLabel: String(field(s, "failure_label") || ""),
    reason: String(s.reason || ""),
  };
}

// "AGENT_UNAVAILABLE" -> "agent unavailable" when the server sent no label (a live run_finished event)
function failureText(run) {
  return run.failureLabel || String(run.failure).toLowerCase().replaceAll("_", " ");
}

function dropEmpty(run) {
  const out = {};
  for (const [k, v] of Object.entries(run)) {
    if (v === "" || v === null || (Array.isArray(v) && !v.length) || (typeof v === "object" && v && !Array.isArray(v) && !Object.keys(v).length)) continue;
    out[k] = v;
  }
  return out;
}

/**
 * What a person may send to the run: the server's list when it sent one (its state decides), else the same rule
 * from the state a live event gave: only while the agent works.
 */
export function allowedActions(run) {
  if (Array.isArray(run.actions)) return run.actions;
  return SIGNALLED.has(String(run.state || "").toUpperCase()) ? ["abort", "instruct", "checkpoint"] : [];
}

/**
 * Branch, pull request and diff as links: on the built-in forge the pull request page (its diff section for the
 * diff, its head for the branch); on GitHub its own pages. A branch without a pull request yet is shown by name.
 */
export function runLinks(run) {
  const out = [];
  const github = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(run.prUrl || "");
  const local = run.repository && run.pullRequest !== null && run.pullRequest !== undefined
    ? `#/repos/${encodeURIComponent(run.repository)}/pulls/${run.pullRequest}` : (run.prUrl || "").startsWith("#/") ? run.prUrl : "";
  if (run.branch) {
    const href = github ? `https://github.com/${github[1]}/tree/${encodeURIComponent(run.branch)}` : local ? `${local}/branch` : "";
    out.push(href ? h("a", { class: "chip run__branch", href, title: "task branch" }, h("code", {}, run.branch))
      : h("code", { class: "chip run__branch", title: "task branch (no pull request yet)" }, run.branch));
  }
  const pr = github ? run.prUrl : local || run.prUrl;
  if (pr) {
    out.push(h("a", { class: "run__pr", href: pr }, run.pullRequest ? `pull request #${run.pullRequest}` : "pull request"));
    out.push(h("a", { class: "run__diff", href: github ? `${run.prUrl.replace(/\/$/, "")}/files` : `${pr}/diff` }, "diff"));
  }
  return out;
}

function ticketLink(key) {
  return key ? h("a", { class: "row__key", href: `#/tickets/${encodeURIComponent(key)}` }, key) : h("span", { class: "row__key" }, "?");
}

function stateChip(state) {
  const s = String(state || "").toUpperCase();
  if (s === "MERGED") return "chip--ok";
  if (["FAILED", "BLOCKED", "ABORTED"].includes(s)) return "chip--bad";
  return "chip--info";
}
