// AudioWorklet processor: down-mixes the microphone to mono, hands the samples to the page in blocks, and
// reports the RMS level every 50 ms of audio (measured in real time, whatever the device rate).
class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.block = new Float32Array(4096);
    this.filled = 0;
    this.levelWindow = Math.max(1, Math.round(sampleRate * 0.05));
    this.levelCount = 0;
    this.levelSum = 0;
    this.stopped = false;
    this.port.onmessage = (e) => {
      if (e.data === "flush") {
        this.flush();
        this.port.postMessage({ type: "flushed" });
      } else if (e.data === "stop") {
        this.flush();
        this.stopped = true;
        this.port.postMessage({ type: "flushed" });
      }
    };
  }

  flush() {
    if (this.filled > 0) {
      const out = this.block.slice(0, this.filled);
      this.port.postMessage({ type: "samples", samples: out }, [out.buffer]);
      this.filled = 0;
    }
  }

  process(inputs) {
    if (this.stopped) return false;
    const input = inputs[0];
    if (!input || input.length === 0) return true;
    const frames = input[0].length;
    const channels = input.length;
    for (let i = 0; i < frames; i++) {
      let s = 0;
      for (let c = 0; c < channels; c++) s += input[c][i];
      s /= channels;
      if (s > 1) s = 1; else if (s < -1) s = -1;
      this.block[this.filled++] = s;
      if (this.filled === this.block.length) this.flush();
      this.levelSum += s * s;
      this.levelCount++;
      if (this.levelCount >= this.levelWindow) {
        this.port.postMessage({ type: "level", rms: Math.sqrt(this.levelSum / this.levelCount) });
        this.levelSum = 0;
        this.levelCount = 0;
      }
    }
    return true;
  }
}

registerProcessor("voxloop-capture", CaptureProcessor);
