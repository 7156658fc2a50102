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

  show(type, message) {
    const kind = ICONS[type] ? type : "info";
    const close = h("button", { class: "toast__close", type: "button", "aria-label": "Dismiss notification" }, "×");
    const toast = h("div", { class: `toast toast--${kind}`, role: kind === "error" ? "alert" : "status", "data-type": kind },
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

  success(message) {
    return this.show("success", message);
  }

  error(message) {
    return this.show("error", message);
  }

  info(message) {
    return this.show("info", message);
  }
}
