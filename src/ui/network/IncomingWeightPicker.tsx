import { useState } from 'react';
import type { DiagramLink } from './geometry';

/**
 * The keyboard's way to a weight (links are too many to be tab stops): pick one of the
 * neuron's incoming links and open the weight editor for it.
 */
export function IncomingWeightPicker({
  links,
  nameOf,
  onEdit,
}: {
  links: readonly DiagramLink[];
  nameOf: (link: DiagramLink) => string;
  onEdit: (link: DiagramLink) => void;
}) {
  const [chosen, setChosen] = useState(0);
  const link = links[chosen];
  if (!link) return null;
  return (
    <div className="incoming-weights">
      <label>
        <span>Incoming weight</span>
        <select value={chosen} onChange={(event) => setChosen(Number(event.target.value))}>
          {links.map((l, i) => (
            <option key={l.weightIndex} value={i}>
              {nameOf(l)
                .replace(/ to .*$/, '')
                .replace(/^Weight from /, 'from ')}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="text-button" onClick={() => onEdit(link)}>
        Edit weight…
      </button>
    </div>
  );
}
