/**
 * Variant rules applied to a network's shape: which hidden neuron gets which activation.
 * Pure; the experiment's variants and the main view's "Set pattern…" (one layer or the whole
 * network) both use `applyRule`.
 */
import { Rng, activationInfo, type ActivationId } from '../nn';
import type { VariantRule } from './definition';

type Hidden = readonly (readonly ActivationId[])[];

/**
 * Salt of the generator that picks a fraction rule's neurons. Its draws depend on the seed and
 * the layer only, never on the activations or on p, so every variant of one seed picks the
 * same neurons (paired by construction) and a larger p adds neurons without removing any.
 */
const FRACTION_SALT = 0x3c6ef372;

/**
 * The order in which a fraction rule turns the neurons of layer `layer` (0-based) to y as p
 * grows: a permutation of 0..size−1 drawn from the seed. The first round(p · size) get y.
 * The same for one layer alone as for that layer of the whole network.
 */
export function fractionOrder(size: number, layer: number, seed: number): number[] {
  const rng = new Rng((seed ^ FRACTION_SALT ^ Math.imul(layer + 1, 0x9e3779b9)) >>> 0);
  const order = Array.from({ length: size }, (_, j) => j);
  return rng.shuffle(order);
}

/**
 * Neurons of a layer of `size` that a fraction p turns to y: round(p · size), halves rounded
 * up. Computed in thousandths, why: p·size in floating point can land just below a half
 * (0.7 · 5 is 3.4999…), and the count should not depend on that.
 */
export function fractionCount(p: number, size: number): number {
  return Math.round((Math.round(p * 1000) * size) / 1000);
}

/** The activations of layer `layer` (0-based) with `size` neurons under `rule`. */
function layerActivations(
  rule: VariantRule,
  current: readonly ActivationId[],
  layer: number,
  seed: number,
): ActivationId[] {
  const size = current.length;
  switch (rule.kind) {
    case 'asSet':
      return [...current];
    case 'choose':
      return current.map(() => 'mixture');
    case 'all':
      return current.map(() => rule.x);
    case 'alternate':
      return current.map((_, j) => (j % 2 === 0 ? rule.x : rule.y));
    case 'halves': {
      const first = Math.ceil(size / 2);
      return current.map((_, j) => (j < first ? rule.x : rule.y));
    }
    case 'fraction': {
      const ids: ActivationId[] = current.map(() => rule.x);
      const picked = fractionOrder(size, layer, seed).slice(0, fractionCount(rule.p, size));
      for (const j of picked) ids[j] = rule.y;
      return ids;
    }
  }
}

/**
 * The hidden activations `rule` makes of the network `hidden` (its shape is kept).
 * @param seed the run's seed: it picks a fraction rule's neurons (other rules ignore it)
 * @param layer only this hidden layer (0-based) changes when given; the rest stay as they are
 */
export function applyRule(
  rule: VariantRule,
  hidden: Hidden,
  seed: number,
  layer?: number,
): ActivationId[][] {
  return hidden.map((ids, l) =>
    layer === undefined || layer === l ? layerActivations(rule, ids, l, seed) : [...ids],
  );
}

/** A rule in words, the default name of a variant: "All tanh", "Sine in 25% of each layer, rest tanh". */
export function ruleLabel(rule: VariantRule): string {
  if (rule.kind === 'asSet') return 'As set';
  if (rule.kind === 'choose') return `Let the network choose, freeze at epoch ${rule.freezeAt}`;
  const x = activationInfo(rule.x).label;
  if (rule.kind === 'all') return `All ${x}`;
  const y = activationInfo(rule.y).label;
  switch (rule.kind) {
    case 'alternate':
      return `${x} and ${y} alternating`;
    case 'halves':
      return `${x} then ${y} (halves)`;
    case 'fraction':
      return `${y} in ${percent(rule.p)} of each layer, rest ${x}`;
  }
}

function percent(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}

/** The epoch after which a run of `rule` freezes its learned choices, or null for none. */
export function freezeEpochOf(rule: VariantRule): number | null {
  return rule.kind === 'choose' ? rule.freezeAt : null;
}
