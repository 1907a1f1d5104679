/** Training and test loss and, for classification, the accuracy: from the store's readouts. */
import { usePlayground } from '../../state';
import { formatLoss, formatPercent } from '../../viz/format';

/** The losses (test ids "train-loss", "test-loss", every digit in data-value) and accuracy. */
export function Readouts() {
  const r = usePlayground((s) => s.readouts);
  return (
    <dl className="readouts">
      <div>
        <dt id="train-loss-label">Training loss</dt>
        {/* data-value: every digit, for checking that a link reproduces its numbers exactly. */}
        <dd data-testid="train-loss" data-value={r.trainLoss} title={String(r.trainLoss)}>
          {formatLoss(r.trainLoss)}
        </dd>
      </div>
      <div>
        <dt id="test-loss-label">Test loss</dt>
        <dd data-testid="test-loss" data-value={r.testLoss} title={String(r.testLoss)}>
          {formatLoss(r.testLoss)}
        </dd>
      </div>
      {!Number.isNaN(r.trainAccuracy) && (
        <div>
          <dt title="Share of points classified right: training / test">Accuracy</dt>
          <dd>
            {formatPercent(r.trainAccuracy)} / {formatPercent(r.testAccuracy)}
          </dd>
        </div>
      )}
    </dl>
  );
}
