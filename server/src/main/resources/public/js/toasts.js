// Toasts: short notices bottom-right. Errors are role=alert (announced at once), others polite.

import { h } from "./dom.js";

const ICONS = { success: "✓", error: "!", info: "i" };

export class Toasts {
  constructor(container, { timeoutMs = 4500, errorTimeoutMs = 8000, max = 4 } = {}) {
    this.container = container;
    this.timeoutMs = timeoutMs;
    this.errorTimeoutMs = errorTimeoutMs;
    this.max = max;
  }

  /** A toast with a key replaces an earlier one with the same key (one "token rejected", not two). */
  show(type, message, { key = "" } = {}) {
    const kind = ICONS[type] ? type : "info";
    if (key) {
      for (const old of this.container.querySelectorAll(`[data-key="${CSS.escape(key)}"]`)) old.remove();
    }
    const close = h("button", { class: "toast__close", type: "button", "aria-label": "Dismiss notification" }, "×");
    const toast = h("div", { class: `toast toast--${kind}`, role: kind === "error" ? "alert" : "status", "data-type": kind, "data-key": key || null },
      h("span", { class: "toast__icon", "aria-hidden": "true" }, ICONS[kind]),
      h("span", { class: "toast__msg" }, message),
      close);
    const remove = () => toast.remove();
    close.addEventListener("click", remove);
    setTimeout(remove, kind === "error" ? this.errorTimeoutMs : this.timeoutMs);
    this.container.append(toast);
    while (this.container.children.length > this.max) this.container.firstElementChild.remove();
    return toast;
  }

  success(message, options) {
    return this.show("success", message, options);
  }

  error(message, options) {
    return this.show("error", message, options);
  }

  info(message, options) {
    return this.show("info", message, options);
  }
}
