// The voice page's state and the one function that changes it. Everything the page shows comes from this
// state; the views only read it and the page (voice-page.js) only dispatches actions and runs side effects.
//
// Phases: idle → recording → (stopping →) recorded → processing → [confirming → processing] →
// (clarifying → processing)* → previewing → processing → done; any request can end in error. confirming: the
// speech engine is unsure of the words, and the person confirms or corrects them before anything is extracted. The HTTP response of each request decides the next phase;
// the event stream only animates the processing steps of the request in flight (never replayed events).

export const STATUS = {
  idle: "Ready", recording: "Recording", stopping: "Recording", recorded: "Preview", processing: "Processing",
  confirming: "Check words", clarifying: "Clarifying", previewing: "Review", done: "Done", error: "Error",
};

export const STEP_SETS = {
  audio: [["send", "Uploading the recording"], ["transcribing", "Transcribing speech"],
    ["extracting", "Understanding the request"], ["previewing", "Preparing the read-back"]],
  text: [["send", "Sending your text"], ["extracting", "Understanding the request"],
    ["previewing", "Preparing the read-back"]],
  confirm: [["send", "Sending the words"], ["extracting", "Understanding the request"],
    ["previewing", "Preparing the read-back"]],
  clarify: [["send", "Sending your answer"], ["extracting", "Updating the draft"],
    ["previewing", "Preparing the read-back"]],
  approve: [["send", "Sending your approval"], ["creating", "Creating the ticket"], ["done", "Ticket filed"]],
};

/** Phases in which the recorder card is shown, and in which a new recording may start. */
export const RECORDER_PHASES = ["idle", "recording", "recorded", "done", "error"];
export const READY_PHASES = ["idle", "done", "error"];

export function initialState() {
  return {
    phase: "idle",
    audio: null, // {blob, url, seconds, peaks}
    sessionId: null,
    check: null, // the words the engine is unsure of, while the person checks them
    clarification: null,
    preview: null,
    ticket: null,
    error: null,
    inflight: null, // {id, kind, steps, sinceSeq, sessionId}
  };
}

const NO_SESSION = { sessionId: null, check: null, clarification: null, preview: null, ticket: null, error: null };

/**
 * The next state. Actions:
 * go {phase} · session-reset · audio {audio|null} · request {id, kind, sinceSeq} · request-done ·
 * transcript-check {outcome} · clarification {outcome} · preview {outcome} · ticket {outcome} · failed {error} · stage {event}
 */
export function reduce(state, action) {
  switch (action.type) {
    case "go":
      return { ...state, phase: action.phase };
    case "session-reset":
      return { ...state, ...NO_SESSION };
    case "audio":
      return { ...state, audio: action.audio };
    case "request": {
      const steps = STEP_SETS[action.kind].map(([key, label], i) => ({ key, label, state: i === 0 ? "active" : "todo", message: "" }));
      return { ...state, phase: "processing", inflight: { id: action.id, kind: action.kind, steps, sinceSeq: action.sinceSeq, sessionId: null } };
    }
    case "request-done":
      return { ...state, inflight: null };
    case "transcript-check":
      return { ...state, phase: "confirming", sessionId: action.outcome.sessionId, check: action.outcome };
    case "clarification":
      return { ...state, phase: "clarifying", sessionId: action.outcome.sessionId, clarification: action.outcome };
    case "preview":
      return { ...state, phase: "previewing", sessionId: action.outcome.sessionId, preview: action.outcome };
    case "ticket":
      return { ...state, phase: "done", sessionId: null, ticket: action.outcome };
    case "failed":
      return { ...state, phase: "error", error: action.error };
    case "stage":
      return state.inflight ? { ...state, inflight: stepsAfter(state, action.event) } : state;
    default:
      throw new Error(`unknown voice action ${action.type}`);
  }
}

/** The in-flight request after a live stage change: earlier steps done, the named one active, errors marked. */
function stepsAfter(state, event) {
  const inflight = state.inflight;
  const stage = String(event.stage || "").toLowerCase();
  const message = String(event.message || "");
  const sessionId = inflight.sessionId || (state.sessionId ? null : event.sessionId || null);
  const steps = inflight.steps.map((s) => ({ ...s }));
  const index = steps.findIndex((s) => s.key === stage);
  if (stage === "error") {
    const active = steps.find((s) => s.state === "active");
    if (active) Object.assign(active, { state: "error", message });
  } else if (index < 0 && ["clarifying", "previewing", "done"].includes(stage)) {
    steps.forEach((s) => { s.state = "done"; });
  } else if (index >= 0) {
    steps.forEach((s, i) => {
      if (i < index) s.state = "done";
      else if (i === index) Object.assign(s, { state: "active", message });
    });
  } else {
    return { ...inflight, sessionId };
  }
  return { ...inflight, steps, sessionId };
}

/**
 * Whether a live event belongs to the request in flight: a stage change newer than the request, for its session
 * (or, before the session is known, for any session: the first one seen becomes the request's).
 */
export function concernsInflight(state, event, sessionOf) {
  const inflight = state.inflight;
  if (!inflight || event.type !== "stage_changed") return false;
  if (inflight.sinceSeq !== null && Number.isFinite(event.seq) && event.seq <= inflight.sinceSeq) return false;
  const session = sessionOf(event);
  const wanted = state.sessionId || inflight.sessionId;
  return !(wanted && session && session !== wanted);
}
