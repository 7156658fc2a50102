// The person's check of words the speech engine is unsure of: the transcript in an editable box, confirmed as it
// is or corrected, before anything is extracted from it (POST /api/pipeline/confirm).

import { h } from "./dom.js";

/**
 * The card for one check. {check: {text, confidence, engine, expiresAt}, audioUrl (the recording, to listen
 * again, or null), onConfirm(correctedTextOrNull), onDiscard()}.
 */
export function transcriptCheckCard({ check, audioUrl, onConfirm, onDiscard }) {
  const sure = check.confidence === null ? null : Math.round(check.confidence * 100);
  const words = h("textarea", {
    class: "textarea", id: "heard-text", rows: 3, value: check.text, spellcheck: "true",
    "aria-describedby": "heard-hint",
  });
  const submit = h("button", { class: "btn btn--primary", type: "submit", id: "confirm-transcript" }, "Yes, that is right");
  const changed = () => words.value.trim() !== check.text.trim();
  words.addEventListener("input", () => {
    submit.textContent = changed() ? "Use my words" : "Yes, that is right";
    words.removeAttribute("aria-invalid");
  });
  const form = h("form", { class: "run", novalidate: true },
    h("div", { class: "field low-confidence" },
      h("label", { for: "heard-text" }, "What I heard (edit it if it is wrong)"), words,
      h("span", { class: "field__hint", id: "heard-hint" }, "Nothing is extracted until you confirm. Enter confirms, Shift+Enter adds a line.")),
    h("div", { class: "actions" },
      h("button", { class: "btn btn--danger", type: "button", id: "discard-transcript", onclick: onDiscard }, "Discard"),
      submit));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!words.value.trim()) {
      words.setAttribute("aria-invalid", "true");
      words.focus();
      return;
    }
    onConfirm(changed() ? words.value.trim() : null);
  });
  words.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const expires = check.expiresAt && Number.isFinite(Date.parse(check.expiresAt)) ? new Date(Date.parse(check.expiresAt)) : null;
  return h("section", { class: "card", id: "transcript-check", "aria-labelledby": "check-title", "data-session": check.sessionId },
    h("div", { class: "card__head" },
      h("h2", { id: "check-title", tabindex: "-1" }, "Did I hear that right?"),
      sure === null ? null : h("span", { class: "chip chip--warn", id: "heard-confidence" }, `speech engine ${sure}% sure`)),
    h("p", { class: "muted" }, `The speech engine${check.engine ? ` (${check.engine})` : ""} is not sure of these words. `
      + "Check them, correct anything it got wrong, then confirm."),
    audioUrl ? h("audio", { controls: true, src: audioUrl, preload: "metadata", "aria-label": "Listen to your recording again" }) : null,
    expires ? h("p", { class: "field__hint" }, `This request waits until ${expires.toLocaleTimeString()}.`) : null,
    form);
}
