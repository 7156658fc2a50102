// The two ends of a request: the filed ticket with its link, or what went wrong and what to do next.

import { h } from "../dom.js";
import { absoluteUrl } from "../pipeline.js";

/** @param on {another()} */
export function successView(t, baseUrl, on) {
  const url = absoluteUrl(t.url, baseUrl) || `#/tickets/${encodeURIComponent(t.key)}`;
  return h("section", { class: "card", id: "success", "aria-labelledby": "success-title" },
    h("div", { class: "card__head card__head--start" }, h("div", { class: "success__icon", "aria-hidden": "true" }, "✓"),
      h("h2", { id: "success-title", tabindex: "-1" }, "Ticket created")),
    h("a", { class: "success__link", id: "ticket-link", href: url, target: "_blank", rel: "noopener" },
      `${t.key}${t.summary ? ` — ${t.summary}` : ""}`),
    t.notes && t.notes.length ? h("div", { class: "notice notice--warn", id: "ticket-notes" },
      h("strong", {}, "Filed differently from the read-back: "),
      h("ul", {}, t.notes.map((n) => h("li", {}, n)))) : null,
    t.queued === false
      ? h("p", { class: "muted" }, "Not queued for the loop (auto-dispatch is off, or it is queued already).")
      : h("p", { class: "muted", id: "queued-note" }, t.queued ? "Queued for the loop: follow it on the " : "Follow it on the ",
        h("a", { href: "#/loop" }, "Loop"), " page."),
    h("div", { class: "actions actions--start" },
      h("button", { class: "btn btn--primary", type: "button", id: "record-another", onclick: () => on.another() }, "Record another")));
}

/**
 * @param e       {message, kind, status, retry}
 * @param kept    true when a recording is still held (offered again once speech is back)
 * @param on      {settings(), typeInstead(), startOver()}
 */
export function errorView(e, kept, on) {
  const needsSettings = ["network", "auth", "mic-device", "timeout"].includes(e.kind);
  const speechDown = e.status === 503 && kept;
  return h("section", { class: "card", id: "error", "aria-labelledby": "error-title" },
    h("h2", { id: "error-title", tabindex: "-1" }, titleFor(e)),
    h("p", { class: "notice notice--error", id: "error-message" }, e.message),
    speechDown ? h("p", { class: "muted" }, "Your recording is kept: try again later, or type the request below.") : null,
    h("div", { class: "actions actions--start" },
      e.retry ? h("button", { class: "btn btn--primary", type: "button", id: "retry", onclick: () => e.retry() }, "Try again") : null,
      needsSettings ? h("button", { class: "btn", type: "button", id: "error-settings", onclick: () => on.settings() }, "Open settings") : null,
      h("button", { class: "btn", type: "button", id: "type-instead", onclick: () => on.typeInstead() }, "Type instead"),
      h("button", { class: "btn btn--ghost", type: "button", id: "start-over", onclick: () => on.startOver() }, "Start over")));
}

function titleFor(error) {
  if (error.kind === "network") return "The server cannot be reached";
  if (error.kind === "auth") return "The API token was rejected";
  if (error.kind && error.kind.startsWith("mic-")) return "The microphone is not available";
  if (error.status === 503) return "The server cannot do this right now";
  return "That did not work";
}
