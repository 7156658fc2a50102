// Pull request page (#/repos/{name}/pulls/{n}): state and merge state, the traceability table of the description,
// checks with their logs (followed while a check runs), the reviews with their findings, the diff file by file with
// the findings on the current head shown under their lines, and the timeline; a person can merge or close it.
// Everything shown comes from the built-in forge's API and is inserted as text.

import { clear, h } from "./dom.js";

const POLL_MS = 3000;

export class PullPage {
  constructor({ api, toasts }) {
    Object.assign(this, { api, toasts });
  }

  /** @param section "diff" or "branch" to bring that part into view once loaded (links from a run card) */
  mount(main, repo, number, section = "") {
    this.main = main;
    this.repo = repo;
    this.number = number;
    this.section = section;
    this.openCheck = null;
    this.signature = null;
    this.body = h("div", { class: "slot", "aria-live": "polite", "aria-busy": "true" }, h("p", { class: "faint" }, "Loading…"));
    main.append(this.body);
    this.load();
    this.poll = setInterval(() => { if (!document.hidden && this.live) this.load(); }, POLL_MS);
  }

  unmount() {
    clearInterval(this.poll);
    clearInterval(this.logPoll);
    this.main = null;
  }

  onEvent(event) {
    if (this.main && ["checks_finished", "merged", "pull_request_opened", "loop_stage_changed"].includes(event.type)) {
      clearTimeout(this.soon);
      this.soon = setTimeout(() => this.load(), 300);
    }
  }

  path(rest = "") {
    return `/api/repos/${encodeURIComponent(this.repo)}${rest}`;
  }

  async load() {
    let d;
    try {
      d = await this.api.get(this.path(`/pulls/${this.number}`), { timeoutMs: 10000 });
    } catch (err) {
      if (!this.main) return;
      clear(this.body).append(h("p", { class: "notice notice--error" },
        err.status === 404 ? `Pull request #${this.number} does not exist in ${this.repo}.` : `Cannot load the pull request: ${err.message}`));
      this.body.setAttribute("aria-busy", "false");
      return;
    }
    if (!this.main) return;
    // re-render only when something changed, so a person's click or focus is not lost to a refresh
    const signature = JSON.stringify(d);
    if (signature === this.signature) return;
    this.signature = signature;
    const pr = d.pull_request;
    const checks = d.checks || [];
    this.live = pr.state === "OPEN";
    const active = document.activeElement;
    const keepFocus = active && this.body.contains(active) ? active.id : null;
    clear(this.body).append(
      this.header(pr),
      this.checksCard(checks),
      this.reviewsCard(d.reviews || [], pr.head_sha),
      this.filesCard(d.files || [], inlineFindings(d.reviews || [], pr.head_sha)),
      this.timelineCard(d.timeline || [], d.reviews || [], d.comments || []));
    this.body.setAttribute("aria-busy", "false");
    if (keepFocus && document.getElementById(keepFocus)) document.getElementById(keepFocus).focus();
    if (this.openCheck && checks.some((c) => c.id === this.openCheck)) this.showLog(this.openCheck, false);
    const target = { diff: "files-title", branch: "pr-branch" }[this.section];
    if (target && document.getElementById(target)) {
      document.getElementById(target).scrollIntoView({ block: "start" });
      this.section = "";
    }
  }

  header(pr) {
    const actions = pr.state === "OPEN" ? h("div", { class: "actions actions--start" },
      h("button", { class: "btn btn--small", id: "pr-merge", type: "button", onclick: () => this.merge(pr) }, "Squash and merge"),
      h("button", { class: "btn btn--small btn--danger", id: "pr-close", type: "button", onclick: () => this.close() }, "Close")) : null;
    return h("section", { class: "card", "aria-labelledby": "pr-title" },
      h("div", { class: "card__head" },
        h("h2", { id: "pr-title", tabindex: "-1" }, `#${pr.number} ${pr.title}`),
        h("span", { class: `chip ${stateChip(pr.state)}`, id: "pr-state" }, pr.state),
        pr.state === "OPEN" ? h("span", { class: `chip ${mergeChip(pr.mergeable)}`, id: "pr-mergeable", title: "Merge state" }, words(pr.mergeable)) : null),
      h("p", { class: "faint", id: "pr-branch" }, h("code", {}, pr.head), " → ", h("code", {}, pr.base),
        pr.head_sha ? ` at ${pr.head_sha.slice(0, 10)}` : "",
        pr.merge_commit ? h("span", { id: "pr-merge-commit" }, " · merged as ", h("code", {}, pr.merge_commit.slice(0, 10))) : null),
      ...describe(pr.body || ""),
      actions);
  }

  checksCard(checks) {
    this.logBox = h("pre", { class: "check-log", id: "check-log", "aria-label": "Check log", hidden: true });
    const list = h("ul", { class: "list", id: "checks" });
    if (!checks.length) list.append(h("li", { class: "empty" }, "No checks have reported yet."));
    for (const c of checks) {
      const verdict = c.status === "COMPLETED" ? c.conclusion : c.status;
      list.append(h("li", { class: "row", "data-check": c.name },
        h("span", { class: `chip ${checkChip(c)}` }, words(verdict)),
        h("span", { class: "row__key" }, c.name),
        h("span", { class: "row__title" }, c.summary || ""),
        c.failing_tests && c.failing_tests.length ? h("span", { class: "chip chip--bad", title: c.failing_tests.join("\n") }, `${c.failing_tests.length} failing`) : null,
        h("span", { class: "faint" }, duration(c)),
        h("button", { class: "btn btn--small", type: "button", "aria-controls": "check-log", onclick: () => this.showLog(c.id, true) }, "Log"),
        c.status === "COMPLETED" && c.name !== "pr-validation"
          ? h("button", { class: "btn btn--small", type: "button", onclick: () => this.rerun(c) }, "Re-run") : null));
    }
    return h("section", { class: "card", "aria-labelledby": "checks-title" },
      h("h2", { id: "checks-title" }, "Checks"), list, this.logBox);
  }

  async showLog(id, focus) {
    this.openCheck = id;
    clearInterval(this.logPoll);
    const fetchLog = async () => {
      try {
        const d = await this.api.get(this.path(`/checks/${encodeURIComponent(id)}`), { timeoutMs: 8000 });
        if (!this.logBox) return;
        this.logBox.hidden = false;
        this.logBox.textContent = `${d.check ? d.check.name : "check"}\n\n${d.log || "(no output yet)"}`;
        this.logBox.scrollTop = this.logBox.scrollHeight;
        if (d.check && d.check.status === "COMPLETED") clearInterval(this.logPoll);
      } catch (err) {
        this.toasts.error(`Cannot load the log: ${err.message}`);
        clearInterval(this.logPoll);
      }
    };
    await fetchLog();
    this.logPoll = setInterval(fetchLog, 1500);
    if (focus && this.logBox) this.logBox.scrollIntoView({ block: "nearest" });
  }

  reviewsCard(reviews, head) {
    const list = h("ol", { class: "reviews", id: "reviews" });
    if (!reviews.length) list.append(h("li", { class: "empty" }, "No reviews yet."));
    for (const r of reviews) {
      const current = r.commit_sha === head;
      const findings = h("ul", { class: "findings" });
      for (const c of r.comments || []) {
        findings.append(h("li", { class: `finding ${findingClass(c.body)}` }, h("code", {}, `${c.path}:${c.line}`), " ", c.body));
      }
      list.append(h("li", { class: "review", "data-state": r.state },
        h("span", { class: `chip ${reviewChip(r.state)}` }, words(r.state)), " ",
        h("strong", {}, r.author || ""), " ",
        h("span", { class: "faint" }, r.commit_sha ? `on ${r.commit_sha.slice(0, 10)}${current ? " (current head)" : " (an earlier head)"}` : ""),
        r.body ? h("pre", { class: "review__body" }, stripMarker(r.body)) : null,
        (r.comments || []).length ? findings : null));
    }
    return h("section", { class: "card", "aria-labelledby": "reviews-title" },
      h("h2", { id: "reviews-title" }, `Reviews (${reviews.length})`), list);
  }

  filesCard(files, findings) {
    const box = h("div", { class: "diff", id: "diff" });
    if (!files.length) box.append(h("p", { class: "empty" }, "No changes."));
    for (const f of files) {
      const here = findings.get(f.path) || new Map();
      const lines = [];
      let next = 0;
      for (const l of (f.patch || "").split("\n")) {
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
        let at = null;
        if (hunk) next = Number(hunk[1]);
        else if (!l.startsWith("-") && !l.startsWith("\\")) at = next++;
        lines.push(h("span", { class: `diff__line ${lineClass(l)}` }, `${l}\n`));
        for (const c of (at !== null && here.get(at)) || []) {
          lines.push(h("span", { class: `diff__finding ${findingClass(c.body)}`, role: "note", "data-line": String(at) },
            h("strong", {}, c.author || "review"), ` line ${at}: ${c.body}\n`));
        }
      }
      box.append(h("details", { class: "diff__file", open: true },
        h("summary", {}, h("code", {}, f.previous_path ? `${f.previous_path} → ${f.path}` : f.path), " ",
          h("span", { class: "chip" }, words(f.status)), " ",
          h("span", { class: "chip chip--ok" }, `+${f.additions}`), " ", h("span", { class: "chip chip--bad" }, `−${f.deletions}`)),
        h("pre", { class: "diff__patch" }, f.patch ? lines : "(binary or too large to show)")));
    }
    return h("section", { class: "card", "aria-labelledby": "files-title" },
      h("h2", { id: "files-title" }, `Files changed (${files.length})`), box);
  }

  timelineCard(timeline, reviews, comments) {
    const items = [
      ...timeline.map((t) => ({ at: t.at, text: `${t.kind}${t.detail ? `: ${t.detail}` : ""}`, who: t.actor })),
      ...reviews.map((r) => ({ at: r.submitted_at, text: `review ${words(r.state)}${r.body ? `: ${r.body}` : ""}`, who: r.author })),
      ...comments.map((c) => ({ at: c.created_at, text: c.body, who: c.author })),
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const list = h("ol", { class: "timeline", id: "timeline" });
    for (const i of items) {
      list.append(h("li", {}, h("time", { datetime: i.at }, new Date(i.at).toLocaleString()), " ",
        h("strong", {}, i.who || ""), " ", i.text));
    }
    return h("section", { class: "card", "aria-labelledby": "timeline-title" },
      h("h2", { id: "timeline-title" }, "Timeline"), list);
  }

  async merge(pr) {
    this.signature = null;
    try {
      const r = await this.api.post(this.path(`/pulls/${this.number}/merge`), { method: "squash", expected_head: pr.head_sha });
      this.toasts.success(`Merged as ${String(r.merge_commit).slice(0, 10)}.`);
    } catch (err) {
      this.toasts.error(`Not merged: ${err.message}`);
    }
    this.load();
  }

  async close() {
    try {
      await this.api.post(this.path(`/pulls/${this.number}/close`), {});
      this.toasts.info(`Pull request #${this.number} closed.`);
    } catch (err) {
      this.toasts.error(`Not closed: ${err.message}`);
    }
    this.load();
  }

  async rerun(check) {
    try {
      await this.api.post(this.path(`/checks/${encodeURIComponent(check.id)}/rerun`), {});
      this.toasts.info(`${check.name} runs again.`);
    } catch (err) {
      this.toasts.error(`Re-run failed: ${err.message}`);
    }
    this.load();
  }
}

// The findings of reviews on the current head, by path and then new-file line.
function inlineFindings(reviews, head) {
  const out = new Map();
  for (const r of reviews) {
    if (r.commit_sha !== head) continue;
    for (const c of r.comments || []) {
      if (!out.has(c.path)) out.set(c.path, new Map());
      const byLine = out.get(c.path);
      if (!byLine.has(c.line)) byLine.set(c.line, []);
      byLine.get(c.line).push({ ...c, author: r.author });
    }
  }
  return out;
}

// The description: its "## Traceability" markdown table as a table, the rest as text.
function describe(body) {
  const at = body.indexOf("## Traceability");
  const text = (at < 0 ? body : body.slice(0, at)).trim();
  const out = [];
  if (text) out.push(h("pre", { class: "pr-body", "aria-label": "Description" }, text));
  if (at >= 0) {
    const rows = body.slice(at).split("\n").filter((l) => l.trim().startsWith("|"))
      .map((l) => l.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim().replaceAll("\\|", "|")))
      .filter((cells) => !cells.every((c) => /^-+$/.test(c)));
    if (rows.length) {
      const [head, ...data] = rows;
      out.push(h("section", { "aria-labelledby": "traceability-title" },
        h("h3", { id: "traceability-title" }, "Traceability"),
        h("table", { class: "table", id: "traceability" },
          h("thead", {}, h("tr", {}, ...head.map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, ...data.map((cells) => h("tr", { class: traceClass(cells[cells.length - 1]) },
            ...cells.map((c) => h("td", {}, c))))))));
    }
  }
  return out;
}

function traceClass(result) {
  return /^passed$/.test(result) ? "trace--ok" : "trace--bad";
}

function stripMarker(body) {
  return body.replace(/\s*<!-- voxloop-review \d+ -->\s*$/, "");
}

function findingClass(body) {
  const m = /^\[(\w+)\]/.exec(body || "");
  return m ? `finding--${m[1]}` : "";
}

function reviewChip(state) {
  return { APPROVED: "chip--ok", CHANGES_REQUESTED: "chip--bad", COMMENTED: "chip--info" }[state] || "";
}

function words(s) {
  return String(s || "").toLowerCase().replaceAll("_", " ");
}

function stateChip(state) {
  return { OPEN: "chip--info", MERGED: "chip--ok", CLOSED: "chip--bad" }[state] || "";
}

function mergeChip(m) {
  return { CLEAN: "chip--ok", UNSTABLE: "chip--warn", BEHIND: "chip--warn", BLOCKED: "chip--warn", CONFLICTING: "chip--bad" }[m] || "";
}

function checkChip(c) {
  if (c.status !== "COMPLETED") return "chip--info";
  return ["SUCCESS", "NEUTRAL", "SKIPPED"].includes(c.conclusion) ? "chip--ok" : "chip--bad";
}

function lineClass(line) {
  if (line.startsWith("@@")) return "diff__line--hunk";
  if (line.startsWith("+")) return "diff__line--add";
  if (line.startsWith("-")) return "diff__line--del";
  return "";
}

function duration(c) {
  if (!c.started_at) return "";
  const end = c.completed_at ? Date.parse(c.completed_at) : Date.now();
  const s = Math.max(0, (end - Date.parse(c.started_at)) / 1000);
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
