import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';

/** The layer boundaries of design.md are lint errors; these cases prove each one fires. */
const eslint = new ESLint({ cwd: ROOT });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  it.each([
    ['shared/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`],
    ['shared/x.ts', `import fs from 'fs';\nexport const x = fs;\n`],
    ['shared/x.ts', `import { app } from 'electron';\nexport const x = app;\n`],
    ['shared/x.ts', `import { EngineHost } from '../electron/engine/host';\nexport const x = EngineHost;\n`],
    ['shared/x.ts', `import { App } from '../renderer/src/App';\nexport const x = App;\n`],
    ['shared/x.ts', `export const x = document.title;\n`],
    ['renderer/src/x.ts', `import { join } from 'node:path';\nexport const x = join;\n`],
    ['renderer/src/x.ts', `import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n`],
    ['renderer/src/x.ts', `import { EngineHost } from '../../electron/engine/host';\nexport const x = EngineHost;\n`],
    ['electron/engine/x.ts', `import { app } from 'electron';\nexport const x = app;\n`],
    ['electron/cli/x.ts', `import { app } from 'electron';\nexport const x = app;\n`],
    ['electron/main/policy/x.ts', `import { app } from 'electron';\nexport const x = app;\n`],
    ['electron/main/menu/x.ts', `import { Menu } from 'electron';\nexport const x = Menu;\n`],
    ['electron/main/state/x.ts', `import { screen } from 'electron';\nexport const x = screen;\n`],
    ['electron/main/launch/x.ts', `import { app } from 'electron';\nexport const x = app;\n`],
    ['electron/main/menu/x.ts', `import { App } from '../../../renderer/src/components/App';\nexport const x = App;\n`],
    ['electron/preload/x.ts', `import { Engine } from '../engine/engine';\nexport const x = Engine;\n`],
  ])('%s refuses: %s', async (file, code) => {
    const found = await errors(file, code);
    expect(found.some((m) => /no-restricted-(imports|globals)/u.test(m)), found.join('\n')).toBe(true);
  });

  it.each([
    ['electron/main/x.ts', `import { app } from 'electron';\nexport const x = app;\n`],
    ['electron/preload/x.ts', `import { contextBridge } from 'electron';\nimport { buildApi } from '../../shared/contract/api';\nexport const x = [contextBridge, buildApi];\n`],
    ['renderer/src/x.ts', `import { METHODS } from '../../shared/contract/methods';\nexport const x = METHODS;\n`],
    ['electron/engine/x.ts', `import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n`],
  ])('%s allows what its layer may use', async (file, code) => {
    expect(await errors(file, code)).toEqual([]);
  });
});
