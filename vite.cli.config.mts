import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The CLI and its engine worker, as plain Node CommonJS in out/node/. Dependencies stay external:
// they are installed in node_modules (better-sqlite3 is native and cannot be bundled).
// stream-json is an ES module: bundling it avoids require() of ESM at run time in older runtimes.
const BUNDLED = new Set(['stream-json', 'stream-chain']);
const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  ...Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)),
];

export default defineConfig({
  ssr: { noExternal: [...BUNDLED] },
  build: {
    ssr: true,
    outDir: 'out/node',
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: {
        cli: resolve(import.meta.dirname, 'electron/cli/index.ts'),
        worker: resolve(import.meta.dirname, 'electron/engine/worker.ts'),
        signInParser: resolve(import.meta.dirname, 'electron/engine/import/csv/signInParser.worker.ts'),
      },
      external: (id) => external.some((e) => id === e || id.startsWith(`${e}/`)),
      output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
