// The typed-request card: built once and kept (so a half-typed request survives phase changes), shown while
// idle, done or failed.

import { h, uid } from "../dom.js";

/** @returns {card, text, send}: the card, its text area and its send button */
export function typedView({ onSend }) {
  const id = uid("typed");
  const text = h("textarea", {
    class: "textarea", id: "typed-text", rows: 3, "aria-describedby": `${id}-hint`,
    placeholder: "e.g. Add a dark mode toggle to the settings page of BookIt",
  });
  const send = h("button", { class: "btn btn--primary", type: "submit", id: "send-text" }, "Send text");
  const form = h("form", { class: "run", novalidate: true },
    h("div", { class: "field" },
      h("label", { for: "typed-text" }, "Or type your request"), text,
      h("span", { class: "field__hint", id: `${id}-hint` }, "Enter sends, Shift+Enter adds a line.")),
    h("div", { class: "actions" }, send));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    onSend(text.value);
  });
  submitOnEnter(text, form);
  const card = h("section", { class: "card card--compact", id: "typed-card", "aria-label": "Typed request" }, form);
  return { card, text, send };
}

/** Enter submits the form; Shift+Enter (or composing with an input method) adds a line. */
export function submitOnEnter(textarea, form) {
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
}
