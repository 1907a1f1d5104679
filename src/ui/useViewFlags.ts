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
  return useView((flags) => flags);
}
