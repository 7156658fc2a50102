// The read-back card: the draft as editable fields, low-confidence fields marked, flags and gaps listed, and
// approve or discard.

import { h } from "../dom.js";
import { confidenceEntries, ISSUE_TYPES, PRIORITIES } from "../pipeline.js";

/** @param on {approve(), discard()} @returns {card, form} */
export function previewView(p, projects, on) {
  const d = p.draft;
  const conf = confidenceEntries(p.confidence);
  const low = new Set(conf.filter((c) => c.value < 0.6).map((c) => normaliseField(c.name)));
  const fieldBox = (name, labelText, control, hint) => {
    const errorId = `err-${name}`;
    control.id = `f-${name}`;
    control.name = name;
    control.dataset.field = name;
    control.setAttribute("aria-describedby", [hint ? `hint-${name}` : "", errorId].filter(Boolean).join(" "));
    return h("div", { class: `field${low.has(name) ? " low-confidence" : ""}` },
      h("label", { for: control.id }, labelText, low.has(name) ? h("span", { class: "chip chip--warn", style: "margin-left:8px" }, "check this") : null),
      control,
      hint ? h("span", { class: "field__hint", id: `hint-${name}` }, hint) : null,
      h("span", { class: "field__error", id: errorId, "aria-live": "polite" }));
  };
  const select = (options, value) => {
    const list = value && !options.includes(value) ? [value, ...options] : options;
    return h("select", { class: "select" },
      value ? null : h("option", { value: "" }, "Choose…"),
      list.map((o) => h("option", { value: o, selected: o === value }, o)));
  };
  const form = h("form", { class: "run", id: "preview-form", novalidate: true },
    fieldBox("summary", "Summary", h("input", { class: "input", type: "text", value: d.summary, maxlength: 255, required: true })),
    h("div", { class: "grid2" },
      fieldBox("issue_type", "Type", select(ISSUE_TYPES, d.issueType)),
      fieldBox("priority", "Priority", select(PRIORITIES, d.priority)),
      fieldBox("project", "Project", h("input", { class: "input", type: "text", value: d.project, autocomplete: "off", list: "project-options" }))),
    fieldBox("description", "Description", h("textarea", { class: "textarea", rows: 4, value: d.description })),
    fieldBox("acceptance_criteria", "Acceptance criteria", h("textarea", { class: "textarea", rows: 4, value: d.acceptanceCriteria.join("\n") }), "One testable criterion per line."),
    fieldBox("labels", "Labels", h("input", { class: "input", type: "text", value: d.labels.join(", ") }), "Comma-separated."),
    h("datalist", { id: "project-options" }, projects.map((key) => h("option", { value: key }))),
    h("div", { class: "actions" },
      h("button", { class: "btn btn--danger", type: "button", id: "discard-preview", onclick: () => on.discard() }, "Discard"),
      h("button", { class: "btn btn--success", type: "submit", id: "approve" }, "Approve and file")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    on.approve();
  });
  const card = h("section", { class: "card", id: "preview", "aria-labelledby": "preview-title" },
    h("div", { class: "card__head" },
      h("h2", { id: "preview-title", tabindex: "-1" }, "Check the ticket before it is filed"),
      p.ambiguity !== null ? h("span", { class: "chip" }, `ambiguity ${p.ambiguity.toFixed(2)}`) : null),
    p.lastError ? h("p", { class: "notice notice--error", id: "preview-error" }, `Filing failed last time: ${p.lastError}. Check the fields and approve again.`) : null,
    p.transcribedText ? h("p", { class: "muted" }, "You said: ", h("q", { id: "transcript" }, p.transcribedText)) : null,
    p.expiresAt && Number.isFinite(Date.parse(p.expiresAt)) ? h("p", { class: "field__hint" }, `This draft waits until ${new Date(Date.parse(p.expiresAt)).toLocaleTimeString()}.`) : null,
    conf.length ? h("div", { class: "chips", id: "confidence", "aria-label": "Confidence" },
      conf.map((c) => h("span", { class: `chip ${c.value >= 0.8 ? "chip--ok" : c.value >= 0.6 ? "" : "chip--warn"}` }, `${c.name} ${Math.round(c.value * 100)}%`))) : null,
    p.duplicates.length ? duplicatesNotice(p.duplicates, form) : null,
    p.flags.length || p.gaps.length ? h("div", { class: "notice notice--warn", id: "flags" },
      h("strong", {}, "Worth a look: "),
      h("ul", {}, [...p.flags, ...p.gaps.map((g) => `missing: ${g}`)].map((f) => h("li", {}, f)))) : null,
    form);
  return { card, form };
}

/**
 * The open tickets this draft seems to repeat: each opens in the ticket view; "Mention" adds a line naming it to
 * the description (the new ticket then points at the old one); approve files anyway, discard drops the draft.
 */
function duplicatesNotice(duplicates, form) {
  const mention = (d) => {
    const box = form.description;
    const line = `Possibly the same as ${d.key}: ${d.summary}`;
    if (!box.value.includes(line)) box.value = box.value.trim() ? `${box.value.trim()}\n\n${line}` : line;
    box.focus();
  };
  return h("div", { class: "notice notice--warn", id: "duplicates", role: "status" },
    h("strong", {}, duplicates.length === 1 ? "This may already be filed: " : "These may already be filed: "),
    h("ul", {}, duplicates.map((d) => h("li", { class: "duplicate", "data-key": d.key },
      h("a", { href: `/tickets/${encodeURIComponent(d.key)}`, target: "_blank", rel: "noopener" }, d.key),
      ` ${d.summary}`,
      d.similarity !== null ? h("span", { class: "chip", style: "margin-left:8px" }, `${Math.round(d.similarity * 100)}% alike`) : null,
      h("button", { class: "btn btn--small", type: "button", style: "margin-left:8px", onclick: () => mention(d) }, "Mention in description")))),
    h("p", { class: "field__hint" }, "Approve to file yours anyway, or discard it if it is the same request."));
}

/** What the person edited in the read-back. */
export function editedDraft(form) {
  return {
    summary: form.summary.value,
    description: form.description.value,
    acceptanceCriteria: form.acceptance_criteria.value.split("\n"),
    issueType: form.issue_type.value,
    priority: form.priority.value,
    project: form.project.value,
    labels: form.labels.value.split(","),
  };
}

/**
 * Shows {@code message} under the field the server (or our own check) named, focuses it, and clears the mark
 * at the next edit; a field the form does not have is reported by {@code elsewhere}.
 */
export function showFieldError(form, name, message, elsewhere) {
  const control = form.querySelector(`[data-field="${CSS.escape(normaliseField(name))}"]`);
  if (!control) {
    elsewhere(message);
    return;
  }
  control.setAttribute("aria-invalid", "true");
  const box = form.querySelector(`#err-${CSS.escape(control.dataset.field)}`);
  if (box) box.textContent = message;
  control.addEventListener("input", () => {
    control.removeAttribute("aria-invalid");
    if (box) box.textContent = "";
  }, { once: true });
  control.focus();
}

/** The form's name for a field as the server or the confidence map names it ("issueType", "overrides.type"). */
export function normaliseField(name) {
  const n = String(name).replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase().replace(/^overrides\./, "");
  if (n === "type") return "issue_type";
  if (n === "acceptance" || n === "criteria") return "acceptance_criteria";
  if (n === "project_key") return "project";
  return n;
}
