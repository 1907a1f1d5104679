/** Copies the page's link (which holds the whole configuration) to the clipboard. */
import { useEffect, useRef, useState } from 'react';
import { configToHash } from '../../config';
import { playgroundActions, playgroundStore } from '../../state';

export function CopyLinkButton() {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  async function copy() {
    // Built from the store rather than read from the address bar, which is written a moment
    // after each change.
    const url = new URL(window.location.href);
    url.hash = configToHash(playgroundStore.getState().config);
    if (playgroundStore.getState().ownData !== null) {
      playgroundActions.pushNotice(
        'info',
        'The link holds the settings but not your own data (a link is too short for it): use Save network to share the data too.',
      );
    }
    try {
      await navigator.clipboard.writeText(url.toString());
      setCopied('yes');
    } catch {
      window.history.replaceState(window.history.state, '', url);
      setCopied('no');
    }
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied(null), 2500);
  }
  return (
    <div className="copy-link">
      <button
        type="button"
        className="text-button"
        title="Copy a link that opens exactly this network, data and settings"
        onClick={() => void copy()}
      >
        Copy link
      </button>
      <span className="copy-status" role="status">
        {copied === 'yes' ? 'Link copied' : copied === 'no' ? 'Copy the address bar' : ''}
      </span>
    </div>
  );
}
