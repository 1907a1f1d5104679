/** Messages for the person: ignored link fields, divergence, a restarted worker. */
import { playgroundActions as act, usePlayground } from '../state';
import { useRuntime } from './runtime';

export function Notices() {
  const notices = usePlayground((s) => s.notices);
  const divergence = usePlayground((s) => s.divergence);
  const { connection } = useRuntime();
  return (
    <div className="notices" aria-live="polite">
      {divergence && (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>
              {divergence.headline ?? `Training paused: it diverged at epoch ${divergence.epoch}.`}
            </strong>{' '}
            {divergence.hint}
            {divergence.headline ? '' : ' The network is back at its last good state.'}
          </p>
          <div className="notice-actions">
            <button type="button" className="text-button" onClick={() => connection.reset()}>
              Reset with the same settings
            </button>
            <button type="button" className="text-button" onClick={() => act.clearDivergence()}>
              Dismiss
            </button>
          </div>
        </div>
      )}
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.kind}`} role="status">
          <p>{notice.text}</p>
          <button
            type="button"
            className="dismiss"
            aria-label="Dismiss message"
            onClick={() => act.dismissNotice(notice.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
