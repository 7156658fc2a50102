// The voice page: record or type a request, answer a clarification, check the read-back, approve.
//
// Phases: idle → recording → recorded → processing → [confirming → processing] → (clarifying → processing)*
// → previewing → processing → done; any request can end in error. confirming: the speech engine is unsure of
// the words, and the person confirms or corrects them before anything is extracted. The HTTP response of each request decides the next phase; the event
// stream only animates the processing steps of the request in flight (never replayed events).

import { clock, clear, h, isControlTarget, isTypingTarget, svg, uid } from "./dom.js";
import { field } from "./events.js";
import { absoluteUrl, confidenceEntries, ISSUE_TYPES, overridesFrom, PRIORITIES, readOutcome } from "./pipeline.js";
import { MicError, Recorder } from "./recorder.js";
import { transcriptCheckCard } from "./transcript-check.js";

const HOLD_MS = 600;

const STATUS = {
  idle: "Ready", recording: "Recording", recorded: "Preview", processing: "Processing",
  confirming: "Check words", clarifying: "Clarifying", previewing: "Review", done: "Done", error: "Error",
};

const STEP_SETS = {
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

const MIC_ICON = () => svg("svg", { viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "aria-hidden": "true" },
  svg("rect", { x: 9, y: 2, width: 6, height: 12, rx: 3 }),
  svg("path", { d: "M5 10a7 7 0 0 0 14 0M12 17v5M8 22h8" }));
const STOP_ICON = () => svg("svg", { viewBox: "0 0 24 24", fill: "currentColor", "aria-hidden": "true" },
  svg("rect", { x: 6, y: 6, width: 12, height: 12, rx: 2 }));

export class VoicePage {
  constructor({ api, settings, toasts, announce, setStatus, log, openSettings, recorder = new Recorder() }) {
    Object.assign(this, { api, settings, toasts, announce, setStatus, log, openSettings, recorder });
    this.phase = "idle";
    this.audio = null; // {blob, url, seconds, peaks}
    this.sessionId = null;
    this.check = null;
    this.clarification = null;
    this.preview = null;
    this.ticket = null;
    this.error = null;
    this.request = 0;
    this.inflight = null; // {id, steps, sinceSeq, kind}
    this.levels = [0, 0, 0, 0, 0];
    this.lastSeq = () => null;
    this.onKey = (e) => this.key(e);
    this.onKeyUp = (e) => this.keyUp(e);
  }

  // ---- mounting -------------------------------------------------------------------------------------------

  mount(main) {
    this.main = main;
    this.typed = this.buildTyped();
    this.recorderSlot = h("div", { class: "slot" });
    this.stageSlot = h("div", { class: "slot", id: "stage" });
    this.logList = h("ol", { "aria-label": "Pipeline log entries" });
    this.logSummary = h("summary", {}, "");
    this.logBox = h("details", { class: "card card--compact log", id: "log" }, this.logSummary, this.logList);
    for (const entry of this.log.entries) this.logList.append(this.logItem(entry));
    this.updateLogCount();
    this.offLog = this.log.onAdd((entry) => {
      this.logList.append(this.logItem(entry));
      while (this.logList.children.length > this.log.limit) this.logList.firstElementChild.remove();
      this.updateLogCount();
      if (this.logBox.open) this.logList.scrollTop = this.logList.scrollHeight;
    });
    main.append(h("h2", { class: "visually-hidden" }, "Voice"), this.stageSlot, this.recorderSlot, this.typed.card, this.logBox);
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

  logItem(entry) {
    return h("li", {}, `[${entry.at.toLocaleTimeString()}] ${entry.text}`);
  }

  updateLogCount() {
    this.logSummary.textContent = `Pipeline log (${this.log.size})`;
  }

  // ---- phase changes --------------------------------------------------------------------------------------

  go(phase, { focus = true } = {}) {
    this.phase = phase;
    this.setStatus(phase, STATUS[phase]);
    if (this.main) this.render(focus);
  }

  render(focus) {
    const p = this.phase;
    clearInterval(this.ticker);
    clear(this.recorderSlot);
    clear(this.stageSlot);
    const showRecorder = ["idle", "recording", "recorded", "done", "error"].includes(p);
    if (showRecorder) this.recorderSlot.append(this.buildRecorder());
    this.typed.card.hidden = !["idle", "done", "error"].includes(p);
    this.typed.send.disabled = false;
    let target = null;
    if (p === "recording") target = this.recordButton;
    if (p === "recorded") target = this.sendAudioButton;
    if (p === "processing") target = this.stageSlot.appendChild(this.buildSteps()).querySelector("h2");
    if (p === "confirming") target = this.stageSlot.appendChild(this.buildTranscriptCheck()).querySelector("textarea");
    if (p === "clarifying") target = this.stageSlot.appendChild(this.buildClarification()).querySelector("textarea");
    if (p === "previewing") target = this.stageSlot.appendChild(this.buildPreview()).querySelector("h2");
    if (p === "done") target = this.stageSlot.appendChild(this.buildSuccess()).querySelector("h2");
    if (p === "error") target = this.stageSlot.appendChild(this.buildError()).querySelector("h2");
    if (focus && target) target.focus();
  }

  // ---- recorder card --------------------------------------------------------------------------------------

  buildRecorder() {
    const p = this.phase;
    const recording = p === "recording";
    const busy = p === "processing";
    const label = recording ? "Stop recording" : busy ? "Processing" : "Start recording";
    this.recordButton = h("button", {
      class: "record", type: "button", id: "record", "aria-pressed": recording ? "true" : "false",
      "aria-label": label, disabled: busy || p === "recorded", onclick: () => this.toggleRecording(),
    }, h("span", { class: "record__ring", "aria-hidden": "true" }), h("span", { class: "record__ring", "aria-hidden": "true" }),
    recording ? STOP_ICON() : MIC_ICON());
    const card = h("section", { class: "card recorder", "aria-labelledby": "rec-title" },
      h("h2", { class: "card__label", id: "rec-title" }, "Speak your request"));
    card.append(this.recordButton);
    if (recording) {
      this.meterBars = [0, 1, 2, 3, 4].map(() => h("span", { class: "meter__bar" }));
      this.timer = h("span", { class: "timer", id: "timer", role: "timer", "aria-live": "off" }, clock(0));
      card.append(
        h("div", { class: "meter", id: "meter", "aria-hidden": "true" }, this.meterBars),
        h("p", {}, this.timer, h("span", { class: "faint" }, ` / ${clock(this.settings.maxSeconds)}`)),
        h("p", { class: "hint" }, h("kbd", {}, "Space"), " to stop (or release it if you held it) · ", h("kbd", {}, "Esc"), " to cancel"));
      this.ticker = setInterval(() => this.tick(), 200);
    } else if (p === "recorded") {
      card.append(this.buildAudioPreview());
    } else if (busy) {
      card.append(h("p", { class: "hint" }, "Working on it…"));
    } else {
      card.append(h("p", { class: "hint" }, "Press ", h("kbd", {}, "Space"), " or the button to record, again to stop."));
    }
    return card;
  }

  buildAudioPreview() {
    const a = this.audio;
    const wave = svg("svg", { class: "waveform", viewBox: `0 0 ${a.peaks.length * 3} 48`, preserveAspectRatio: "none", "aria-hidden": "true" },
      a.peaks.map((v, i) => {
        const height = Math.max(2, v * 46);
        return svg("rect", { x: i * 3, y: (48 - height) / 2, width: 2, height, rx: 1, opacity: (0.7 + v * 0.3).toFixed(2) });
      }));
    this.sendAudioButton = h("button", { class: "btn btn--primary", type: "button", id: "send-audio", onclick: () => this.sendAudio() }, "Send");
    return h("div", { class: "run", id: "audio-preview", style: "width:100%" },
      h("div", { class: "card__head" }, h("h3", {}, "Recording preview"), h("span", { class: "timer", id: "audio-duration" }, clock(a.seconds))),
      wave,
      h("audio", { controls: true, src: a.url, preload: "metadata", "aria-label": "Play back the recording" }),
      h("div", { class: "actions" },
        h("button", { class: "btn", type: "button", id: "discard-audio", onclick: () => this.discardAudio() }, "Discard"),
        this.sendAudioButton));
  }

  tick() {
    if (this.phase !== "recording") return;
    const elapsed = this.recorder.elapsedSeconds();
    if (this.timer) this.timer.textContent = clock(elapsed);
    if (elapsed >= this.settings.maxSeconds) {
      this.toasts.info(`Stopped at the maximum length (${clock(this.settings.maxSeconds)}).`);
      this.stopRecording();
    }
  }

  level(value) {
    this.levels.push(value);
    this.levels.shift();
    if (!this.meterBars) return;
    this.meterBars.forEach((bar, i) => { bar.style.transform = `scaleY(${(0.15 + this.levels[i] * 0.85).toFixed(3)})`; });
    const meter = this.main && this.main.querySelector("#meter");
    if (meter) meter.dataset.level = value.toFixed(3);
  }

  // ---- typed input ----------------------------------------------------------------------------------------

  buildTyped() {
    const id = uid("typed");
    const text = h("textarea", {
      class: "textarea", id: "typed-text", rows: 3, "aria-describedby": `${id}-hint`,
      placeholder: "e.g. Add a dark mode toggle to the settings page of BookIt",
    });
    const send = h("button", { class: "btn btn--primary", type: "submit", id: "send-text" }, "Send text");
    const form = h("form", { class: "run", novalidate: true },
      h("div", { class: "field" },
        h("label", { for: "typed-text" }, "Or type your request"), text,
        h("span", { class: "field__hint", id: `${id}-hint` }, "Enter sends, Shift+Enter adds a line.")),
      h("div", { class: "actions" }, send));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.sendText(text.value);
    });
    text.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    const card = h("section", { class: "card card--compact", id: "typed-card", "aria-label": "Typed request" }, form);
    return { card, text, send };
  }

  // ---- keyboard -------------------------------------------------------------------------------------------

  key(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (document.querySelector("[role=dialog]:not([hidden])")) return;
    if (isTypingTarget(e.target)) return;
    if (e.code === "Space" || e.key === " ") {
      if (isControlTarget(e.target)) return; // the focused button handles its own Space
      if (["idle", "done", "error", "recording"].includes(this.phase)) {
        e.preventDefault();
        if (e.repeat) return;
        // hold-to-talk: a Space held down longer than HOLD_MS stops the recording when released
        this.spaceDown = this.phase === "recording" ? null : performance.now();
        this.toggleRecording();
      }
    } else if (e.key === "Escape") {
      if (this.phase === "recording") {
        e.preventDefault();
        this.cancelRecording();
      } else if (this.phase === "recorded") {
        e.preventDefault();
        this.discardAudio();
      }
    }
  }

  keyUp(e) {
    if (!(e.code === "Space" || e.key === " ") || this.spaceDown == null) return;
    const held = performance.now() - this.spaceDown;
    this.spaceDown = null;
    if (held < HOLD_MS) return; // a tap: keep recording until the next Space
    if (this.phase === "recording") this.stopRecording();
    else if (this.starting) this.stopWhenStarted = true;
  }

  // ---- recording ------------------------------------------------------------------------------------------

  async toggleRecording() {
    if (this.phase === "recording") return this.stopRecording();
    if (!["idle", "done", "error"].includes(this.phase) || this.starting) return undefined;
    return this.startRecording();
  }

  async startRecording() {
    this.starting = true;
    this.resetSession();
    this.levels = [0, 0, 0, 0, 0];
    try {
      await this.recorder.start({ deviceId: this.settings.micDeviceId, onLevel: (v) => this.level(v) });
      this.log.add("Recording started");
      this.announce("Recording. Press Space to stop, Escape to cancel.");
      this.go("recording");
      if (this.stopWhenStarted) this.stopRecording();
    } catch (err) {
      const e = err instanceof MicError ? err : new MicError("unknown", String(err && err.message));
      this.log.add(`Microphone error: ${e.message}`);
      this.fail(e.message, { kind: `mic-${e.kind}`, retry: null });
    } finally {
      this.starting = false;
      this.stopWhenStarted = false;
    }
  }

  async stopRecording() {
    if (this.phase !== "recording") return;
    clearInterval(this.ticker);
    this.phase = "stopping";
    try {
      const result = await this.recorder.stop();
      this.setAudio(result);
      this.log.add(`Recording stopped (${result.seconds.toFixed(1)} s, ${Math.round(result.blob.size / 1024)} KB WAV)`);
      this.announce(`Recorded ${Math.round(result.seconds)} seconds. Play it back, send it or discard it.`);
      this.go("recorded");
    } catch (err) {
      this.fail(`Could not finish the recording: ${err.message}`, { kind: "mic-unknown" });
    }
  }

  cancelRecording() {
    this.recorder.cancel();
    this.log.add("Recording cancelled");
    this.toasts.info("Recording cancelled.");
    this.go("idle");
  }

  setAudio(result) {
    this.dropAudio();
    this.audio = { ...result, url: URL.createObjectURL(result.blob) };
  }

  dropAudio() {
    if (this.audio) URL.revokeObjectURL(this.audio.url);
    this.audio = null;
  }

  discardAudio() {
    this.dropAudio();
    this.log.add("Recording discarded");
    this.toasts.info("Recording discarded.");
    this.go("idle");
  }

  // ---- requests -------------------------------------------------------------------------------------------

  resetSession() {
    this.sessionId = null;
    this.check = null;
    this.clarification = null;
    this.preview = null;
    this.ticket = null;
    this.error = null;
  }

  sendAudio() {
    if (!this.audio) return;
    const blob = this.audio.blob;
    this.resetSession();
    this.run("audio", () => this.api.runAudio(blob, "recording.wav"), () => this.sendAudio());
  }

  sendText(raw) {
    const text = (raw || "").trim();
    if (!text) {
      this.toasts.error("Type what you want built first.");
      this.typed.text.focus();
      return;
    }
    this.dropAudio();
    this.resetSession();
    this.lastText = text;
    this.run("text", () => this.api.runText(text), () => this.sendText(text));
  }

  confirmTranscript(corrected) {
    if (!this.check) return;
    const sessionId = this.check.sessionId;
    this.log.add(corrected ? `Corrected the words: ${corrected}` : "Confirmed the words as heard");
    this.run("confirm", () => this.api.confirm(sessionId, corrected), () => this.confirmTranscript(corrected));
  }

  answer(text) {
    const value = (text || "").trim();
    if (!value || !this.clarification) return;
    const sessionId = this.clarification.sessionId;
    this.log.add(`Answer: ${value}`);
    this.run("clarify", () => this.api.clarify(sessionId, value), () => this.answer(value));
  }

  approve() {
    if (!this.preview) return;
    const form = this.previewForm;
    const edited = {
      summary: form.summary.value,
      description: form.description.value,
      acceptanceCriteria: form.acceptance_criteria.value.split("\n"),
      issueType: form.issue_type.value,
      priority: form.priority.value,
      project: form.project.value,
      labels: form.labels.value.split(","),
    };
    if (edited.summary.trim().length < 3) {
      this.fieldError("summary", "The summary needs at least 3 characters.");
      return;
    }
    const overrides = overridesFrom(this.preview.draft, edited);
    const sessionId = this.preview.sessionId;
    this.edited = edited;
    this.log.add(`Approve ${sessionId}${Object.keys(overrides).length ? ` with edits to ${Object.keys(overrides).join(", ")}` : ""}`);
    this.run("approve", () => this.api.approve(sessionId, overrides), () => this.approve());
  }

  async discardSession() {
    const sessionId = this.sessionId;
    this.request += 1;
    this.resetSession();
    this.dropAudio();
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
    this.inflight = { id, kind, steps: STEP_SETS[kind].map(([key, label]) => ({ key, label, state: "todo", message: "" })), sinceSeq: this.lastSeq() };
    this.inflight.steps[0].state = "active";
    this.go("processing");
    this.announce(this.inflight.steps[0].label);
    let body;
    try {
      body = await call();
    } catch (err) {
      if (id !== this.request) return;
      this.inflight = null;
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
    this.inflight = null;
    this.handle(readOutcome(body), kind);
  }

  handle(outcome, kind) {
    switch (outcome.kind) {
      case "transcriptCheck":
        this.sessionId = outcome.sessionId;
        this.check = outcome;
        this.log.add(`Unsure transcript${outcome.confidence === null ? "" : ` (${Math.round(outcome.confidence * 100)}% sure)`}: ${outcome.text}`);
        this.announce(`Did I hear that right? ${outcome.text}`);
        this.go("confirming");
        break;
      case "clarification":
        this.sessionId = outcome.sessionId;
        this.clarification = outcome;
        this.log.add(`Clarification round ${outcome.round}: ${outcome.question}`);
        this.announce(`Question: ${outcome.question}`);
        this.go("clarifying");
        break;
      case "preview":
        this.sessionId = outcome.sessionId;
        this.preview = outcome;
        this.log.add(`Read-back ready: ${outcome.draft.summary}`);
        this.announce("Check the ticket before it is filed.");
        this.go("previewing");
        break;
      case "ticket":
        this.ticket = outcome;
        this.sessionId = null;
        this.dropAudio();
        this.log.add(`Ticket ${outcome.key} created`);
        this.toasts.success(`Ticket ${outcome.key} created.`);
        this.announce(`Ticket ${outcome.key} created.`);
        this.typed.text.value = "";
        this.go("done");
        break;
      default:
        this.log.add(`Unexpected response to ${kind}`);
        this.fail("The server sent an answer this console does not understand. Is the server the same version?", { kind: "protocol" });
    }
  }

  fail(message, { kind = "", status = 0, retry = null } = {}) {
    this.error = { message, kind, status, retry };
    this.toasts.error(message, { key: kind === "auth" ? "auth" : kind === "network" ? "network" : "" });
    this.go("error");
  }

  // ---- event stream ---------------------------------------------------------------------------------------

  /** Live stage changes for the request in flight animate its steps. Replayed events never do. */
  onEvent(event, { replay }) {
    if (replay || !this.inflight) return;
    if (this.inflight.sinceSeq !== null && Number.isFinite(event.seq) && event.seq <= this.inflight.sinceSeq) return;
    if (event.type !== "stage_changed") return;
    const session = field(event, "session_id");
    const wanted = this.sessionId || this.inflight.sessionId;
    if (wanted && session && session !== wanted) return;
    if (!wanted && session) this.inflight.sessionId = session;
    const stage = String(event.stage || "").toLowerCase();
    const message = String(event.message || "");
    const steps = this.inflight.steps;
    let index = steps.findIndex((s) => s.key === stage);
    if (stage === "error") {
      const active = steps.find((s) => s.state === "active");
      if (active) Object.assign(active, { state: "error", message });
    } else if (index < 0 && ["clarifying", "previewing", "done"].includes(stage)) {
      index = steps.length - 1;
      steps.forEach((s) => { s.state = "done"; });
    } else if (index >= 0) {
      steps.forEach((s, i) => {
        if (i < index) s.state = "done";
        else if (i === index) Object.assign(s, { state: "active", message });
      });
    } else {
      return;
    }
    if (message) this.announce(message);
    this.renderSteps();
  }

  // ---- processing steps -----------------------------------------------------------------------------------

  buildSteps() {
    this.stepsList = h("ol", { class: "steps", id: "steps" });
    this.renderSteps();
    return h("section", { class: "card", "aria-labelledby": "steps-title" },
      h("div", { class: "card__head" }, h("h2", { id: "steps-title", tabindex: "-1" }, "Working on it"), h("span", { class: "spinner", "aria-hidden": "true" })),
      this.stepsList);
  }

  renderSteps() {
    if (!this.stepsList || !this.inflight) return;
    clear(this.stepsList);
    for (const step of this.inflight.steps) {
      const icon = step.state === "done" ? "✓" : step.state === "error" ? "!" : "";
      const stateText = { todo: "waiting", active: "in progress", done: "done", error: "failed" }[step.state];
      this.stepsList.append(h("li", { class: "step", "data-state": step.state, "data-step": step.key },
        h("span", { class: "step__icon", "aria-hidden": "true" }, icon),
        h("span", {}, step.label, h("span", { class: "visually-hidden" }, ` (${stateText})`),
          step.message ? h("span", { class: "step__msg" }, h("br"), step.message) : null)));
    }
  }

  // ---- transcript check -----------------------------------------------------------------------------------

  buildTranscriptCheck() {
    return transcriptCheckCard({
      check: this.check,
      audioUrl: this.audio ? this.audio.url : null,
      onConfirm: (corrected) => this.confirmTranscript(corrected),
      onDiscard: () => this.discardSession(),
    });
  }

  // ---- clarification --------------------------------------------------------------------------------------

  buildClarification() {
    const c = this.clarification;
    const answer = h("textarea", { class: "textarea", id: "answer", rows: 2, "aria-describedby": "question", placeholder: "Type your answer… (Enter sends, Shift+Enter adds a line)" });
    const form = h("form", { class: "run", novalidate: true },
      h("div", { class: "field" }, h("label", { for: "answer" }, c.choices.length ? "Or answer in your own words" : "Your answer"), answer),
      h("div", { class: "actions" },
        h("button", { class: "btn btn--danger", type: "button", id: "discard-clarification", onclick: () => this.discardSession() }, "Discard"),
        h("button", { class: "btn btn--primary", type: "submit", id: "send-answer" }, "Send answer")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      if (!answer.value.trim()) {
        answer.setAttribute("aria-invalid", "true");
        this.toasts.error("Type an answer or pick one of the choices.");
        answer.focus();
        return;
      }
      this.answer(answer.value);
    });
    answer.addEventListener("keydown", (e) => {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    const extra = c.questions.filter((q) => q !== c.question);
    return h("section", { class: "card", id: "clarification", "aria-labelledby": "clar-title", "data-field": c.field || "" },
      h("div", { class: "card__head" },
        h("h2", { id: "clar-title", tabindex: "-1" }, "One question before the ticket"),
        h("span", { class: "chip chip--info" }, `Round ${c.round}`),
        c.ambiguity !== null ? h("span", { class: "chip" }, `ambiguity ${c.ambiguity.toFixed(2)}`) : null),
      c.partialSummary ? h("p", { class: "muted" }, "So far: ", h("q", {}, c.partialSummary)) : null,
      h("p", { class: "question", id: "question" }, c.question),
      extra.length ? h("ul", { class: "muted" }, extra.map((q) => h("li", {}, q))) : null,
      c.choices.length ? h("div", { class: "choices", role: "group", "aria-label": "Answers", id: "choices" },
        c.choices.map((choice) => h("button", { class: "btn choice", type: "button", onclick: () => this.answer(choice) }, choice))) : null,
      form);
  }

  // ---- read-back preview ----------------------------------------------------------------------------------

  buildPreview() {
    const p = this.preview;
    const d = p.draft;
    const conf = confidenceEntries(p.confidence);
    const low = new Set(conf.filter((c) => c.value < 0.6).map((c) => normaliseField(c.name)));
    const fieldBox = (name, labelText, control, hint) => {
      const errorId = `err-${name}`;
      control.id = `f-${name}`;
      control.name = name;
      control.dataset.field = name;
      control.setAttribute("aria-describedby", [hint ? `hint-${name}` : "", errorId].filter(Boolean).join(" "));
      return h("div", { class: `field${low.has(name) ? " low-confidence" : ""}` },
        h("label", { for: control.id }, labelText, low.has(name) ? h("span", { class: "chip chip--warn", style: "margin-left:8px" }, "check this") : null),
        control,
        hint ? h("span", { class: "field__hint", id: `hint-${name}` }, hint) : null,
        h("span", { class: "field__error", id: errorId, "aria-live": "polite" }));
    };
    const select = (options, value) => {
      const list = value && !options.includes(value) ? [value, ...options] : options;
      return h("select", { class: "select" },
        value ? null : h("option", { value: "" }, "Choose…"),
        list.map((o) => h("option", { value: o, selected: o === value }, o)));
    };
    const form = h("form", { class: "run", id: "preview-form", novalidate: true },
      fieldBox("summary", "Summary", h("input", { class: "input", type: "text", value: d.summary, maxlength: 255, required: true })),
      h("div", { class: "grid2" },
        fieldBox("issue_type", "Type", select(ISSUE_TYPES, d.issueType)),
        fieldBox("priority", "Priority", select(PRIORITIES, d.priority)),
        fieldBox("project", "Project", h("input", { class: "input", type: "text", value: d.project, autocomplete: "off", list: "project-options" }))),
      fieldBox("description", "Description", h("textarea", { class: "textarea", rows: 4, value: d.description })),
      fieldBox("acceptance_criteria", "Acceptance criteria", h("textarea", { class: "textarea", rows: 4, value: d.acceptanceCriteria.join("\n") }), "One testable criterion per line."),
      fieldBox("labels", "Labels", h("input", { class: "input", type: "text", value: d.labels.join(", ") }), "Comma-separated."),
      h("datalist", { id: "project-options" }, (this.projects || []).map((key) => h("option", { value: key }))),
      h("div", { class: "actions" },
        h("button", { class: "btn btn--danger", type: "button", id: "discard-preview", onclick: () => this.discardSession() }, "Discard"),
        h("button", { class: "btn btn--success", type: "submit", id: "approve" }, "Approve and file")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.approve();
    });
    this.previewForm = form;
    this.loadProjects();
    return h("section", { class: "card", id: "preview", "aria-labelledby": "preview-title" },
      h("div", { class: "card__head" },
        h("h2", { id: "preview-title", tabindex: "-1" }, "Check the ticket before it is filed"),
        p.ambiguity !== null ? h("span", { class: "chip" }, `ambiguity ${p.ambiguity.toFixed(2)}`) : null),
      p.lastError ? h("p", { class: "notice notice--error", id: "preview-error" }, `Filing failed last time: ${p.lastError}. Check the fields and approve again.`) : null,
      p.transcribedText ? h("p", { class: "muted" }, "You said: ", h("q", { id: "transcript" }, p.transcribedText)) : null,
      p.expiresAt && Number.isFinite(Date.parse(p.expiresAt)) ? h("p", { class: "field__hint" }, `This draft waits until ${new Date(Date.parse(p.expiresAt)).toLocaleTimeString()}.`) : null,
      conf.length ? h("div", { class: "chips", id: "confidence", "aria-label": "Confidence" },
        conf.map((c) => h("span", { class: `chip ${c.value >= 0.8 ? "chip--ok" : c.value >= 0.6 ? "" : "chip--warn"}` }, `${c.name} ${Math.round(c.value * 100)}%`))) : null,
      p.flags.length || p.gaps.length ? h("div", { class: "notice notice--warn", id: "flags" },
        h("strong", {}, "Worth a look: "),
        h("ul", {}, [...p.flags, ...p.gaps.map((g) => `missing: ${g}`)].map((f) => h("li", {}, f)))) : null,
      form);
  }

  fieldError(name, message) {
    const form = this.previewForm;
    if (!form || !this.main) return;
    const control = form.querySelector(`[data-field="${CSS.escape(normaliseField(name))}"]`);
    if (!control) {
      this.toasts.error(message);
      return;
    }
    control.setAttribute("aria-invalid", "true");
    const box = form.querySelector(`#err-${CSS.escape(control.dataset.field)}`);
    if (box) box.textContent = message;
    control.addEventListener("input", () => {
      control.removeAttribute("aria-invalid");
      if (box) box.textContent = "";
    }, { once: true });
    control.focus();
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
      // optional endpoint
    }
  }

  // ---- success and error ----------------------------------------------------------------------------------

  buildSuccess() {
    const t = this.ticket;
    const url = absoluteUrl(t.url, this.settings.baseUrl) || `#/tickets/${encodeURIComponent(t.key)}`;
    return h("section", { class: "card", id: "success", "aria-labelledby": "success-title" },
      h("div", { class: "card__head card__head--start" }, h("div", { class: "success__icon", "aria-hidden": "true" }, "✓"),
        h("h2", { id: "success-title", tabindex: "-1" }, "Ticket created")),
      h("a", { class: "success__link", id: "ticket-link", href: url, target: "_blank", rel: "noopener" },
        `${t.key}${t.summary ? ` — ${t.summary}` : ""}`),
      t.queued === false
        ? h("p", { class: "muted" }, "Not queued for the loop (auto-dispatch is off, or it is queued already).")
        : h("p", { class: "muted", id: "queued-note" }, t.queued ? "Queued for the loop: follow it on the " : "Follow it on the ",
          h("a", { href: "#/loop" }, "Loop"), " page."),
      h("div", { class: "actions actions--start" },
        h("button", { class: "btn btn--primary", type: "button", id: "record-another", onclick: () => this.another() }, "Record another")));
  }

  another() {
    this.resetSession();
    this.go("idle", { focus: false });
    this.recordButton.focus();
  }

  buildError() {
    const e = this.error || { message: "Something went wrong." };
    const needsSettings = ["network", "auth", "mic-device", "timeout"].includes(e.kind);
    const speechDown = e.status === 503 && this.audio;
    return h("section", { class: "card", id: "error", "aria-labelledby": "error-title" },
      h("h2", { id: "error-title", tabindex: "-1" }, titleFor(e)),
      h("p", { class: "notice notice--error", id: "error-message" }, e.message),
      speechDown ? h("p", { class: "muted" }, "Your recording is kept: try again later, or type the request below.") : null,
      h("div", { class: "actions actions--start" },
        e.retry ? h("button", { class: "btn btn--primary", type: "button", id: "retry", onclick: () => e.retry() }, "Try again") : null,
        needsSettings ? h("button", { class: "btn", type: "button", id: "error-settings", onclick: () => this.openSettings() }, "Open settings") : null,
        h("button", { class: "btn", type: "button", id: "type-instead", onclick: () => this.typed.text.focus() }, "Type instead"),
        h("button", { class: "btn btn--ghost", type: "button", id: "start-over", onclick: () => { this.dropAudio(); this.another(); } }, "Start over")));
  }
}

function titleFor(error) {
  if (error.kind === "network") return "The server cannot be reached";
  if (error.kind === "auth") return "The API token was rejected";
  if (error.kind && error.kind.startsWith("mic-")) return "The microphone is not available";
  if (error.status === 503) return "The server cannot do this right now";
  return "That did not work";
}

function normaliseField(name) {
  const n = String(name).replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase().replace(/^overrides\./, "");
  if (n === "type") return "issue_type";
  if (n === "acceptance" || n === "criteria") return "acceptance_criteria";
  if (n === "project_key") return "project";
  return n;
}
