// Builds the web console (Preact + TypeScript) into services/gateway/dist/console, which the gateway serves at `/`.
// Everything is bundled: no CDN, no web fonts, so the console works offline.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const here = (relative) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: here('.'),
  // Served at the gateway's root, beside the API's absolute `/api/v1` paths.
  base: '/',
  plugins: [preact({ prerender: { enabled: false } })],
  build: {
    outDir: here('../dist/console'),
    // Only the console's own output folder is emptied (it sits outside the Vite root).
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  // `vite dev` for working on the console: the API of a gateway running on its default port.
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
