/** Opens the Comparison: two variants of the network trained side by side in lockstep. */
import { comparisonController } from '../../state';

export function CompareButton() {
  return (
    <button
      type="button"
      className="text-button"
      title="Train two variants of this network side by side, epoch by epoch"
      onClick={() => comparisonController.open()}
    >
      Compare
    </button>
  );
}
