/**
 * "Embed…": the link of the current state as an embedded page (embed=1, with the hide flags
 * in force) and an <iframe> snippet sized for it, ready to paste into a course page.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { configToHash, viewFlagsToFields, withViewFields } from '../../config';
import { playgroundStore, viewStore } from '../../state';

/** The frame an embedded page is made to fit without scrolling (CSS px). */
export const EMBED_SIZE = { width: 970, height: 700 } as const;

/** The link of the current state as an embedded page. */
export function embedLink(): string {
  const url = new URL(window.location.href);
  const flags = { ...viewStore.getState(), embed: true, presentation: false };
  url.hash = withViewFields(
    configToHash(playgroundStore.getState().config),
    viewFlagsToFields(flags),
  );
  return url.toString();
}

/** An <iframe> element's HTML for `link`. */
export function iframeSnippet(link: string): string {
  const src = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return (
    `<iframe src="${src}" width="${EMBED_SIZE.width}" height="${EMBED_SIZE.height}" ` +
    `title="Activation Playground" style="border: 0" loading="lazy"></iframe>`
  );
}

export function EmbedButton() {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus back to the button once the dialog is gone (not while it is still modal).
  useEffect(() => {
    if (wasOpen.current && !open) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={opener}
        type="button"
        className="text-button"
        title="A link and an <iframe> snippet that put this network in another page"
        onClick={() => setOpen(true)}
      >
        Embed…
      </button>
      {open && <EmbedDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function EmbedDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const linkId = useId();
  const codeId = useId();
  const [link] = useState(embedLink);
  const [copied, setCopied] = useState('');
  useEffect(() => {
    const element = dialog.current;
    // A modal <dialog>: focus stays inside and Escape closes it, both by the browser.
    if (element && !element.open) element.showModal();
  }, []);
  async function copy(what: string, text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied`);
    } catch {
      setCopied('Select the text and copy it');
    }
  }
  return (
    <dialog ref={dialog} className="embed-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>Embed this playground</h2>
      <p>
        The page as it is now, without the header, fitting a {EMBED_SIZE.width}×{EMBED_SIZE.height}{' '}
        frame. Hide flags in the link (for example <code>noise_hide=1</code>) carry over.
      </p>
      <label htmlFor={linkId}>Link</label>
      <input id={linkId} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      <label htmlFor={codeId}>Embed code</label>
      <textarea
        id={codeId}
        readOnly
        rows={4}
        value={iframeSnippet(link)}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="dialog-actions">
        <span role="status" className="muted">
          {copied}
        </span>
        <button type="button" className="text-button" onClick={() => void copy('Link', link)}>
          Copy link
        </button>
        <button
          type="button"
          className="text-button"
          onClick={() => void copy('Embed code', iframeSnippet(link))}
        >
          Copy embed code
        </button>
        <button
          type="button"
          className="text-button primary"
          onClick={() => dialog.current?.close()}
        >
          Close
        </button>
      </div>
    </dialog>
  );
}
