import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // stream-json is an ES module: bundled, so Electron's Node never has to require() ESM.
      externalizeDeps: { exclude: ['stream-json', 'stream-chain'] },
      // The engine worker is a second entry emitted next to main (out/main/worker.js). electron-vite's
      // `?modulePath` import fails to build with vite 8 here, and a plain entry needs no magic.
      lib: {
        entry: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          worker: resolve(__dirname, 'electron/engine/worker.ts'),
          signInParser: resolve(__dirname, 'electron/engine/import/csv/signInParser.worker.ts'),
        },
        formats: ['cjs'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one CommonJS file with no require() of local chunks.
      isolatedEntries: true,
      externalizeDeps: false,
      lib: { entry: resolve(__dirname, 'electron/preload/index.ts'), formats: ['cjs'] },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
