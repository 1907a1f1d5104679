/**
 * "Set pattern…" beside "Apply to all": gives the whole network, or one layer, the
 * activations of a rule (every neuron X, alternating X and Y, halves, a fraction p of Y).
 */
import { useId, useState } from 'react';
import type { VariantRule } from '../../experiment';
import { playgroundActions as act, usePlayground } from '../../state';
import { ModalDialog } from '../ModalDialog';
import { RulePicker } from '../RulePicker';

/** The button and, while open, its dialog. */
export function SetPattern() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="text-button"
        title="Give the network, or one layer, a pattern of activations"
        onClick={() => setOpen(true)}
      >
        Set pattern…
      </button>
      {open && <SetPatternDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function SetPatternDialog({ onClose }: { onClose: () => void }) {
  const layers = usePlayground((s) => s.config.hidden.length);
  const fallbackX = usePlayground((s) => s.config.defaultActivation);
  const [rule, setRule] = useState<VariantRule>({ kind: 'alternate', x: fallbackX, y: 'sin' });
  const [scope, setScope] = useState('all');
  const headingId = useId();
  const scopeId = useId();
  return (
    <ModalDialog labelledBy={headingId} onClose={onClose} className="modal small-dialog">
      <form
        className="pattern-form"
        onSubmit={(event) => {
          event.preventDefault();
          act.applyPattern(rule, scope === 'all' ? undefined : Number(scope));
          onClose();
        }}
      >
        <h2 id={headingId}>Set pattern</h2>
        <p className="dialog-intro">
          Gives each hidden neuron an activation by rule. The weights stay as they are.
        </p>
        <div className="field">
          <label htmlFor={scopeId}>Apply to</label>
          <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="all">The whole network</option>
            {Array.from({ length: layers }, (_, l) => (
              <option key={l} value={String(l + 1)}>
                Layer {l + 1}
              </option>
            ))}
          </select>
        </div>
        <RulePicker
          rule={rule}
          onChange={setRule}
          kinds={['all', 'alternate', 'halves', 'fraction']}
          fallbackX={fallbackX}
        />
        {rule.kind === 'fraction' && (
          <p className="dialog-intro">
            Which neurons of a layer get Y is drawn from the seed, as in an experiment.
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="text-button primary" disabled={layers === 0}>
            Apply
          </button>
          <button type="button" className="text-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
