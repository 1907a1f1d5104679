/** Naming the learned activation parameter that made training diverge, for its report. */
import {
  activationInfo,
  findNonFiniteActivationParam,
  type DivergenceError,
  type Network,
} from '../nn';

/** What each learned activation calls its parameters, by position. */
function parameterName(id: string, index: number, palette: readonly string[]): string {
  if (id === 'prelu') return 'slope a';
  if (id === 'swish') return 'β';
  const entry = palette[index];
  return `weight of ${entry ? activationInfo(entry as 'relu').label : `entry ${index + 1}`}`;
}

/**
 * "Layer 2 neuron 3's Swish β became non-finite." when a learned parameter of `net` (just after
 * the diverged step, before anything is put back) is NaN or infinite, or, when `error` is of the
 * gradient, its gradient is;
 * null when every one is finite. Layers and neurons are numbered from 1, as the page says them.
 */
export function learnedDivergence(net: Network, error: DivergenceError): string | null {
  const found = findNonFiniteActivationParam(net, 'values');
  const what = found ? 'became non-finite' : 'got a non-finite gradient';
  // A non-finite loss leaves every gradient non-finite: only a gradient check names one.
  const where =
    found ?? (error.what === 'gradient' ? findNonFiniteActivationParam(net, 'gradient') : null);
  if (!where) return null;
  const label = activationInfo(where.activation).label.replace(/ \(learned β\)$/, '');
  const name = parameterName(where.activation, where.index, net.mixturePalette);
  return `Layer ${where.layer} neuron ${where.neuron + 1}'s ${label} ${name} ${what}.`;
}
