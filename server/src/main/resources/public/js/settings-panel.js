// The settings drawer: a modal dialog with focus trap; Escape, the overlay and ✕ close it.

import { h } from "./dom.js";
import { Api } from "./api.js";
import { checkServerUrl } from "./settings.js";
import { listMicrophones } from "./recorder.js";

export class SettingsPanel {
  constructor({ settings, toasts }) {
    this.settings = settings;
    this.toasts = toasts;
    this.drawer = document.getElementById("settings");
    this.overlay = document.getElementById("settings-overlay");
    this.form = document.getElementById("settings-form");
    this.server = document.getElementById("set-server");
    this.token = document.getElementById("set-token");
    this.mic = document.getElementById("set-mic");
    this.max = document.getElementById("set-max");
    this.health = document.getElementById("settings-health");
    document.getElementById("settings-close").addEventListener("click", () => this.close());
    document.getElementById("settings-test").addEventListener("click", () => this.test());
    this.overlay.addEventListener("click", () => this.close());
    this.form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.save();
    });
    this.drawer.addEventListener("keydown", (e) => this.trap(e));
  }

  get isOpen() {
    return !this.drawer.hidden;
  }

  async open(opener = document.activeElement) {
    this.opener = opener;
    this.server.value = this.settings.serverUrl;
    this.token.value = this.settings.token;
    this.max.value = String(this.settings.maxSeconds);
    this.server.removeAttribute("aria-invalid");
    this.health.textContent = "";
    this.overlay.hidden = false;
    this.drawer.hidden = false;
    document.getElementById("settings-open").setAttribute("aria-expanded", "true");
    this.server.focus();
    await this.fillMicrophones();
  }

  close() {
    if (!this.isOpen) return;
    this.drawer.hidden = true;
    this.overlay.hidden = true;
    document.getElementById("settings-open").setAttribute("aria-expanded", "false");
    const back = this.opener && document.contains(this.opener) ? this.opener : document.getElementById("settings-open");
    back.focus();
  }

  async fillMicrophones() {
    const chosen = this.settings.micDeviceId;
    const devices = await listMicrophones();
    while (this.mic.options.length > 1) this.mic.remove(1);
    devices.filter((d) => d.deviceId && d.deviceId !== "default").forEach((d, i) => {
      this.mic.append(h("option", { value: d.deviceId }, d.label || `Microphone ${i + 1}`));
    });
    if (chosen && ![...this.mic.options].some((o) => o.value === chosen)) {
      this.mic.append(h("option", { value: chosen }, "Saved microphone (not connected)"));
    }
    this.mic.value = chosen;
  }

  save() {
    const problem = checkServerUrl(this.server.value);
    if (problem) {
      this.server.setAttribute("aria-invalid", "true");
      this.health.textContent = problem;
      this.server.focus();
      return;
    }
    this.server.removeAttribute("aria-invalid");
    this.settings.save({
      serverUrl: this.server.value,
      token: this.token.value,
      micDeviceId: this.mic.value,
      maxSeconds: this.max.value,
    });
    this.toasts.success("Settings saved.");
    this.close();
  }

  /** Checks the values in the form (not yet saved) against /health. */
  async test() {
    const problem = checkServerUrl(this.server.value);
    if (problem) {
      this.health.textContent = problem;
      return;
    }
    const draft = {
      get baseUrl() { return (this.serverUrl || window.location.origin).replace(/\/+$/, ""); },
      serverUrl: this.server.value.trim(),
      token: this.token.value.trim(),
    };
    this.health.textContent = "Checking…";
    try {
      const body = await new Api(draft).health();
      const token = await tokenCheck(draft);
      this.health.textContent = `Reached ${draft.baseUrl}${body && body.version ? ` (voxloop ${body.version})` : ""}. ${token}`;
    } catch (err) {
      this.health.textContent = err.message;
    }
  }

  trap(e) {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      this.close();
      return;
    }
    if (e.key !== "Tab") return;
    const focusable = [...this.drawer.querySelectorAll("button, input, select, textarea, a[href]")].filter((el) => !el.disabled && el.offsetParent !== null);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }
}

/** The event stream needs the token whenever the server has one, so it tells whether the token works. */
async function tokenCheck(draft) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const headers = { Accept: "text/event-stream" };
    if (draft.token) headers.Authorization = `Bearer ${draft.token}`;
    const response = await fetch(`${draft.baseUrl}/api/events`, { headers, signal: controller.signal });
    if (response.status === 401 || response.status === 403) {
      return draft.token ? "The token was rejected." : "This server needs an API token.";
    }
    return response.ok ? (draft.token ? "Token accepted." : "No token needed.") : `Event stream: HTTP ${response.status}.`;
  } catch {
    return "Could not check the token.";
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
