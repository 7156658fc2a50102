// 16 kHz mono 16-bit PCM WAV from captured Float32 samples.

export const TARGET_RATE = 16000;

/** Joins Float32Array chunks into one array. */
export function concat(chunks) {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

/**
 * Resamples to 16 kHz. Uses the browser's own resampler (OfflineAudioContext, band-limited) when it can,
 * otherwise a windowed-sinc low-pass plus linear interpolation.
 */
export async function resample(samples, fromRate, toRate = TARGET_RATE) {
  if (fromRate === toRate || samples.length === 0) return samples;
  const length = Math.max(1, Math.round(samples.length * toRate / fromRate));
  try {
    const ctx = new OfflineAudioContext(1, length, toRate);
    const buffer = ctx.createBuffer(1, samples.length, fromRate);
    buffer.copyToChannel(samples, 0);
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    src.connect(ctx.destination);
    src.start();
    const rendered = await ctx.startRendering();
    return rendered.getChannelData(0).slice();
  } catch {
    return resampleSinc(samples, fromRate, toRate, length);
  }
}

function resampleSinc(samples, fromRate, toRate, length) {
  const filtered = toRate < fromRate ? lowPass(samples, (toRate / fromRate) * 0.5 * 0.9) : samples;
  const out = new Float32Array(length);
  const step = fromRate / toRate;
  for (let i = 0; i < length; i++) {
    const pos = i * step;
    const j = Math.floor(pos);
    const frac = pos - j;
    const a = filtered[j] ?? 0;
    const b = filtered[j + 1] ?? a;
    out[i] = a + (b - a) * frac;
  }
  return out;
}

function lowPass(samples, cutoff, taps = 31) {
  const half = (taps - 1) / 2;
  const kernel = new Float32Array(taps);
  let sum = 0;
  for (let i = 0; i < taps; i++) {
    const n = i - half;
    const sinc = n === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
    const window = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (taps - 1));
    kernel[i] = sinc * window;
    sum += kernel[i];
  }
  for (let i = 0; i < taps; i++) kernel[i] /= sum;
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    let acc = 0;
    for (let k = 0; k < taps; k++) {
      const idx = i + k - half;
      if (idx >= 0 && idx < samples.length) acc += samples[idx] * kernel[k];
    }
    out[i] = acc;
  }
  return out;
}

/** Encodes mono Float32 samples as a 16-bit PCM WAV Blob. */
export function encodeWav(samples, rate = TARGET_RATE) {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (offset, s) => { for (let i = 0; i < s.length; i++) view.setUint8(offset + i, s.charCodeAt(i)); };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  let offset = 44;
  for (let i = 0; i < samples.length; i++, offset += 2) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    view.setInt16(offset, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return new Blob([buffer], { type: "audio/wav" });
}

/** Peak per bar for a waveform drawing, 0..1. */
export function peaks(samples, bars = 120) {
  const out = new Array(bars).fill(0);
  if (samples.length === 0) return out;
  const size = Math.max(1, Math.floor(samples.length / bars));
  for (let b = 0; b < bars; b++) {
    let max = 0;
    const end = Math.min(samples.length, (b + 1) * size);
    for (let i = b * size; i < end; i++) {
      const v = Math.abs(samples[i]);
      if (v > max) max = v;
    }
    out[b] = max;
  }
  const top = Math.max(...out, 1e-6);
  return out.map((v) => v / top);
}

export function rmsOf(samples) {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}
