// Recording on the voice page: Space to start and stop (held down: release to stop), Escape to cancel or to
// drop a finished recording, the timer and level meter, and the length limit.

import { isControlTarget, isTypingTarget, clock } from "../dom.js";
import { MicError } from "../recorder.js";
import { READY_PHASES } from "./state.js";

/** A Space held longer than this is hold-to-talk: releasing it stops the recording. */
const HOLD_MS = 600;

export class Recording {
  /** @param page the voice page: its state, dispatch, view of the recorder and the shared services */
  constructor(page) {
    this.page = page;
    this.levels = [0, 0, 0, 0, 0];
  }

  get phase() {
    return this.page.state.phase;
  }

  key(e) {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    if (document.querySelector("[role=dialog]:not([hidden])")) return;
    if (isTypingTarget(e.target)) return;
    if (e.code === "Space" || e.key === " ") {
      if (isControlTarget(e.target)) return; // the focused button handles its own Space
      if ([...READY_PHASES, "recording"].includes(this.phase)) {
        e.preventDefault();
        if (e.repeat) return;
        this.spaceDown = this.phase === "recording" ? null : performance.now();
        this.toggle();
      }
    } else if (e.key === "Escape") {
      if (this.phase === "recording") {
        e.preventDefault();
        this.cancel();
      } else if (this.phase === "recorded") {
        e.preventDefault();
        this.discard();
      }
    }
  }

  keyUp(e) {
    if (!(e.code === "Space" || e.key === " ") || this.spaceDown == null) return;
    const held = performance.now() - this.spaceDown;
    this.spaceDown = null;
    if (held < HOLD_MS) return; // a tap: keep recording until the next Space
    if (this.phase === "recording") this.stop();
    else if (this.starting) this.stopWhenStarted = true;
  }

  async toggle() {
    if (this.phase === "recording") return this.stop();
    if (!READY_PHASES.includes(this.phase) || this.starting) return undefined;
    return this.start();
  }

  async start() {
    const p = this.page;
    this.starting = true;
    p.dispatch({ type: "session-reset" });
    this.levels = [0, 0, 0, 0, 0];
    try {
      await p.recorder.start({ deviceId: p.settings.micDeviceId, onLevel: (v) => this.level(v) });
      p.log.add("Recording started");
      p.announce("Recording. Press Space to stop, Escape to cancel.");
      p.go("recording");
      if (this.stopWhenStarted) this.stop();
    } catch (err) {
      const e = err instanceof MicError ? err : new MicError("unknown", String(err && err.message));
      p.log.add(`Microphone error: ${e.message}`);
      p.fail(e.message, { kind: `mic-${e.kind}`, retry: null });
    } finally {
      this.starting = false;
      this.stopWhenStarted = false;
    }
  }

  async stop() {
    const p = this.page;
    if (this.phase !== "recording") return;
    clearInterval(p.ticker);
    p.go("stopping", { quiet: true });
    try {
      const result = await p.recorder.stop();
      this.keep(result);
      p.log.add(`Recording stopped (${result.seconds.toFixed(1)} s, ${Math.round(result.blob.size / 1024)} KB WAV)`);
      p.announce(`Recorded ${Math.round(result.seconds)} seconds. Play it back, send it or discard it.`);
      p.go("recorded");
    } catch (err) {
      p.fail(`Could not finish the recording: ${err.message}`, { kind: "mic-unknown" });
    }
  }

  cancel() {
    const p = this.page;
    p.recorder.cancel();
    p.log.add("Recording cancelled");
    p.toasts.info("Recording cancelled.");
    p.go("idle");
  }

  /** Holds a finished recording (with a URL to play it back) in place of any earlier one. */
  keep(result) {
    this.drop();
    this.page.dispatch({ type: "audio", audio: { ...result, url: URL.createObjectURL(result.blob) } });
  }

  drop() {
    const audio = this.page.state.audio;
    if (audio) URL.revokeObjectURL(audio.url);
    this.page.dispatch({ type: "audio", audio: null });
  }

  discard() {
    const p = this.page;
    this.drop();
    p.log.add("Recording discarded");
    p.toasts.info("Recording discarded.");
    p.go("idle");
  }

  /** Every 200 ms while recording: the timer, and the stop at the length limit. */
  tick() {
    const p = this.page;
    if (this.phase !== "recording") return;
    const elapsed = p.recorder.elapsedSeconds();
    p.recorderView.elapsed(elapsed);
    if (elapsed >= p.settings.maxSeconds) {
      p.toasts.info(`Stopped at the maximum length (${clock(p.settings.maxSeconds)}).`);
      this.stop();
    }
  }

  level(value) {
    this.levels.push(value);
    this.levels.shift();
    this.page.recorderView.levels(this.levels);
  }
}
