/**
 * A modal dialog on the native `<dialog>` element: the page behind is inert and does not
 * scroll, Tab and Shift+Tab stay inside, Escape closes, and focus goes back to where it was
 * when the dialog opened. Mount it to open it, unmount it to close it. It is rendered into
 * the document's body, whoever opens it, so no region's styles (the dark header's) reach it.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), ' +
  'textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** The elements Tab visits inside `root`, in order (hidden ones left out). */
function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.getClientRects().length > 0 && !element.closest('[inert]'),
  );
}

export interface ModalDialogProps {
  /** Id of the heading that names the dialog. */
  readonly labelledBy: string;
  readonly onClose: () => void;
  readonly className?: string;
  readonly children: ReactNode;
}

export function ModalDialog({ labelledBy, onClose, className, children }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });

  useLayoutEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    // The page behind must not scroll under a finger or a wheel: only the dialog does.
    document.documentElement.classList.add('modal-open');
    return () => {
      document.documentElement.classList.remove('modal-open');
      if (element.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return createPortal(
    <dialog
      ref={dialog}
      className={className}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        // Escape: the owner decides (it unmounts the dialog), so the element stays in step.
        event.preventDefault();
        close.current();
      }}
      onKeyDown={(event) => {
        // The page's space-bar shortcut (play and pause) is for the page, not for a dialog.
        if (event.key === ' ') event.stopPropagation();
        if (event.key !== 'Tab' || !dialog.current) return;
        const items = focusables(dialog.current);
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }}
    >
      {children}
    </dialog>,
    document.body,
  );
}
