// The voice page: record or type a request, check words the engine is unsure of, answer a clarification, check
// the read-back, approve.
//
// This module sends the requests and turns their answers into actions for the state in voice/state.js (which
// lists the phases); voice/recording.js drives the microphone and the keyboard; each phase has its own small
// view in voice/.

import { clear, h } from "./dom.js";
import { field } from "./events.js";
import { overridesFrom, readOutcome } from "./pipeline.js";
import { Recorder } from "./recorder.js";
import { clarificationView } from "./voice/clarification-view.js";
import { logView } from "./voice/log-view.js";
import { errorView, successView } from "./voice/outcome-views.js";
import { editedDraft, previewView, showFieldError } from "./voice/preview-view.js";
import { RecorderView } from "./voice/recorder-view.js";
import { Recording } from "./voice/recording.js";
import { concernsInflight, initialState, READY_PHASES, RECORDER_PHASES, reduce, STATUS } from "./voice/state.js";
import { StepsView } from "./voice/steps-view.js";
import { transcriptCheckCard } from "./voice/transcript-check-view.js";
import { typedView } from "./voice/typed-view.js";

export class VoicePage {
  constructor({ api, settings, toasts, announce, setStatus, log, openSettings, recorder = new Recorder() }) {
    Object.assign(this, { api, settings, toasts, announce, setStatus, log, openSettings, recorder });
    this.state = initialState();
    this.request = 0;
    this.lastSeq = () => null;
    this.recording = new Recording(this);
    this.onKey = (e) => this.recording.key(e);
    this.onKeyUp = (e) => this.recording.keyUp(e);
    this.recorderView = new RecorderView({
      maxSeconds: () => this.settings.maxSeconds,
      on: { toggle: () => this.recording.toggle(), discard: () => this.recording.discard(), send: () => this.sendAudio() },
    });
    this.stepsView = new StepsView();
  }

  get phase() { return this.state.phase; }

  get sessionId() { return this.state.sessionId; }

  get ticket() { return this.state.ticket; }

  // ---- mounting -------------------------------------------------------------------------------------------

  mount(main) {
    this.main = main;
    this.typed = typedView({ onSend: (text) => this.sendText(text) });
    this.recorderSlot = h("div", { class: "slot" });
    this.stageSlot = h("div", { class: "slot", id: "stage" });
    const log = logView(this.log);
    this.offLog = log.stop;
    main.append(h("h2", { class: "visually-hidden" }, "Voice"), this.stageSlot, this.recorderSlot, this.typed.card, log.box);
    document.addEventListener("keydown", this.onKey);
    document.addEventListener("keyup", this.onKeyUp);
    this.render(false);
  }

  unmount() {
    document.removeEventListener("keydown", this.onKey);
    document.removeEventListener("keyup", this.onKeyUp);
    if (this.offLog) this.offLog();
    clearInterval(this.ticker);
    this.main = null;
  }

  // ---- state and rendering --------------------------------------------------------------------------------

  /**
   * Applies an action; a phase change updates the status line and redraws the page, unless {@code quiet} (a
   * passing phase, such as the moment a recording is being finished).
   */
  dispatch(action, { focus = true, quiet = false } = {}) {
    const before = this.state.phase;
    this.state = reduce(this.state, action);
    if (!quiet && (action.type === "go" || this.state.phase !== before)) {
      this.setStatus(this.state.phase, STATUS[this.state.phase]);
      if (this.main) this.render(focus);
    }
  }

  go(phase, options) {
    this.dispatch({ type: "go", phase }, options);
  }

  render(focus) {
    const s = this.state;
    const p = s.phase;
    clearInterval(this.ticker);
    clear(this.recorderSlot);
    clear(this.stageSlot);
    if (RECORDER_PHASES.includes(p)) this.recorderSlot.append(this.recorderView.build(s));
    if (p === "recording") this.ticker = setInterval(() => this.recording.tick(), 200);
    this.typed.card.hidden = !READY_PHASES.includes(p);
    this.typed.send.disabled = false;
    const stage = this.stage(s);
    if (stage) this.stageSlot.append(stage);
    const target = this.recorderView.focusTarget(p)
      || (p === "clarifying" || p === "confirming" ? this.stageSlot.querySelector("textarea") : this.stageSlot.querySelector("h2"));
    if (focus && target) target.focus();
  }

  /** The card for the current phase above the recorder, if it has one. */
  stage(s) {
    switch (s.phase) {
      case "processing":
        return this.stepsView.build(s.inflight ? s.inflight.steps : []);
      case "confirming":
        return transcriptCheckCard({
          check: s.check,
          audioUrl: s.audio ? s.audio.url : null,
          onConfirm: (corrected) => this.confirmTranscript(corrected),
          onDiscard: () => this.discardSession(),
        });
      case "clarifying":
        return clarificationView(s.clarification, {
          answer: (text) => this.answer(text), discard: () => this.discardSession(), invalid: (m) => this.toasts.error(m),
        });
      case "previewing": {
        const { card, form } = previewView(s.preview, this.projects || [], {
          approve: () => this.approve(), discard: () => this.discardSession(),
        });
        this.previewForm = form;
        this.loadProjects();
        return card;
      }
      case "done":
        return successView(s.ticket, this.settings.baseUrl, { another: () => this.another() });
      case "error":
        return errorView(s.error || { message: "Something went wrong." }, Boolean(s.audio), {
          settings: () => this.openSettings(),
          typeInstead: () => this.typed.text.focus(),
          startOver: () => { this.recording.drop(); this.another(); },
        });
      default:
        return null;
    }
  }

  // ---- requests -------------------------------------------------------------------------------------------

  sendAudio() {
    if (!this.state.audio) return;
    const blob = this.state.audio.blob;
    this.dispatch({ type: "session-reset" });
    this.run("audio", () => this.api.runAudio(blob, "recording.wav"), () => this.sendAudio());
  }

  sendText(raw) {
    const text = (raw || "").trim();
    if (!text) {
      this.toasts.error("Type what you want built first.");
      this.typed.text.focus();
      return;
    }
    this.recording.drop();
    this.dispatch({ type: "session-reset" });
    this.run("text", () => this.api.runText(text), () => this.sendText(text));
  }

  confirmTranscript(corrected) {
    const check = this.state.check;
    if (!check) return;
    this.log.add(corrected ? `Corrected the words: ${corrected}` : "Confirmed the words as heard");
    this.run("confirm", () => this.api.confirm(check.sessionId, corrected), () => this.confirmTranscript(corrected));
  }

  answer(text) {
    const value = (text || "").trim();
    const c = this.state.clarification;
    if (!value || !c) return;
    this.log.add(`Answer: ${value}`);
    this.run("clarify", () => this.api.clarify(c.sessionId, value), () => this.answer(value));
  }

  approve() {
    const preview = this.state.preview;
    if (!preview) return;
    const edited = editedDraft(this.previewForm);
    if (edited.summary.trim().length < 3) {
      this.fieldError("summary", "The summary needs at least 3 characters.");
      return;
    }
    const overrides = overridesFrom(preview.draft, edited);
    const edits = Object.keys(overrides);
    this.log.add(`Approve ${preview.sessionId}${edits.length ? ` with edits to ${edits.join(", ")}` : ""}`);
    this.run("approve", () => this.api.approve(preview.sessionId, overrides), () => this.approve());
  }

  async discardSession() {
    const sessionId = this.sessionId;
    this.request += 1;
    this.dispatch({ type: "session-reset" });
    this.recording.drop();
    this.go("idle");
    this.log.add(`Discarded ${sessionId || "draft"}`);
    if (!sessionId) return;
    try {
      await this.api.discard(sessionId);
      this.toasts.info("Draft discarded. Nothing was filed.");
    } catch (err) {
      this.toasts.error(`Discarded here, but the server did not confirm: ${err.message}`);
    }
  }

  async run(kind, call, retry) {
    const id = ++this.request;
    this.dispatch({ type: "request", id, kind, sinceSeq: this.lastSeq() });
    this.announce(this.state.inflight.steps[0].label);
    let body;
    try {
      body = await call();
    } catch (err) {
      if (id !== this.request) return;
      this.dispatch({ type: "request-done" });
      if (kind === "approve" && err.status === 400 && err.field) {
        this.go("previewing", { focus: false });
        this.fieldError(err.field, err.message);
        this.toasts.error(err.message);
        return;
      }
      const expired = err.status === 404 || err.status === 410;
      this.log.add(`Error ${err.status || err.kind}: ${err.message}`);
      this.fail(expired ? `This request is no longer open on the server (${err.status}): ${err.message} Start again.` : err.message,
        { kind: err.kind, status: err.status, retry: expired ? null : retry });
      return;
    }
    if (id !== this.request) return;
    this.dispatch({ type: "request-done" });
    this.handle(readOutcome(body), kind);
  }

  handle(outcome, kind) {
    switch (outcome.kind) {
      case "transcriptCheck": {
        const sure = outcome.confidence === null ? "" : ` (${Math.round(outcome.confidence * 100)}% sure)`;
        this.log.add(`Unsure transcript${sure}: ${outcome.text}`);
        this.announce(`Did I hear that right? ${outcome.text}`);
        this.dispatch({ type: "transcript-check", outcome });
        break;
      }
      case "clarification":
        this.log.add(`Clarification round ${outcome.round}: ${outcome.question}`);
        this.announce(`Question: ${outcome.question}`);
        this.dispatch({ type: "clarification", outcome });
        break;
      case "preview":
        this.log.add(`Read-back ready: ${outcome.draft.summary}`);
        this.announce("Check the ticket before it is filed.");
        this.dispatch({ type: "preview", outcome });
        break;
      case "ticket":
        this.recording.drop();
        this.log.add(`Ticket ${outcome.key} created`);
        this.toasts.success(`Ticket ${outcome.key} created.`);
        this.announce(`Ticket ${outcome.key} created.`);
        this.typed.text.value = "";
        this.dispatch({ type: "ticket", outcome });
        break;
      default:
        this.log.add(`Unexpected response to ${kind}`);
        this.fail("The server sent an answer this console does not understand. Is the server the same version?", { kind: "protocol" });
    }
  }

  fail(message, { kind = "", status = 0, retry = null } = {}) {
    this.toasts.error(message, { key: kind === "auth" ? "auth" : kind === "network" ? "network" : "" });
    this.dispatch({ type: "failed", error: { message, kind, status, retry } });
  }

  fieldError(name, message) {
    if (!this.previewForm || !this.main) return;
    showFieldError(this.previewForm, name, message, (m) => this.toasts.error(m));
  }

  another() {
    this.dispatch({ type: "session-reset" });
    this.go("idle", { focus: false });
    this.recorderView.recordButton.focus();
  }

  async loadProjects() {
    if (this.projects) return;
    this.projects = [];
    try {
      const body = await this.api.get("/api/projects", { timeoutMs: 5000 });
      const list = Array.isArray(body) ? body : Array.isArray(body && body.projects) ? body.projects : [];
      this.projects = list.map((p) => (typeof p === "string" ? p : p.key)).filter(Boolean);
      const datalist = this.main && this.main.querySelector("#project-options");
      if (datalist) this.projects.forEach((key) => datalist.append(h("option", { value: key })));
    } catch {
      // the project list only helps typing in the Project field; without it the field still takes any key
    }
  }

  // ---- event stream ---------------------------------------------------------------------------------------

  /** Live stage changes for the request in flight animate its steps. Replayed events never do. */
  onEvent(event, { replay }) {
    if (replay || !concernsInflight(this.state, event, (e) => field(e, "session_id"))) return;
    const before = this.state.inflight.steps;
    this.dispatch({ type: "stage", event: { stage: event.stage, message: event.message, sessionId: field(event, "session_id") } });
    if (this.state.inflight.steps === before) return;
    if (event.message) this.announce(String(event.message));
    this.stepsView.update(this.state.inflight.steps);
  }
}

