// The processing card: the steps of the request in flight, each waiting, in progress, done or failed.

import { clear, h } from "../dom.js";

const STATE_TEXT = { todo: "waiting", active: "in progress", done: "done", error: "failed" };

export class StepsView {
  build(steps) {
    this.list = h("ol", { class: "steps", id: "steps" });
    this.update(steps);
    return h("section", { class: "card", "aria-labelledby": "steps-title" },
      h("div", { class: "card__head" }, h("h2", { id: "steps-title", tabindex: "-1" }, "Working on it"), h("span", { class: "spinner", "aria-hidden": "true" })),
      this.list);
  }

  /** Redraws the steps in place, so focus and the card stay where they are. */
  update(steps) {
    if (!this.list) return;
    clear(this.list);
    for (const step of steps) {
      const icon = step.state === "done" ? "✓" : step.state === "error" ? "!" : "";
      this.list.append(h("li", { class: "step", "data-state": step.state, "data-step": step.key },
        h("span", { class: "step__icon", "aria-hidden": "true" }, icon),
        h("span", {}, step.label, h("span", { class: "visually-hidden" }, ` (${STATE_TEXT[step.state]})`),
          step.message ? h("span", { class: "step__msg" }, h("br"), step.message) : null)));
    }
  }
}
