/** The view flags, kept equal to the link's when the person edits the address. */
import { useEffect } from 'react';
import { viewFlagsFromHash, type ViewFlags } from '../config';
import { useView, viewStore } from '../state';

export function useViewFlagsFromHash(): ViewFlags {
  useEffect(() => {
    const onHashChange = () => viewStore.setState(viewFlagsFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const flags = useView((f) => f);
  // On <html>: rem sizes follow the root's font size, which presentation mode raises.
  useEffect(() => {
    document.documentElement.classList.toggle('presentation', flags.presentation);
  }, [flags.presentation]);
  return flags;
}
