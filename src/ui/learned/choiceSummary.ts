/**
 * What the network chose, per hidden layer: the share of each palette entry over the layer's
 * learned mixes, weighted by their blends (the mean of their softmax weights). Pure.
 */
import type { ActivationId } from '../../nn';
import type { MixPalette, ParamLayout } from './contract';
import { blendInto } from './learnedValues';

export interface LayerChoice {
  /** Hidden layer number, from 1. */
  readonly layer: number;
  /** Learned mixes in the layer. */
  readonly mixes: number;
  /** Mean weight of each palette entry (palette order), summing to 1; empty without mixes. */
  readonly shares: readonly number[];
}

/**
 * The choice of every layer that has a learned mix, from `params` in `layout` (null: before
 * the first frame, every mix an even blend).
 */
export function layerChoices(
  hidden: readonly (readonly ActivationId[])[],
  palette: MixPalette,
  layout: ParamLayout,
  params: Float64Array | null,
): LayerChoice[] {
  const weights = new Float64Array(palette.length);
  const choices: LayerChoice[] = [];
  let index = 0;
  hidden.forEach((ids, l) => {
    const sum = new Array<number>(palette.length).fill(0);
    let mixes = 0;
    for (const id of ids) {
      if (id === 'mixture') {
        blendInto({ values: params, start: layout.start[index] ?? 0 }, weights);
        weights.forEach((w, k) => {
          sum[k] = (sum[k] ?? 0) + w;
        });
        mixes++;
      }
      index++;
    }
    if (mixes > 0) choices.push({ layer: l + 1, mixes, shares: sum.map((s) => s / mixes) });
  });
  return choices;
}

/** Whether two summaries would draw the same at whole-percent precision (skip a re-render). */
export function sameChoices(a: readonly LayerChoice[], b: readonly LayerChoice[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return (
        y !== undefined &&
        x.layer === y.layer &&
        x.mixes === y.mixes &&
        x.shares.length === y.shares.length &&
        x.shares.every((s, k) => Math.round(s * 1000) === Math.round((y.shares[k] ?? 0) * 1000))
      );
    })
  );
}
