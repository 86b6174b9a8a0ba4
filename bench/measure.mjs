// Timing helpers: warm up, run N iterations, report mean / p50 / p95 in milliseconds.
import { performance } from 'node:perf_hooks';

export function summarise(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  return { n: sorted.length, mean, p50: at(0.5), p95: at(0.95) };
}

/** Runs fn(i) `warmup` times untimed, then `iterations` times timed. fn may return a Promise. */
export async function measure(fn, { warmup = 20, iterations = 200 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    const r = fn(warmup + i);
    if (r && typeof r.then === 'function') await r;
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/** Synchronous variant: no await between iterations, so microtask overhead does not blur sub-ms figures. */
export function measureSync(fn, { warmup = 20, iterations = 200 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn(warmup + i);
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

/**
 * A whole-stack figure and its floor measured in turn, sample by sample, so both see the same machine (a
 * busy neighbour, a checkpoint, a GC) instead of one running in a quiet minute and the other in a noisy one.
 * The order swaps every sample (a b, b a, a b, ...): whichever runs second finds the same input's data still
 * in the CPU's caches (the same index pages, the same rows), which made a floor measured always second look
 * about 15% faster than the very same floor measured first. fa and fb may return Promises. Returns
 * [summary of fa, summary of fb].
 */
export async function measurePair(fa, fb, { warmup = 20, iterations = 200 } = {}) {
  for (let i = 0; i < warmup; i++) {
    await fa(i);
    await fb(i);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < iterations; i++) {
    for (const [fn, samples] of i % 2 === 0 ? [[fa, a], [fb, b]] : [[fb, b], [fa, a]]) {
      const t0 = performance.now();
      const r = fn(warmup + i);
      if (r && typeof r.then === 'function') await r;
      samples.push(performance.now() - t0);
    }
  }
  return [summarise(a), summarise(b)];
}

/** Deterministic PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
