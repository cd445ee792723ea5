import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/app/index.ts'),
          // Bulk territory moves run in a worker thread, which needs a script file of its own.
          'assignment-worker': resolve(__dirname, 'electron/main/domain/territories/worker/assignment-worker.ts'),
          'import-worker': resolve(__dirname, 'electron/main/domain/imports/worker/import-worker.ts'),
          // …and a big import's reader thread, started by the import worker.
          'import-reader': resolve(__dirname, 'electron/main/domain/imports/worker/import-reader.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts') },
      // A sandboxed preload can require nothing but electron: bundle zod and the contract into it.
      externalizeDeps: { exclude: ['zod'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified: 5 MB of script to parse before the first grid row.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
