// The recorder card, shown while idle, recording, holding a recording, done or failed: the record button, the
// level meter and timer while recording, and the playback preview of a finished recording.

import { clock, h, svg } from "../dom.js";

const MIC_ICON = () => svg("svg", { viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": 2, "aria-hidden": "true" },
  svg("rect", { x: 9, y: 2, width: 6, height: 12, rx: 3 }),
  svg("path", { d: "M5 10a7 7 0 0 0 14 0M12 17v5M8 22h8" }));
const STOP_ICON = () => svg("svg", { viewBox: "0 0 24 24", fill: "currentColor", "aria-hidden": "true" },
  svg("rect", { x: 6, y: 6, width: 12, height: 12, rx: 2 }));

export class RecorderView {
  /** @param on {toggle, discard, send}: what the buttons do */
  constructor({ maxSeconds, on }) {
    Object.assign(this, { maxSeconds, on });
    this.meterBars = null;
    this.timer = null;
  }

  build(state) {
    const p = state.phase;
    const recording = p === "recording";
    const busy = p === "processing";
    const label = recording ? "Stop recording" : busy ? "Processing" : "Start recording";
    this.recordButton = h("button", {
      class: "record", type: "button", id: "record", "aria-pressed": recording ? "true" : "false",
      "aria-label": label, disabled: busy || p === "recorded", onclick: () => this.on.toggle(),
    }, h("span", { class: "record__ring", "aria-hidden": "true" }), h("span", { class: "record__ring", "aria-hidden": "true" }),
    recording ? STOP_ICON() : MIC_ICON());
    this.sendButton = null;
    this.meterBars = null;
    this.timer = null;
    const card = h("section", { class: "card recorder", "aria-labelledby": "rec-title" },
      h("h2", { class: "card__label", id: "rec-title" }, "Speak your request"));
    card.append(this.recordButton);
    if (recording) {
      this.meterBars = [0, 1, 2, 3, 4].map(() => h("span", { class: "meter__bar" }));
      this.meter = h("div", { class: "meter", id: "meter", "aria-hidden": "true" }, this.meterBars);
      this.timer = h("span", { class: "timer", id: "timer", role: "timer", "aria-live": "off" }, clock(0));
      card.append(this.meter,
        h("p", {}, this.timer, h("span", { class: "faint" }, ` / ${clock(this.maxSeconds())}`)),
        h("p", { class: "hint" }, h("kbd", {}, "Space"), " to stop (or release it if you held it) · ", h("kbd", {}, "Esc"), " to cancel"));
    } else if (p === "recorded") {
      card.append(this.preview(state.audio));
    } else if (busy) {
      card.append(h("p", { class: "hint" }, "Working on it…"));
    } else {
      card.append(h("p", { class: "hint" }, "Press ", h("kbd", {}, "Space"), " or the button to record, again to stop."));
    }
    return card;
  }

  /** The element to focus after a render in {@code phase}, if this card has one. */
  focusTarget(phase) {
    if (phase === "recording") return this.recordButton;
    if (phase === "recorded") return this.sendButton;
    return null;
  }

  preview(audio) {
    const wave = svg("svg", { class: "waveform", viewBox: `0 0 ${audio.peaks.length * 3} 48`, preserveAspectRatio: "none", "aria-hidden": "true" },
      audio.peaks.map((v, i) => {
        const height = Math.max(2, v * 46);
        return svg("rect", { x: i * 3, y: (48 - height) / 2, width: 2, height, rx: 1, opacity: (0.7 + v * 0.3).toFixed(2) });
      }));
    this.sendButton = h("button", { class: "btn btn--primary", type: "button", id: "send-audio", onclick: () => this.on.send() }, "Send");
    return h("div", { class: "run", id: "audio-preview", style: "width:100%" },
      h("div", { class: "card__head" }, h("h3", {}, "Recording preview"), h("span", { class: "timer", id: "audio-duration" }, clock(audio.seconds))),
      wave,
      h("audio", { controls: true, src: audio.url, preload: "metadata", "aria-label": "Play back the recording" }),
      h("div", { class: "actions" },
        h("button", { class: "btn", type: "button", id: "discard-audio", onclick: () => this.on.discard() }, "Discard"),
        this.sendButton));
  }

  /** Seconds recorded so far, while recording. */
  elapsed(seconds) {
    if (this.timer) this.timer.textContent = clock(seconds);
  }

  /** The last five input levels (0..1), newest last, while recording. */
  levels(levels) {
    if (!this.meterBars) return;
    this.meterBars.forEach((bar, i) => { bar.style.transform = `scaleY(${(0.15 + levels[i] * 0.85).toFixed(3)})`; });
    this.meter.dataset.level = levels[levels.length - 1].toFixed(3);
  }
}
