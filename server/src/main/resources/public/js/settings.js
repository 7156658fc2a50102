// Settings kept in localStorage: server URL, API token, microphone, maximum recording length.

const KEYS = {
  serverUrl: "voxloop.serverUrl",
  token: "voxloop.token",
  micDeviceId: "voxloop.micDeviceId",
  maxSeconds: "voxloop.maxSeconds",
};

export const DEFAULT_MAX_SECONDS = 120;

export class Settings {
  constructor(storage = window.localStorage) {
    this.storage = storage;
    this.listeners = new Set();
    // another tab saved settings: follow it
    window.addEventListener("storage", (e) => {
      if (e.key === KEYS.serverUrl || e.key === KEYS.token) this.notify(true);
    });
  }

  notify(connectionChanged) {
    for (const listener of this.listeners) listener({ connectionChanged });
  }

  read(name) {
    try {
      return this.storage.getItem(KEYS[name]) ?? "";
    } catch {
      return "";
    }
  }

  get serverUrl() {
    return this.read("serverUrl").trim();
  }

  get token() {
    return this.read("token").trim();
  }

  get micDeviceId() {
    return this.read("micDeviceId");
  }

  get maxSeconds() {
    const n = Number.parseInt(this.read("maxSeconds"), 10);
    return Number.isFinite(n) && n >= 5 && n <= 600 ? n : DEFAULT_MAX_SECONDS;
  }

  /** Base URL without a trailing slash; the page's own origin when none is set. */
  get baseUrl() {
    const raw = this.serverUrl;
    if (!raw) return window.location.origin;
    return raw.replace(/\/+$/, "");
  }

  save(values) {
    const before = { serverUrl: this.serverUrl, token: this.token };
    for (const [name, value] of Object.entries(values)) {
      if (!(name in KEYS)) continue;
      const text = value === undefined || value === null ? "" : String(value).trim();
      try {
        if (text) this.storage.setItem(KEYS[name], text);
        else this.storage.removeItem(KEYS[name]);
      } catch {
        // storage full or blocked: settings then last for this page only
      }
    }
    this.notify(before.serverUrl !== this.serverUrl || before.token !== this.token);
  }

  onChange(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Validates a server URL typed by a person; returns an error message or "". */
export function checkServerUrl(text) {
  const value = (text || "").trim();
  if (!value) return "";
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return "Use an http:// or https:// address.";
    return "";
  } catch {
    return "This is not a valid address, e.g. http://127.0.0.1:8000";
  }
}
