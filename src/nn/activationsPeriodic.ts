/** The periodic activations, sine and cosine = sin(x + π/2). */
import { defineActivation, type Run } from './activationEntry';
import { cos, sin, SIN_NEAR_MAX, SIN_NEAR_MIN, sinCycle, sinStepNear } from './exactMath';

/** sin(x + q·π/2) for q = 0 to 3, filled by `sinCycle`. */
const cycle = new Float64Array(4);

/**
 * sin (quarterTurns = 0) or cos (1) = sin(x + π/2), with slope sin(x + (quarterTurns + 1)·π/2):
 * one argument reduction gives both. Shared by the two runs below, which only pass a number,
 * so V8 still compiles it with its kernel inlined. The range of the kernel is checked once for
 * the run (see exactMath `sinStepNear`); the values outside it are redone with `sinCycle`.
 */
function sineRun(
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
  quarterTurns: number,
): void {
  const low = SIN_NEAR_MIN; // read once: a module's constant is loaded at every use
  const high = SIN_NEAR_MAX;
  let outside = false;
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const a = Math.abs(x);
    if (!(a >= low && a < high)) outside = true;
    out[i] = sinStepNear(x, quarterTurns, slope, i);
  }
  if (!outside) return;
  const turns = cycle;
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const a = Math.abs(x);
    if (a >= low && a < high) continue;
    sinCycle(x, turns);
    out[i] = turns[quarterTurns] as number;
    slope[i] = turns[quarterTurns + 1] as number;
  }
}

const sinRun: Run = (pre, out, slope, start, end) => sineRun(pre, out, slope, start, end, 0);
const cosRun: Run = (pre, out, slope, start, end) => sineRun(pre, out, slope, start, end, 1);

export const sine = defineActivation({
  id: 'sin',
  label: 'Sine',
  formula: 'sin(x)',
  range: [-1, 1],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => sin(x),
  derivative: (x) => cos(x),
  run: sinRun,
  display: { kind: 'sine', phase: 0 },
});

export const cosine = defineActivation({
  id: 'cos',
  label: 'Cosine',
  formula: 'cos(x)',
  range: [-1, 1],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => cos(x),
  derivative: (x) => -sin(x),
  run: cosRun,
  display: { kind: 'sine', phase: Math.PI / 2 },
});
