// What the console adds to a request so that sending it twice does no harm (docs/api.md, "Retries and
// idempotency"): an Idempotency-Key on the requests that start an intake, the same key when the person retries that
// request after it failed (the server may have done it and only the answer was lost), and the round a clarification
// answer is for, so a second send of the same answer is refused instead of filling the next round.

const STARTS = new Set(["/api/pipeline/run", "/api/pipeline/run/audio"]);
const CLARIFY = "/api/pipeline/clarify";

/** A fresh Idempotency-Key (random; crypto.randomUUID needs a secure context, getRandomValues does not). */
export function requestKey() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The same recording sent again: FormData wraps it in a new File each time, so it is told by size and content. */
async function recording(file) {
  if (!file || typeof file.slice !== "function") return "audio";
  const head = new Uint8Array(await file.slice(0, 8192).arrayBuffer());
  let hash = 0;
  for (const b of head) hash = (hash * 31 + b) >>> 0;
  return `audio\n${file.size}\n${hash}`;
}

export class RequestMarks {
  constructor(newKey = requestKey) {
    this.newKey = newKey;
    this.unanswered = new Map(); // what was sent (text, or the recording itself) -> the key of its failed attempt
    this.rounds = new Map(); // session id -> round of its open question
  }

  /**
   * The headers and JSON body to send for a request; `done(ok)` must be called with whether an answer came back
   * that settles it (any 2xx or 4xx: the server decided), so a retry after anything else reuses the key.
   */
  async mark(path, json, form) {
    if (STARTS.has(path)) {
      const what = form ? await recording(form.get("audio")) : `${path}\n${JSON.stringify(json)}`;
      const key = this.unanswered.get(what) || this.newKey();
      this.unanswered.set(what, key);
      return {
        headers: { "Idempotency-Key": key },
        json,
        done: (settled) => {
          if (settled) this.unanswered.delete(what);
        },
      };
    }
    if (path === CLARIFY && json && json.session_id && json.round === undefined && this.rounds.has(json.session_id)) {
      return { headers: {}, json: { ...json, round: this.rounds.get(json.session_id) }, done: () => {} };
    }
    return { headers: {}, json, done: () => {} };
  }

  /** Remembers the round of a question the server asked. */
  saw(body) {
    if (body && body.status === "clarification_needed" && body.session_id && body.round) {
      this.rounds.set(body.session_id, Number(body.round));
    }
  }
}
