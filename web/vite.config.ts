import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

// The dashboard and customer pages: one bundle served by Fastify from web/dist (src/http/static.ts).
// `npx vite --config web/vite.config.ts` serves it on :5173 with the API proxied to RECOUP_URL.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: { outDir: path.join(root, 'dist'), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: { '/api': process.env.RECOUP_URL ?? 'http://127.0.0.1:3000' } },
});
