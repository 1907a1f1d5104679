import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

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
  plugins: [
    react(),
    cspOnlyInBuilds(),
    // Offline after one visit: a service worker precaches the page, its assets and the
    // workers. Relative to `base`, so it works from any sub-path of a static host. The page
    // registers it itself (src/worker/workerUrl.ts), through its Trusted Types policy: under
    // `require-trusted-types-for 'script'` a plain `register('./sw.js')` is refused.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: false,
      workbox: { globPatterns: ['**/*.{js,css,html,svg,png}'] },
    }),
  ],
  worker: { format: 'es' },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
});
