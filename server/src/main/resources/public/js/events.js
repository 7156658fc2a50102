// Typed event stream client for GET /api/events (server-sent events).
//
// - Reads the stream with fetch so the API token goes in the Authorization header and a rejected token
//   (401/403) is told apart from a server that is down.
// - Reconnects with exponential backoff plus jitter: min(1 s * 2^n, 30 s) + 0..500 ms; n resets on open.
// - Resumes with ?after=<last seq seen>, and drops any event whose seq it has already seen.
// - Marks every event as replayed or live. Replayed means: the server said so (replay: true), or it is
//   older than this page (by the event's own timestamp) when no resume point existed yet. Consumers must not
//   toast replayed events: a reconnect would otherwise announce an old "done" as if it had just happened.

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30000;
export const JITTER_MS = 500;

export function backoffDelay(attempt, random = Math.random) {
  return Math.min(BACKOFF_BASE_MS * 2 ** attempt, BACKOFF_MAX_MS) + Math.floor(random() * JITTER_MS);
}

/** Parses SSE text incrementally; calls onMessage({id, event, data}) for each complete message. */
export class SseParser {
  constructor(onMessage) {
    this.onMessage = onMessage;
    this.buffer = "";
    this.reset();
  }

  reset() {
    this.data = [];
    this.event = "";
    this.id = "";
  }

  push(chunk) {
    this.buffer += chunk;
    let index;
    while ((index = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, index);
      const sep = this.buffer[index] === "\r" && this.buffer[index + 1] === "\n" ? 2 : 1;
      this.buffer = this.buffer.slice(index + sep);
      this.line(line);
    }
  }

  line(line) {
    if (line === "") {
      if (this.data.length) this.onMessage({ id: this.id, event: this.event || "message", data: this.data.join("\n") });
      this.reset();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.event = value;
    else if (field === "id") this.id = value;
  }
}

export class EventStream {
  /**
   * @param settings  Settings (baseUrl, token)
   * @param options   { path, onEvent(event, {replay}), onState(state, detail), fetchImpl, pageLoadedAt }
   */
  constructor(settings, { path = "/api/events", onEvent = () => {}, onState = () => {},
                          fetchImpl = (...a) => window.fetch(...a), pageLoadedAt = Date.now() } = {}) {
    this.settings = settings;
    this.path = path;
    this.onEvent = onEvent;
    this.onState = onState;
    this.fetch = fetchImpl;
    this.pageLoadedAt = pageLoadedAt;
    this.lastSeq = null;
    this.attempt = 0;
    this.state = "closed";
    this.controller = null;
    this.timer = null;
    this.stopped = true;
    this.generation = 0;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.generation += 1;
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
    this.setState("closed");
  }

  /** Settings changed: drop the connection and connect again at once (keeping the resume point). */
  restart() {
    this.stop();
    this.attempt = 0;
    this.start();
  }

  setState(state, detail = "") {
    this.state = state;
    this.onState(state, detail);
  }

  streamUrl() {
    const url = new URL(this.settings.baseUrl + this.path);
    if (this.lastSeq !== null) url.searchParams.set("after", String(this.lastSeq));
    return url.toString();
  }

  async connect() {
    const generation = ++this.generation;
    clearTimeout(this.timer);
    this.controller = new AbortController();
    this.setState("connecting");
    const headers = { Accept: "text/event-stream", "Cache-Control": "no-cache" };
    if (this.settings.token) headers.Authorization = `Bearer ${this.settings.token}`;
    const resumed = this.lastSeq !== null;
    try {
      const response = await this.fetch(this.streamUrl(), { headers, signal: this.controller.signal, cache: "no-store" });
      if (response.status === 401 || response.status === 403) {
        this.setState("unauthorized", "The server rejected the API token.");
        this.retryLater(generation, true);
        return;
      }
      if (!response.ok || !response.body) {
        this.setState("error", `Event stream unavailable (${response.status}).`);
        this.retryLater(generation);
        return;
      }
      this.attempt = 0;
      this.setState("open");
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser((message) => this.message(message, resumed));
      for (;;) {
        const { value, done } = await reader.read();
        if (done || generation !== this.generation) break;
        parser.push(decoder.decode(value, { stream: true }));
      }
      if (generation === this.generation) {
        this.setState("error", "The event stream closed.");
        this.retryLater(generation);
      }
    } catch (err) {
      if (generation !== this.generation || this.stopped) return;
      this.setState("error", "Cannot reach the event stream.");
      this.retryLater(generation);
    }
  }

  retryLater(generation, slow = false) {
    if (this.stopped || generation !== this.generation) return;
    const delay = slow ? BACKOFF_MAX_MS : backoffDelay(this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => {
      if (!this.stopped && generation === this.generation) this.connect();
    }, delay);
  }

  message({ id, event, data }, resumed) {
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    if (!payload || typeof payload !== "object") return;
    const seq = Number.isFinite(Number(payload.seq)) ? Number(payload.seq) : (id !== "" ? Number(id) : NaN);
    if (!payload.type && event && event !== "message") payload.type = event;
    if (!payload.type) return;
    if (Number.isFinite(seq)) {
      if (this.lastSeq !== null && seq <= this.lastSeq) return; // already seen
      this.lastSeq = seq;
      payload.seq = seq;
    }
    const at = Date.parse(payload.at || "");
    // strict on purpose: a clock skew can only hide a live toast, never show a stale one
    const older = Number.isFinite(at) && at <= this.pageLoadedAt;
    const replay = payload.replay === true || (!resumed && older);
    this.onEvent(payload, { replay });
  }
}

/** Reads a field in snake_case or camelCase. */
export function field(event, snake) {
  if (event == null) return undefined;
  if (event[snake] !== undefined) return event[snake];
  const camel = snake.replace(/_([a-z])/g, (_, c) => c.toUpperCase());
  return event[camel];
}
