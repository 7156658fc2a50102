// Tickets page: the built-in tracker's list and one ticket's detail, read from the public API.

import { clear, h } from "./dom.js";
import { absoluteUrl } from "./pipeline.js";

export class TicketsPage {
  constructor({ api, settings, toasts }) {
    Object.assign(this, { api, settings, toasts });
  }

  mount(main, key) {
    this.main = main;
    this.key = key || null;
    this.body = h("div", { class: "slot", "aria-live": "polite", "aria-busy": "true" }, h("p", { class: "faint" }, "Loading…"));
    main.append(this.body);
    return this.key ? this.loadDetail(this.key) : this.loadList();
  }

  unmount() {
    this.main = null;
  }

  /** A ticket was created somewhere: refresh the list if it is on screen. */
  onEvent(event) {
    if (this.main && !this.key && (event.type === "ticket_created" || event.type === "ticket_queued")) this.loadList();
  }

  async loadList() {
    let tickets;
    try {
      const body = await this.api.get("/api/tickets", { timeoutMs: 10000 });
      tickets = listFrom(body, ["tickets", "items", "issues"]);
    } catch (err) {
      return this.show(this.failure("Tickets", err));
    }
    const filter = h("input", { class: "input", type: "search", id: "ticket-filter", placeholder: "Filter by key, summary or status", "aria-label": "Filter tickets" });
    const list = h("ul", { class: "list", id: "ticket-list" });
    const count = h("span", { class: "faint", id: "ticket-count" });
    const render = () => {
      const q = filter.value.trim().toLowerCase();
      clear(list);
      const shown = tickets.filter((t) => !q || [t.key, t.summary, t.status, t.issue_type].join(" ").toLowerCase().includes(q));
      count.textContent = `${shown.length} of ${tickets.length}`;
      if (!shown.length) list.append(h("li", { class: "empty" }, tickets.length ? "No ticket matches." : "No tickets yet. File one from the Voice page."));
      for (const t of shown) {
        list.append(h("li", {}, h("a", { class: "row", href: `#/tickets/${encodeURIComponent(t.key)}` },
          h("span", { class: "row__key" }, t.key),
          h("span", { class: "row__title" }, t.summary || ""),
          t.issue_type || t.type ? h("span", { class: "chip" }, t.issue_type || t.type) : null,
          t.priority ? h("span", { class: "chip" }, t.priority) : null,
          t.status ? h("span", { class: `chip ${statusChip(t.status)}` }, t.status) : null)));
      }
    };
    filter.addEventListener("input", render);
    render();
    return this.show(h("section", { class: "card", "aria-labelledby": "tickets-title" },
      h("div", { class: "card__head" }, h("h2", { id: "tickets-title", tabindex: "-1" }, "Tickets"), count,
        h("button", { class: "btn btn--small", type: "button", onclick: () => this.loadList() }, "Refresh")),
      filter, list));
  }

  async loadDetail(key) {
    let t;
    try {
      t = await this.api.get(`/api/tickets/${encodeURIComponent(key)}`, { timeoutMs: 10000 });
    } catch (err) {
      return this.show(this.failure(`Ticket ${key}`, err));
    }
    t = (t && (t.ticket || t)) || {};
    const [loop, work] = await Promise.all([this.loopOf(t.key || key), this.latestRun(t.key || key)]);
    const criteria = Array.isArray(t.acceptance_criteria) ? t.acceptance_criteria
      : Array.isArray(t.acceptance_criteria_items) ? t.acceptance_criteria_items
        : String(t.acceptance_criteria || "").split("\n").filter(Boolean);
    const labels = Array.isArray(t.labels) ? t.labels : [];
    const comments = Array.isArray(t.comments) ? t.comments : [];
    const page = absoluteUrl(`/tickets/${encodeURIComponent(t.key || key)}`, this.settings.baseUrl);
    const external = absoluteUrl(t.url || t.ticket_url || t.browse_url || "", this.settings.baseUrl);
    const rows = [
      ["Status", t.status], ["Type", t.issue_type || t.type], ["Priority", t.priority],
      ["Project", t.project || t.project_key], ["Created", when(t.created || t.created_at)], ["Updated", when(t.updated || t.updated_at)],
    ].filter(([, v]) => v);
    return this.show(h("article", { class: "card detail", "aria-labelledby": "ticket-title", id: "ticket-detail" },
      h("p", {}, h("a", { href: "#/tickets" }, "← All tickets")),
      h("div", { class: "card__head" }, h("h2", { id: "ticket-title", tabindex: "-1" }, h("span", { class: "row__key" }, t.key || key), " ", t.summary || "")),
      rows.length ? h("dl", {}, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])) : null,
      work ? this.workRows(work) : null,
      labels.length ? h("div", { class: "chips", "aria-label": "Labels" }, labels.map((l) => h("span", { class: "chip" }, l))) : null,
      t.description ? [h("h3", {}, "Description"), h("p", { class: "prose" }, String(t.description))] : null,
      criteria.length ? [h("h3", {}, "Acceptance criteria"), h("ul", {}, criteria.map((c) => h("li", {}, String(c))))] : null,
      loopSection(loop),
      comments.length ? [h("h3", {}, `Comments (${comments.length})`), h("ul", { class: "list" }, comments.map((c) =>
        h("li", { class: "row" }, h("span", { class: "faint" }, c.author || ""), h("span", { class: "prose row__title" }, String(c.body || c.text || "")))))] : null,
      h("div", { class: "actions actions--start" },
        h("a", { class: "btn btn--small", href: "#/loop" }, "Loop board"),
        external && external !== page ? h("a", { class: "btn btn--small", href: external, target: "_blank", rel: "noopener" }, "Open in tracker") : null)));
  }

  /** The ticket's queue entry (waiting, running, failed) and its newest run, read defensively. */
  async loopOf(key) {
    const read = (path, keys) => this.api.get(path, { timeoutMs: 8000 }).then((b) => listFrom(b, keys)).catch(() => []);
    const [queued, failed, runs] = await Promise.all([
      read("/api/loop/queue", ["queue", "items"]), read("/api/loop/failed", ["failed", "items"]),
      read("/api/loop/runs", ["runs", "items"])]);
    const entry = [...queued, ...failed].find((e) => (e.key || e.ticket_key) === key) || null;
    const run = runs.find((r) => r.ticket_key === key) || null;
    return { entry, run };
  }

  /** The ticket's newest loop run, for its branch, pull request and merge commit; null when none or unknown. */
  async latestRun(key) {
    try {
      const body = await this.api.get(`/api/loop/runs?ticket=${encodeURIComponent(key)}&limit=1`, { timeoutMs: 8000 });
      return listFrom(body, ["runs"])[0] || null;
    } catch {
      return null; // older servers have no run filter: the ticket shows without its branch
    }
  }

  workRows(run) {
    const rows = [];
    if (run.branch) rows.push(["Branch", h("code", {}, run.branch)]);
    if (run.pull_request) {
      const link = run.repository ? `#/repos/${encodeURIComponent(run.repository)}/pulls/${run.pull_request}` : run.pr_url;
      rows.push(["Pull request", h("a", { href: link, id: "ticket-pr" }, `${run.repository || ""} #${run.pull_request}`)]);
    }
    if (run.merge_commit) rows.push(["Merge commit", h("code", { id: "ticket-merge-commit" }, run.merge_commit.slice(0, 12))]);
    if (run.state) rows.push(["Run", `${run.state}${run.heal_rounds ? `, ${run.heal_rounds} healing round(s)` : ""}`]);
    return rows.length ? h("dl", { "aria-label": "Work on this ticket" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])) : null;
  }

  failure(title, err) {
    const missing = err.status === 404;
    return h("section", { class: "card", "aria-labelledby": "tickets-title" },
      h("h2", { id: "tickets-title", tabindex: "-1" }, title),
      h("p", { class: `notice ${missing ? "" : "notice--error"}` }, missing ? "Not found on this server." : err.message),
      h("div", { class: "actions actions--start" }, h("a", { class: "btn btn--small", href: "#/tickets" }, "All tickets")));
  }

  show(node) {
    if (!this.main) return;
    clear(this.body);
    this.body.setAttribute("aria-busy", "false");
    this.body.append(node);
  }
}

export function listFrom(body, keys) {
  if (Array.isArray(body)) return body;
  for (const k of keys) if (body && Array.isArray(body[k])) return body[k];
  return [];
}

function statusChip(status) {
  const s = String(status).toLowerCase();
  if (/done|closed|merged|resolved/.test(s)) return "chip--ok";
  if (/progress|review/.test(s)) return "chip--info";
  if (/block|fail/.test(s)) return "chip--bad";
  return "";
}

function when(iso) {
  const ms = Date.parse(iso || "");
  return Number.isFinite(ms) ? new Date(ms).toLocaleString() : iso;
}

/** Where the ticket stands in the loop's queue, and why its run stopped (branch, pull request, merge: workRows). */
function loopSection({ entry, run }) {
  if (!entry && !run) return [h("h3", {}, "Loop"), h("p", { class: "muted", id: "ticket-loop" }, "Not queued for the loop.")];
  const rows = [];
  if (entry) {
    rows.push(["Queue", `${String(entry.status || "").toLowerCase()}${entry.attempts !== undefined ? `, ${entry.attempts} attempt(s) used` : ""}`]);
    if (entry.last_error) rows.push(["Queue note", entry.last_error]);
  }
  if (run && run.failure_label) rows.push(["Stopped", `${run.state} (${run.failure_label})`]);
  if (run && run.reason) rows.push(["Why", run.reason]);
  if (run && run.pushed_commit) rows.push(["Pushed", h("code", {}, String(run.pushed_commit).slice(0, 10))]);
  return [h("h3", {}, "Loop"), h("dl", { id: "ticket-loop" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))];
}
