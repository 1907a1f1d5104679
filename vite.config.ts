import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server serves index.html without its Content-Security-Policy: it injects inline
 * module scripts (the HMR client, React Refresh's preamble) and a WebSocket that the policy
 * refuses. Builds and `vite preview` keep it.
 */
function cspOnlyInBuilds(): Plugin {
  return {
    name: 'activation-playground:csp-only-in-builds',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html.replace(/<meta\s+http-equiv="Content-Security-Policy"[\s\S]*?\/>\s*/, ''),
  };
}

export default defineConfig({
  // Relative asset paths let dist/ be served from any sub-path of a static host.
  base: './',
  plugins: [react(), cspOnlyInBuilds()],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
