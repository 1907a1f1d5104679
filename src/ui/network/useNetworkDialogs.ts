/**
 * The network panel's two dialogs, the activation palette and the weight editor: which one is
 * open, for what, and where focus goes back when it closes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiagramLink } from './geometry';
import type { PaletteTarget } from './names';
import type { Box } from './placePalette';

/** An open palette: who it is for and where it opened (viewport px beside the opener). */
export interface OpenPalette {
  readonly target: PaletteTarget;
  readonly anchor: Box;
}

export interface NetworkDialogs {
  readonly palette: OpenPalette | null;
  /** The link whose weight the editor is open for. */
  readonly editing: DiagramLink | null;
  /** Opens the palette for `target` beside `opener`, which gets focus back when it closes. */
  openPalette(target: PaletteTarget, opener: HTMLElement): void;
  closePalette(): void;
  /** Closes the palette and leaves focus where it went. */
  dismissPalette(): void;
  /** Opens the editor from a link in the diagram (a pointer's way: no focus to give back). */
  editFromLink(link: DiagramLink): void;
  /** Swaps the palette for the editor; focus goes back to the palette's opener at the end. */
  editFromPalette(link: DiagramLink): void;
  closeEditor(): void;
}

/**
 * @param networkKey changes when the network is rebuilt (shape, features, data): an open
 *   palette or editor then speaks of neurons and weights that are gone, so both close
 */
export function useNetworkDialogs(networkKey: string): NetworkDialogs {
  const [palette, setPalette] = useState<OpenPalette | null>(null);
  const [editing, setEditing] = useState<DiagramLink | null>(null);
  // Where focus goes back when the palette or the weight editor closes.
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    setPalette(null);
    setEditing(null);
  }, [networkKey]);

  const openPalette = useCallback((target: PaletteTarget, opener: HTMLElement) => {
    const rect = opener.getBoundingClientRect();
    returnFocus.current = opener;
    const { left, top, right, bottom } = rect;
    setPalette({ target, anchor: { left, top, right, bottom } });
  }, []);
  const closePalette = useCallback(() => {
    setPalette(null);
    returnFocus.current?.focus();
  }, []);
  const dismissPalette = useCallback(() => setPalette(null), []);
  const editFromLink = useCallback((link: DiagramLink) => {
    returnFocus.current = null;
    setEditing(link);
  }, []);
  const editFromPalette = useCallback((link: DiagramLink) => {
    setPalette(null);
    setEditing(link);
  }, []);
  const closeEditor = useCallback(() => {
    setEditing(null);
    returnFocus.current?.focus();
  }, []);

  return {
    palette,
    editing,
    openPalette,
    closePalette,
    dismissPalette,
    editFromLink,
    editFromPalette,
    closeEditor,
  };
}
