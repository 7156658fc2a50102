// The clarifying card: the one question, its choices as buttons, and a free answer.

import { h } from "../dom.js";
import { submitOnEnter } from "./typed-view.js";

/** @param on {answer(text), discard(), invalid(message)} */
export function clarificationView(c, on) {
  const answer = h("textarea", { class: "textarea", id: "answer", rows: 2, "aria-describedby": "question", placeholder: "Type your answer… (Enter sends, Shift+Enter adds a line)" });
  const form = h("form", { class: "run", novalidate: true },
    h("div", { class: "field" }, h("label", { for: "answer" }, c.choices.length ? "Or answer in your own words" : "Your answer"), answer),
    h("div", { class: "actions" },
      h("button", { class: "btn btn--danger", type: "button", id: "discard-clarification", onclick: () => on.discard() }, "Discard"),
      h("button", { class: "btn btn--primary", type: "submit", id: "send-answer" }, "Send answer")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!answer.value.trim()) {
      answer.setAttribute("aria-invalid", "true");
      on.invalid("Type an answer or pick one of the choices.");
      answer.focus();
      return;
    }
    on.answer(answer.value);
  });
  submitOnEnter(answer, form);
  const extra = c.questions.filter((q) => q !== c.question);
  return h("section", { class: "card", id: "clarification", "aria-labelledby": "clar-title", "data-field": c.field || "" },
    h("div", { class: "card__head" },
      h("h2", { id: "clar-title", tabindex: "-1" }, "One question before the ticket"),
      h("span", { class: "chip chip--info" }, `Round ${c.round}`),
      c.ambiguity !== null ? h("span", { class: "chip" }, `ambiguity ${c.ambiguity.toFixed(2)}`) : null),
    c.partialSummary ? h("p", { class: "muted" }, "So far: ", h("q", {}, c.partialSummary)) : null,
    h("p", { class: "question", id: "question" }, c.question),
    extra.length ? h("ul", { class: "muted" }, extra.map((q) => h("li", {}, q))) : null,
    c.choices.length ? h("div", { class: "choices", role: "group", "aria-label": "Answers", id: "choices" },
      c.choices.map((choice) => h("button", { class: "btn choice", type: "button", onclick: () => on.answer(choice) }, choice))) : null,
    form);
}
