import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  // Relative asset paths let dist/ be served from any sub-path of a static host.
  base: './',
  plugins: [
    react(),
    // Offline after one visit: a service worker precaches the page, its assets and the
    // training worker. Relative to `base`, so it works from any sub-path of a static host;
    // registered by a plain script file (no inline script), which a `script-src 'self'` CSP
    // allows, and a service worker from the same origin is covered by `worker-src 'self'`.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
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
