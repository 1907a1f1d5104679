/**
 * The palette a learned mix blends, editable: one checkbox per fixed activation, each with the
 * colour its share has in the blend bars and the summary chart (so it is also their legend).
 * At least 2 entries stay: the last two cannot be unticked. Changing it restarts every learned
 * mix's weights from an even blend (the store's `mixPalette` setting; other weights stay).
 */
import { useId } from 'react';
import { SETTINGS } from '../../config';
import { activationInfo, type FixedActivationId } from '../../nn';
import { playgroundActions as act, usePlayground } from '../../state';
import { ActivationGlyph } from '../ActivationGlyph';
import { blendColour } from './blendColours';
import { FIXED_ACTIVATIONS, mixPaletteOf, type MixPalette } from './contract';

/** Fewest entries a mix blends. */
export const MIN_MIX_PALETTE = 2;

/** `palette` with `id` added at its end or taken out. */
export function toggledPalette(palette: MixPalette, id: FixedActivationId): MixPalette {
  return palette.includes(id) ? palette.filter((entry) => entry !== id) : [...palette, id];
}

export function MixPaletteEditor() {
  const palette = usePlayground((s) => mixPaletteOf(s.config));
  const noteId = useId();
  return (
    <fieldset className="mix-palette" aria-describedby={noteId} title={SETTINGS.mixPalette.help}>
      <legend>{SETTINGS.mixPalette.label}</legend>
      <p id={noteId} className="learned-note">
        Tick 2 to 17. Changing them starts every learned mix again from an even blend; the weights
        stay.
      </p>
      <div className="mix-palette-entries">
        {FIXED_ACTIVATIONS.map((info) => {
          const at = palette.indexOf(info.id);
          const on = at >= 0;
          return (
            <label key={info.id} className={on ? 'mix-entry on' : 'mix-entry'}>
              <input
                type="checkbox"
                checked={on}
                disabled={on && palette.length <= MIN_MIX_PALETTE}
                onChange={() => act.set('mixPalette', toggledPalette(palette, info.id))}
              />
              <span
                className="mix-swatch"
                aria-hidden="true"
                style={on ? { background: blendColour(at) } : undefined}
              />
              <ActivationGlyph id={info.id} size={18} />
              <span>{activationInfo(info.id).label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
