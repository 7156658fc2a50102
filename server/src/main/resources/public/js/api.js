// HTTP client for the voxloop API. Every failure becomes an ApiError whose message a person can act on.

export class ApiError extends Error {
  /**
   * @param kind "network" | "auth" | "http" | "timeout"
   */
  constructor(kind, message, { status = 0, error = "", detail = "", field = "" } = {}) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.status = status;
    this.error = error;
    this.detail = detail;
    this.field = field;
  }
}

export class Api {
  constructor(settings, fetchImpl = (...args) => window.fetch(...args)) {
    this.settings = settings;
    this.fetch = fetchImpl;
  }

  url(path) {
    return this.settings.baseUrl + path;
  }

  headers(extra = {}) {
    const headers = { Accept: "application/json", ...extra };
    const token = this.settings.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    return headers;
  }

  async request(method, path, { json, form, timeoutMs = 120000, signal } = {}) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException("timeout", "TimeoutError")), timeoutMs);
    if (signal) signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
    const init = { method, headers: this.headers(), signal: controller.signal };
    if (json !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(json);
    } else if (form) {
      init.body = form;
    }
    let response;
    try {
      response = await this.fetch(this.url(path), init);
    } catch (err) {
      clearTimeout(timer);
      if (controller.signal.aborted && !(signal && signal.aborted)) {
        throw new ApiError("timeout", `The server at ${this.settings.baseUrl} did not answer in time. Try again.`);
      }
      if (signal && signal.aborted) throw err;
      throw new ApiError("network",
        `Cannot reach the server at ${this.settings.baseUrl}. Is "voxloop serve" running? Check Settings → Server URL.`);
    }
    clearTimeout(timer);
    const text = await response.text().catch(() => "");
    let body = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = null;
      }
    }
    if (response.ok) return body;
    throw problemFrom(response.status, body, text);
  }

  get(path, options) {
    return this.request("GET", path, options);
  }

  post(path, json, options = {}) {
    return this.request("POST", path, { ...options, json: json ?? {} });
  }

  // ---- the pipeline -----------------------------------------------------------------------------------

  runText(text) {
    return this.post("/api/pipeline/run", { text });
  }

  runAudio(blob, filename = "recording.wav") {
    const form = new FormData();
    form.append("audio", blob, filename);
    return this.request("POST", "/api/pipeline/run/audio", { form, timeoutMs: 300000 });
  }

  /** Confirms the heard words of an unsure transcript (no text) or replaces them with the person's own. */
  confirm(sessionId, text) {
    return this.post("/api/pipeline/confirm", text ? { session_id: sessionId, text } : { session_id: sessionId });
  }

  clarify(sessionId, text) {
    return this.post("/api/pipeline/clarify", { session_id: sessionId, text });
  }

  approve(sessionId, overrides) {
    return this.post("/api/pipeline/approve", { session_id: sessionId, overrides });
  }

  discard(sessionId) {
    return this.post("/api/pipeline/discard", { session_id: sessionId }, { timeoutMs: 15000 });
  }

  health() {
    return this.get("/health", { timeoutMs: 5000 });
  }
}

function problemFrom(status, body, text) {
  const error = (body && typeof body.error === "string" && body.error) || "";
  const detail = (body && typeof body.detail === "string" && body.detail) || "";
  const field = (body && typeof body.field === "string" && body.field) || "";
  const said = detail || error || (text && text.length < 200 && !text.trimStart().startsWith("<") ? text.trim() : "");
  if (status === 401 || status === 403) {
    return new ApiError("auth",
      "The server rejected the API token. Open Settings and enter the token the server was started with.",
      { status, error, detail, field });
  }
  if (status === 503) {
    return new ApiError("http", said ? `${said} (HTTP 503)` : "The server cannot do this right now (HTTP 503).",
      { status, error, detail, field });
  }
  if (status === 413) {
    return new ApiError("http", "The recording is too large for the server. Record a shorter request.",
      { status, error, detail, field });
  }
  const message = said || `The server answered with an error (${status}).`;
  return new ApiError("http", message, { status, error, detail, field });
}
