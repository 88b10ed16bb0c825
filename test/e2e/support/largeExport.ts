import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PORTAL_FIXTURES } from '../../support/e2ePaths';

/** Writes a large interactive sign-in export: the fixture's first event repeated with fresh request ids. */
export async function writeLargeExport(path: string, rows: number): Promise<void> {
  const [header, first] = readFileSync(join(PORTAL_FIXTURES, 'InteractiveSignIns_2026-11-01_2026-11-02.csv'), 'utf8').split(/\r?\n/u);
  if (!header || !first) throw new Error('the interactive sign-in fixture is empty');
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (let i = 0; i < rows; i++) {
    const id = `cccccccc-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    if (!out.write(`${first.replace('aaaaaaaa-0000-4000-8000-000000000001', id)}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Writes a users export of `count` members named `Person 0001`…, each a copy of the fixture's first user. */
export function writeUsersExport(path: string, count: number): void {
  const [header, alice] = readFileSync(join(PORTAL_FIXTURES, 'exportUsers_2026-11-2.csv'), 'utf8').split(/\r?\n/u);
  if (!header || !alice) throw new Error('the users fixture is empty');
  const rows = [header];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    rows.push(
      alice
        .replace('alice@contoso.com', `person${n}@contoso.com`)
        .replace('Alice Example', `Person ${n}`)
        .replace('11111111-1111-4111-8111-111111111111', `11111111-1111-4111-8111-${n.padStart(12, '0')}`),
    );
  }
  writeFileSync(path, `${rows.join('\r\n')}\r\n`);
}
