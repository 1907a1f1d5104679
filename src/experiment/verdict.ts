/**
 * The one plain sentence of an experiment's verdict. It never claims more than the numbers
 * hold: it compares final test loss with the first variant seed by seed, says "no clear
 * difference" whenever the 95% interval of the mean difference holds zero (or there are too
 * few seeds for one), names the number of seeds, and counts diverged runs, which are left out.
 */
import type { PairedDifference } from './stats';
import { crossesZero } from './stats';
import type { ExperimentSummary, VariantSummary } from './summary';

/** A number with three significant digits, a true minus sign for negatives: "−0.0412". */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(Number(value.toPrecision(3)));
  return text.startsWith('-') ? `\u2212${text.slice(1)}` : text;
}

function seedsWord(n: number): string {
  return `${n} ${n === 1 ? 'seed' : 'seeds'}`;
}

/** Why a comparison has no interval: it needs two seeds that finished both without diverging. */
function tooFew(n: number): string {
  return n === 0 ? ': no seed finished both without diverging' : ' on 1 seed alone';
}

function interval(low: number, high: number): string {
  return `95% CI ${formatNumber(low)} to ${formatNumber(high)}`;
}

/** How one of several variants compares with the reference, as a short clause. */
function shortComparison(variant: VariantSummary, d: PairedDifference, withSeeds: boolean): string {
  if (d.n < 2) return `${variant.name} cannot be compared${tooFew(d.n)}`;
  const tally = `lower on ${d.wins} of ${seedsWord(d.n)}`;
  if (crossesZero(d.ciLow, d.ciHigh)) {
    return (
      `${variant.name} shows no clear difference (mean difference ${formatNumber(d.mean)}, ` +
      `${interval(d.ciLow, d.ciHigh)}; ${tally})`
    );
  }
  const lower = d.mean < 0;
  const by = lower ? interval(-d.ciHigh, -d.ciLow) : interval(d.ciLow, d.ciHigh);
  const over = withSeeds ? ` over ${seedsWord(d.n)}` : '';
  return (
    `${variant.name} is ${lower ? 'lower' : 'higher'} by ${formatNumber(Math.abs(d.mean))} ` +
    `on average${over} (${by}; ${tally})`
  );
}

/** How one variant compares with the reference, as a clause. */
function comparison(
  variant: VariantSummary,
  d: PairedDifference,
  reference: string,
  withSeeds: boolean,
): string {
  const over = withSeeds ? ` over ${seedsWord(d.n)}` : '';
  if (d.n < 2) return `${variant.name} cannot be compared with ${reference}${tooFew(d.n)}`;
  const tally = `lower on ${d.wins} of ${seedsWord(d.n)}`;
  if (crossesZero(d.ciLow, d.ciHigh)) {
    return (
      `no clear difference in final test loss between ${variant.name} and ${reference}${over} ` +
      `(mean difference ${formatNumber(d.mean)}, ${interval(d.ciLow, d.ciHigh)}; ${tally})`
    );
  }
  const lower = d.mean < 0;
  const by = lower ? interval(-d.ciHigh, -d.ciLow) : interval(d.ciLow, d.ciHigh);
  return (
    `${variant.name} ended with a ${lower ? 'lower' : 'higher'} test loss than ${reference}` +
    `${over} (by ${formatNumber(Math.abs(d.mean))} on average, ${by}; ${tally})`
  );
}

function divergedClause(summary: ExperimentSummary): string {
  const counts = summary.variants.filter((v) => v.diverged > 0);
  const total = counts.reduce((sum, v) => sum + v.diverged, 0);
  if (total === 0) return '';
  const which = counts.map((v) => `${v.name}: ${v.diverged}`).join(', ');
  const runs = total === 1 ? '1 run diverged and is' : `${total} runs diverged and are`;
  return `; ${runs} left out (${which})`;
}

function describeOnly(variant: VariantSummary): string {
  const spread = variant.testLoss;
  if (!spread) return `no run of ${variant.name} finished without diverging`;
  const ci = spread.n >= 2 ? `, ${interval(spread.ciLow, spread.ciHigh)}` : '';
  return (
    `over ${seedsWord(spread.n)}, ${variant.name} ended with a mean test loss of ` +
    `${formatNumber(spread.mean)}${ci}`
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The verdict of the results so far, in one sentence ending with a full stop. */
export function verdict(summary: ExperimentSummary): string {
  const prefix = summary.partial
    ? `Partial results (${summary.finished} of ${summary.total} runs): `
    : '';
  const [first, ...others] = summary.variants;
  if (!first || summary.finished === 0) return `${prefix}No run has finished yet.`;
  let body: string;
  const compared = others.filter((v) => v.versusFirst !== null);
  if (compared.length === 0) body = describeOnly(first);
  else {
    const counts = new Set(compared.map((v) => v.versusFirst?.n));
    const shared = counts.size === 1 ? [...counts][0] : undefined;
    const lead = shared !== undefined && shared >= 2 ? `over ${seedsWord(shared)}, ` : '';
    const perSeeds = shared === undefined;
    if (compared.length === 1) {
      const [only] = compared as [VariantSummary];
      body = lead + comparison(only, only.versusFirst as PairedDifference, first.name, perSeeds);
    } else {
      const clauses = compared.map((v) =>
        shortComparison(v, v.versusFirst as PairedDifference, perSeeds),
      );
      body = `${lead}in final test loss against ${first.name}: ${clauses.join('; ')}`;
    }
  }
  return `${prefix}${capitalize(body)}${divergedClause(summary)}.`;
}
