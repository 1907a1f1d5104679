/**
 * A learned neuron's current shape from its parameters: its curve's values (the engine's own
 * `learnedActivationValue`, so the picture cannot disagree with what trains), a mixture's
 * blend (the softmax of its α) and the words the page says about it. Pure.
 */
import { activationInfo, learnedActivationValue, type FixedActivationId } from '../../nn';
import type { LearnedId, MixPalette } from './contract';

/** Parameter values before the first frame: PReLU's a, Swish's β, a mix's α (all 0). */
export const DEFAULT_PRELU_SLOPE = 0.25;
export const DEFAULT_SWISH_BETA = 1;

/** A neuron's parameters: `values[start ..]`, or its defaults when `values` is null. */
export interface LearnedParams {
  readonly values: Float64Array | readonly number[] | null;
  readonly start: number;
}

function param(p: LearnedParams, k: number, fallback: number): number {
  const value = p.values?.[p.start + k];
  return value === undefined ? fallback : value;
}

/** The neuron's own parameters, in order (defaults before the first frame). */
export function neuronParams(id: LearnedId, p: LearnedParams, paletteSize: number): number[] {
  const count = id === 'mixture' ? paletteSize : 1;
  const fallback = id === 'prelu' ? DEFAULT_PRELU_SLOPE : id === 'swish' ? DEFAULT_SWISH_BETA : 0;
  return Array.from({ length: count }, (_, k) => param(p, k, fallback));
}

/**
 * Sets `out[k]` to the mixture's weight of palette entry k, softmax(α)_k, for k < `out.length`.
 * Why the maximum is subtracted first: exp of a large α would overflow to Infinity and the
 * shares to NaN; softmax is unchanged by a shift.
 */
export function blendInto(p: LearnedParams, out: Float64Array): Float64Array {
  const n = out.length;
  let max = -Infinity;
  for (let k = 0; k < n; k++) max = Math.max(max, param(p, k, 0));
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const e = Math.exp(param(p, k, 0) - max);
    out[k] = e;
    sum += e;
  }
  for (let k = 0; k < n; k++) out[k] = sum > 0 && Number.isFinite(sum) ? (out[k] ?? 0) / sum : NaN;
  return out;
}

/** f(x) of learned activation `id` with the neuron's parameters `params` over `palette`. */
export function learnedValue(
  id: LearnedId,
  params: ArrayLike<number>,
  palette: MixPalette,
  x: number,
): number {
  return learnedActivationValue(id, x, params, palette);
}

/** A number as the page writes a learned value: 2 decimals, 2 significant digits below 0.1. */
export function formatParam(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 0.1 || value === 0 ? value.toFixed(2) : value.toPrecision(2);
}

/** Entries of a blend, largest first (ties: palette order). */
export function rankedBlend(
  palette: MixPalette,
  weights: ArrayLike<number>,
): { id: FixedActivationId; share: number }[] {
  return palette
    .map((id, k) => ({ id, share: weights[k] ?? 0, k }))
    .sort((a, b) => b.share - a.share || a.k - b.k)
    .map(({ id, share }) => ({ id, share }));
}

/** "71%": a share as a whole percentage. */
export function percent(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)}%` : '?%';
}

/** Palette entries a neuron's name gives before "…". */
const NAMED_ENTRIES = 2;

/**
 * What follows a learned neuron's label in its name: ": 71% Sine, 18% Tanh, …" for a mix,
 * ", slope a = 0.21" for PReLU, ", β = 1.04" for Swish.
 */
export function learnedWords(id: LearnedId, p: LearnedParams, palette: MixPalette): string {
  if (id === 'prelu') return `, slope a = ${formatParam(param(p, 0, DEFAULT_PRELU_SLOPE))}`;
  if (id === 'swish') return `, β = ${formatParam(param(p, 0, DEFAULT_SWISH_BETA))}`;
  const weights = blendInto(p, new Float64Array(palette.length));
  const ranked = rankedBlend(palette, weights);
  const named = ranked
    .slice(0, NAMED_ENTRIES)
    .map((entry) => `${percent(entry.share)} ${activationInfo(entry.id).label}`);
  return `: ${named.join(', ')}${ranked.length > NAMED_ENTRIES ? ', …' : ''}`;
}
