// Microphone capture: getUserMedia -> AudioWorklet -> 16 kHz mono 16-bit WAV, with a live RMS level.

import { concat, encodeWav, peaks, resample, rmsOf, TARGET_RATE } from "./wav.js";

export class MicError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = "MicError";
    this.kind = kind;
  }
}

/** Turns a getUserMedia / AudioContext failure into words a person can act on. */
export function explainMicError(err) {
  if (err instanceof MicError) return err;
  const name = err && err.name;
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
      return new MicError("permission",
        "Microphone access is blocked. Allow it for this site (the icon left of the address bar), then press Space again. You can also type your request.");
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return new MicError("device",
        "No microphone was found, or the one chosen in Settings is gone. Plug one in or pick another in Settings → Microphone.");
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return new MicError("busy",
        "The microphone could not be opened. Another app may be using it; close it and try again.");
    case "SecurityError":
      return new MicError("insecure", "Recording needs a secure page: open the console over https or on localhost.");
    default:
      return new MicError("unknown", `Recording failed: ${(err && err.message) || "unknown error"}. You can type your request instead.`);
  }
}

export class Recorder {
  constructor({ workletUrl = new URL("./capture-worklet.js", import.meta.url) } = {}) {
    this.workletUrl = workletUrl;
    this.active = false;
  }

  static supported() {
    return Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.AudioWorkletNode);
  }

  /**
   * @param deviceId microphone id from Settings ("" = default)
   * @param onLevel  called with a 0..1 level about 20 times a second
   */
  async start({ deviceId = "", onLevel = () => {} } = {}) {
    if (this.active) throw new MicError("busy", "Already recording.");
    if (!window.isSecureContext) {
      throw new MicError("insecure", "Recording needs a secure page: open the console over https or on localhost.");
    }
    if (!Recorder.supported()) {
      throw new MicError("unsupported", "This browser cannot record audio here. Type your request instead.");
    }
    const audio = { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true };
    if (deviceId) audio.deviceId = { exact: deviceId };
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio });
    } catch (err) {
      throw explainMicError(err);
    }
    try {
      const ctx = new AudioContext();
      await ctx.audioWorklet.addModule(this.workletUrl);
      const source = ctx.createMediaStreamSource(stream);
      const node = new AudioWorkletNode(ctx, "voxloop-capture", { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
      const mute = ctx.createGain();
      mute.gain.value = 0;
      source.connect(node);
      node.connect(mute);
      mute.connect(ctx.destination);
      this.chunks = [];
      this.flushWaiters = [];
      node.port.onmessage = (e) => {
        const msg = e.data;
        if (msg.type === "samples") this.chunks.push(msg.samples);
        else if (msg.type === "level") onLevel(Math.min(1, msg.rms * 5));
        else if (msg.type === "flushed") this.flushWaiters.splice(0).forEach((resolve) => resolve());
      };
      if (ctx.state === "suspended") await ctx.resume();
      Object.assign(this, { stream, ctx, source, node, mute, active: true, startedAt: performance.now() });
    } catch (err) {
      stream.getTracks().forEach((t) => t.stop());
      throw explainMicError(err);
    }
  }

  elapsedSeconds() {
    return this.active ? (performance.now() - this.startedAt) / 1000 : 0;
  }

  /** Stops and returns { blob (audio/wav, 16 kHz mono), seconds, peaks, rms }. */
  async stop() {
    if (!this.active) throw new MicError("busy", "Not recording.");
    const flushed = new Promise((resolve) => {
      this.flushWaiters.push(resolve);
      setTimeout(resolve, 500);
    });
    this.node.port.postMessage("stop");
    await flushed;
    const rate = this.ctx.sampleRate;
    const raw = concat(this.chunks);
    this.release();
    const samples = await resample(raw, rate, TARGET_RATE);
    return {
      blob: encodeWav(samples, TARGET_RATE),
      seconds: samples.length / TARGET_RATE,
      peaks: peaks(samples),
      rms: rmsOf(samples),
    };
  }

  cancel() {
    if (this.active) this.release();
  }

  release() {
    this.active = false;
    try { this.source.disconnect(); this.node.disconnect(); this.mute.disconnect(); } catch { /* already gone */ }
    this.stream.getTracks().forEach((t) => t.stop());
    this.ctx.close().catch(() => {});
    this.chunks = [];
  }
}

/** Audio input devices; labels are empty until the person has granted access once. */
export async function listMicrophones() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.enumerateDevices) return [];
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    return devices.filter((d) => d.kind === "audioinput");
  } catch {
    return [];
  }
}
