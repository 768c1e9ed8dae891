// The back office (single-page application), served by the Nest app at /office/ (src/office/serve-office.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/office/',
  // No React plugin: Vite's own transformer compiles TSX with the automatic JSX runtime (no fast refresh needed).
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/office', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The budget is the initial JavaScript, gzipped (bench/office.ts); individual route chunks may be larger.
    chunkSizeWarningLimit: 900,
    reportCompressedSize: false,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components); meaningless in this bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    // `npm run web:dev` against a server started with `npm start` on port 3000.
    proxy: { '/api': 'http://localhost:3000' },
  },
});
