/**
 * What the learned-activation views need of the engine, the store and the frames (issue 9's
 * contract between the engine side and the page side), in one place, so the views import it
 * from here and nowhere else.
 */
import type { PlaygroundConfig } from '../../config';
import { ACTIVATIONS, type ActivationId } from '../../nn';
import type { Frame } from '../../worker/protocol';

/** The activations that learn parameters per neuron, in the palette's order. */
export const LEARNED_IDS = ['prelu', 'swish', 'mixture'] as const;
export type LearnedId = (typeof LEARNED_IDS)[number];

/** Any activation id, fixed or learned. */
export type AnyActivationId = ActivationId | LearnedId;

/** Whether `id` learns parameters while training. */
export function isLearned(id: string): id is LearnedId {
  return (LEARNED_IDS as readonly string[]).includes(id);
}

/** The mixture's default palette (the `mixPalette` setting's default). */
export const DEFAULT_MIX_PALETTE: readonly ActivationId[] = [
  'relu',
  'tanh',
  'sin',
  'gaussian',
  'sigmoid',
  'linear',
];

/** The fixed activations, in palette order (those a learned mix may blend). */
export const FIXED_ACTIVATIONS = ACTIVATIONS.filter((a) => !isLearned(a.id));

/** The palette a learned mix blends in `config`. */
export function mixPaletteOf(config: PlaygroundConfig): readonly ActivationId[] {
  return (config as { mixPalette?: readonly ActivationId[] }).mixPalette ?? DEFAULT_MIX_PALETTE;
}

/** Learned parameters per neuron of activation `id` with a palette of `paletteSize`. */
export function parameterCountOf(id: string, paletteSize: number): number {
  if (id === 'mixture') return paletteSize;
  return id === 'prelu' || id === 'swish' ? 1 : 0;
}

/** Where each hidden neuron's learned parameters start in a frame's `activationParams`. */
export interface ParamLayout {
  /** Per hidden neuron in layer order, plus a sentinel (the total). */
  readonly start: Int32Array;
  readonly count: number;
}

/** The learned-parameter layout of a network (the contract's `activationParamLayout`). */
export function activationParamLayout(
  hidden: readonly (readonly string[])[],
  paletteSize: number,
): ParamLayout {
  const ids = hidden.flat();
  const start = new Int32Array(ids.length + 1);
  let at = 0;
  ids.forEach((id, i) => {
    start[i] = at;
    at += parameterCountOf(id, paletteSize);
  });
  start[ids.length] = at;
  return { start, count: at };
}

/** The frame's learned parameters, or null when it carries none. */
export function frameParams(frame: Frame | null): Float64Array | null {
  const params = (frame as { activationParams?: Float64Array } | null)?.activationParams;
  return params ?? null;
}

/** Sets the palette a learned mix blends (the `mixPalette` setting); false when refused. */
export function setMixPalette(
  set: (key: never, value: unknown) => boolean,
  palette: readonly ActivationId[],
): boolean {
  return (set as (key: string, value: unknown) => boolean)('mixPalette', palette);
}

/** The store actions of issue 9 (state/actions.ts). */
export interface LearnedActions {
  /** Every hidden neuron (or layer `layer`'s, from 1) becomes a learned mix; training starts. */
  letNetworkChoose(layer: number | 'all'): unknown;
  /** Every learned mix becomes its largest entry; weights kept, training goes on. */
  freezeChoices(): unknown;
  /** Back to the state just before the freeze. */
  undoFreeze(): unknown;
}

/** The page's learned-activation actions. */
export function learnedActions(act: object): LearnedActions {
  return act as LearnedActions;
}

/** Whether the store holds a freeze that can be undone (`freezeUndo` non-null). */
export function canUndoFreeze(state: object): boolean {
  const undo = (state as { freezeUndo?: unknown }).freezeUndo;
  return undo !== undefined && undo !== null;
}

const layouts = new WeakMap<object, { size: number; layout: ParamLayout }>();

/** `activationParamLayout`, computed once per network (hidden array) and palette size. */
export function layoutOf(hidden: readonly (readonly string[])[], paletteSize: number): ParamLayout {
  const kept = layouts.get(hidden);
  if (kept && kept.size === paletteSize) return kept.layout;
  const layout = activationParamLayout(hidden, paletteSize);
  layouts.set(hidden, { size: paletteSize, layout });
  return layout;
}

/** Whether any hidden neuron is a learned mix. */
export function hasMixture(hidden: readonly (readonly string[])[]): boolean {
  return hidden.some((layer) => layer.includes('mixture'));
}
