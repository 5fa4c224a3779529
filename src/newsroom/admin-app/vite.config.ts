import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The admin web app: built into dist/admin and served under /admin by adminAppPlugin.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/admin', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No inline data: URIs: the CSP's script and style sources are 'self' only.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
