/**
 * The custom activation: f(x) typed by the person, one expression per network. The engine
 * knows no expressions: whoever builds the network (the worker, from the configuration's text,
 * compiled by src/expr) hands it the compiled kernels with `setCustomActivation`, and every
 * neuron whose activation is `custom` runs them on every path (training, heatmaps, statistics).
 *
 * Its neurons take the path of the learned activations (learnedPass.ts), with no
 * parameters: code CUSTOM_ACTIVATION_CODE is beyond every table, so the passes send it there.
 */
import type { Run } from './activationEntry';
import type { LearnedActivationEntry } from './learnedEntry';
import type { Network } from './network';

export const CUSTOM_ACTIVATION_ID = 'custom' as const;

/** The code a custom neuron stores: the largest a code can be, past every table. */
export const CUSTOM_ACTIVATION_CODE = 255;

/** What the page shows of the custom activation (its formula is the network's text). */
export const CUSTOM_ACTIVATION_INFO = {
  id: CUSTOM_ACTIVATION_ID,
  label: 'Custom: f(x)',
  formula: 'f(x), as typed',
  range: [-Infinity, Infinity] as const,
  initFamily: 'xavier' as const,
  parameterCount: 0,
};

/** The compiled custom activation: exact f and f′, and the run kernel over both. */
export interface CustomKernel {
  readonly value: (x: number) => number;
  readonly derivative: (x: number) => number;
  /** Sets `out[i]` = f(`pre[i]`) and `slope[i]` = f′(`pre[i]`) for start ≤ i < end. */
  readonly run: Run;
}

/** The learned-path entry that runs `kernel` (learnedEntry.ts says what each kernel sets). */
function customEntry(kernel: CustomKernel): LearnedActivationEntry<typeof CUSTOM_ACTIVATION_ID> {
  return {
    ...CUSTOM_ACTIVATION_INFO,
    learns: 'nothing: f(x) is fixed',
    defaultParameter: 0,
    value: (x) => kernel.value(x),
    run(net, first, end, rows) {
      kernel.run(net.pre, net.out, net.learnedSlope, first * rows, end * rows);
      // 1 here, f′ in learnedSlope: the learned pass multiplies it in (exactly, as ·1 is).
      net.slope.fill(1, first * rows, end * rows);
    },
    display(_net, _p0, tile, at, count) {
      // Exact, not tabulated: an expression has no table, and the heatmaps have few points.
      for (let p = at; p < at + count; p++) tile[p] = kernel.value(tile[p] as number);
    },
  };
}

/** Gives the network its custom activation (every `custom` neuron's f), or none (NaN). */
export function setCustomActivation(net: Network, kernel: CustomKernel | null): void {
  net.customActivation = kernel === null ? null : customEntry(kernel);
}
