import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineHost } from '../../electron/engine/host';
import { collectInputs } from '../../electron/engine/import/collectInputs';
import type { InputSource } from '../../electron/engine/import/source';
import { expandZip } from '../../electron/engine/import/zip/zipArchive';
import type { ImportOutcome } from '../../shared/contract/dto';
import type { ImportKind } from '../../shared/domain/importKinds';
import { bigInteractiveCsv } from '../support/bigCsv';
import { FIXTURES, SAMPLE, WORKER } from '../support/paths';

// A minimal zip writer, so hostile archives are made by the test and never committed. It can lie
// in its headers (declared size, CRC), which is the point.
interface Spec {
  name: string;
  data: Buffer;
  method?: 0 | 8;
  /** Uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
  crc?: number;
  /** Applied to the stored bytes after compression. */
  damage?: (b: Buffer) => Buffer;
}

/** Little-endian fields: [bytes, value] pairs. */
const le = (...fields: [2 | 4, number][]): Buffer =>
  Buffer.concat(fields.map(([n, v]) => {
    const b = Buffer.alloc(n);
    if (n === 2) b.writeUInt16LE(v);
    else b.writeUInt32LE(v >>> 0);
    return b;
  }));

function zipBytes(specs: readonly Spec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const s of specs) {
    const method = s.method ?? 8;
    let body = method === 8 ? deflateRawSync(s.data) : s.data;
    if (s.damage) body = s.damage(body);
    const name = Buffer.from(s.name, 'utf8');
    // flags (UTF-8 names), method, DOS time and date, CRC-32, sizes, name length.
    const common: [2 | 4, number][] = [[2, 0x800], [2, method], [2, 0x6000], [2, 0x5b74], [4, s.crc ?? crc32(s.data)], [4, body.length], [4, s.declaredSize ?? s.data.length], [2, name.length]];
    const local = le([4, 0x04034b50], [2, 20], ...common, [2, 0]);
    const central = le([4, 0x02014b50], [2, 20], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = le([4, 0x06054b50], [2, 0], [2, 0], [2, specs.length], [2, specs.length], [4, cd.length], [4, offset], [2, 0]);
  return Buffer.concat([...locals, cd, end]);
}

async function readAll(source: InputSource, range?: { start?: number; end?: number }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of source.open(range)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const USERS_CSV = readFileSync(join(FIXTURES, 'portal', 'exportUsers_2026-11-2.csv'));
const INTERACTIVE = join(FIXTURES, 'portal', 'InteractiveSignIns_2026-11-01_2026-11-02.csv');
const TENANT_ZIP = join(FIXTURES, 'zip', 'tenant-export.zip');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'nhi-hard-'));

const hosts: EngineHost[] = [];
function start(): { host: EngineHost; dir: string } {
  const dir = tmp();
  const host = new EngineHost(WORKER, { samplePath: SAMPLE, dataDir: dir, appVersion: 'test' });
  hosts.push(host);
  return { host, dir };
}
afterEach(async () => void (await Promise.all(hosts.splice(0).map((h) => h.close()))));

async function importPaths(host: EngineHost, paths: string[], kinds: Record<string, ImportKind> = {}): Promise<ImportOutcome[]> {
  const { jobId } = await host.invoke('import:start', { paths, kinds });
  const result = await host.waitForJob(jobId);
  if (result.kind !== 'import') throw new Error('not an import result');
  return result.outcomes;
}
const byName = (outcomes: ImportOutcome[], name: string): ImportOutcome => {
  const o = outcomes.find((x) => x.name === name || x.path.endsWith(name));
  if (!o) throw new Error(`no outcome for ${name}: ${outcomes.map((x) => x.path).join(', ')}`);
  return o;
};

describe('hostile and broken inputs in one batch (real engine host)', () => {
  it('reports each with a clear message, never crashes, and still imports the good files', async () => {
    const { host, dir } = start();
    await host.invoke('engagement:create', { path: join(dir, 'e.nhiaudit') });
    const at = (name: string, bytes: Buffer | string): string => {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      return p;
    };
    const header = readFileSync(INTERACTIVE, 'utf8').split('\n')[0] ?? '';
    const paths = [
      at('bomb.zip', zipBytes([{ name: 'InteractiveSignIns_bomb.csv', data: Buffer.concat([Buffer.from(`${header}\n`), Buffer.alloc(30 * 1024 * 1024, 0x20)]) }])),
      at('corrupt.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 0x5a)])),
      at('cut-short.zip', readFileSync(TENANT_ZIP).subarray(0, 3000)),
      at('damaged-entry.zip', zipBytes([
        { name: 'exportUsers_ok.csv', data: USERS_CSV },
        { name: 'exportUsers_bad.csv', data: Buffer.from(USERS_CSV.toString('utf8').repeat(20)), damage: (b) => Buffer.concat([b.subarray(0, 40), Buffer.alloc(60, 0xff), b.subarray(100)]) },
      ])),
      at('crowded.zip', zipBytes(Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}.csv`, data: Buffer.from('a\n'), method: 0 as const })))),
      join(FIXTURES, 'zip', 'password-protected.zip'),
      at('empty.csv', Buffer.alloc(0)),
      at('picture.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])),
      at('exportUsers_bigcell.csv', `${USERS_CSV.toString('utf8').split('\n')[0]}\n"${'x'.repeat(5 * 1024 * 1024)}"\n`),
      at('exportUsers_wide.csv', (() => {
        const lines = USERS_CSV.toString('utf8').trimEnd().split('\n');
        return `${lines[0]}\n${lines[1]},"extra","fields","here"\n`;
      })()),
      at('truncated.json', '{"value":[{"id":"11111111-1111-4111-8111-111111111111","userPrincipalName":"a@contoso.com","displayName":"A'),
      bigInteractiveCsv(dir, 500),
      TENANT_ZIP,
    ];
    const outcomes = await importPaths(host, paths);

    expect(byName(outcomes, 'bomb.zip')).toMatchObject({ status: 'failed' });
    expect(byName(outcomes, 'bomb.zip').error).toMatch(/would expand [\d,]+:1 .*beyond the 200:1 allowed\. This looks like a zip bomb\. Nothing from this archive was imported\./u);
    expect(byName(outcomes, 'corrupt.zip').error).toMatch(/^This \.zip archive cannot be read: it is damaged or not a zip file/u);
    expect(byName(outcomes, 'cut-short.zip').error).toMatch(/damaged or not a zip file/u);
    expect(byName(outcomes, 'crowded.zip').error).toMatch(/holds 10,001 entries, more than the 10,000 allowed/u);
    const encrypted = byName(outcomes, 'password-protected.zip!users.csv');
    expect(encrypted).toMatchObject({ status: 'failed', name: 'users.csv' });
    expect(encrypted.error).toMatch(/encrypted \(password-protected\)/u);
    // A damaged entry fails on its own; its sibling in the same archive imports.
    expect(byName(outcomes, 'damaged-entry.zip!exportUsers_ok.csv')).toMatchObject({ status: 'imported', kind: 'users.portal.csv' });
    const damaged = byName(outcomes, 'damaged-entry.zip!exportUsers_bad.csv');
    expect(damaged.status).toBe('failed');
    expect(damaged.error).toMatch(/archive entry is damaged|not a text export/u);
    expect(byName(outcomes, 'empty.csv').error).toBe('The file is empty (0 bytes).');
    expect(byName(outcomes, 'picture.csv').error).toMatch(/not a text export \(it contains binary data\)/u);
    // A 5 MB cell and a row with too many fields: reported, the process lives on.
    const bigCell = byName(outcomes, 'exportUsers_bigcell.csv');
    expect(['imported', 'failed']).toContain(bigCell.status);
    expect(bigCell.status === 'failed' ? bigCell.error : `${bigCell.rowsImported + bigCell.rowsRejected} row`).toBeTruthy();
    const wide = byName(outcomes, 'exportUsers_wide.csv');
    expect(wide).toMatchObject({ status: 'imported', rowsImported: 0, rowsRejected: 1 });
    expect(wide.rejections[0]?.reason).toMatch(/has \d+ fields where the header has \d+/u);
    // Truncated JSON (the JSON importer's to judge): reported, not imported, no crash.
    const json = byName(outcomes, 'truncated.json');
    expect(json.status).not.toBe('imported');
    expect(json.error ?? json.warnings.join(' ')).toBeTruthy();
    // The good inputs: a plain file and the entries of a real archive, named archive!entry.
    expect(byName(outcomes, 'InteractiveSignIns_2026-11-01_2026-11-09.csv')).toMatchObject({ status: 'imported', rowsImported: 500 });
    const fromZip = outcomes.filter((o) => o.path.startsWith(`${TENANT_ZIP}!`));
    expect(fromZip.map((o) => [o.path.slice(TENANT_ZIP.length), o.status])).toEqual([
      ['!tenant-export/SignIns/InteractiveSignIns_2026-11-01_2026-11-02.csv', 'imported'],
      ['!tenant-export/SignIns/NonInteractiveSignIns_2026-11-01_2026-11-02.csv', 'imported'],
      ['!tenant-export/Users/exportUsers_2026-11-2.csv', 'skipped'],
    ]);
    // The same bytes as the good entry of damaged-entry.zip: recognised by hash, not counted twice.
    expect(byName(outcomes, 'tenant-export/Users/exportUsers_2026-11-2.csv').warnings[0]).toMatch(/^Already imported \(identical to exportUsers_ok\.csv/u);
    for (const o of outcomes) if (o.status === 'failed') expect(o.error?.length ?? 0, o.path).toBeGreaterThan(20);

    // Still alive and consistent: the sign-ins of the good files only.
    const summary = await host.invoke('summary:get', {});
    expect(summary.signIns).toBe(500 + 7 + 30);
    const files = await host.invoke('import:files', {});
    expect(files.map((f) => f.path)).toContain(`${TENANT_ZIP}!tenant-export/SignIns/NonInteractiveSignIns_2026-11-01_2026-11-02.csv`);
    const coverage = await host.invoke('coverage:get', {});
    expect(coverage.categories.filter((c) => c.present).map((c) => c.category)).toEqual(['interactive', 'non_interactive']);
  });
});

describe('zip archives as inputs', () => {
  it('lists the entries of a real archive, skipping folders, __MACOSX, dot-files and notes', async () => {
    const zip = await expandZip(TENANT_ZIP, { ignored: (b) => /^README/iu.test(b) });
    if (!zip.ok) throw new Error(zip.error);
    try {
      expect(zip.sources.map((s) => [s.name, s.size])).toEqual([
        ['InteractiveSignIns_2026-11-01_2026-11-02.csv', 5735],
        ['NonInteractiveSignIns_2026-11-01_2026-11-02.csv', 30830],
        ['exportUsers_2026-11-2.csv', 882],
      ]);
      expect(zip.problems).toEqual([]);
      // Whole reads and ranges (sniffing reads the first 64 KB) give the original bytes, read afresh each time.
      const original = readFileSync(join(FIXTURES, 'portal', 'NonInteractiveSignIns_2026-11-01_2026-11-02.csv'));
      const entry = zip.sources[1] as InputSource;
      expect((await readAll(entry)).equals(original)).toBe(true);
      expect((await readAll(entry, { start: 0, end: 65_535 })).equals(original)).toBe(true);
      expect((await readAll(entry, { start: 1000, end: 1999 })).equals(original.subarray(1000, 2000))).toBe(true);
      expect((await readAll(entry, { start: 30_000 })).equals(original.subarray(30_000))).toBe(true);
      expect((await readAll(entry, { start: 0, end: 9 })).toString()).toBe(original.subarray(0, 10).toString());
    } finally {
      zip.close();
    }
  });

  it('reads ranges of stored entries from their offset, and checks the CRC of a whole read', async () => {
    const dir = tmp();
    const data = Buffer.from('Year,Amount\n'.repeat(1000));
    const path = join(dir, 'stored.zip');
    writeFileSync(path, zipBytes([{ name: 'a.csv', data, method: 0 }, { name: 'b.csv', data, method: 0, crc: 12345 }]));
    const zip = await expandZip(path);
    if (!zip.ok) throw new Error(zip.error);
    const [a, b] = zip.sources as [InputSource, InputSource];
    expect((await readAll(a, { start: 12, end: 23 })).toString()).toBe('Year,Amount\n');
    expect((await readAll(b, { start: 0, end: 11 })).toString()).toBe('Year,Amount\n');
    await expect(readAll(b)).rejects.toThrow(/CRC-32 checksum does not match/u);
    zip.close();
  });

  it('sniffs the start of a large compressed entry without inflating the rest, and releases the archive', async () => {
    const dir = tmp();
    const lines = Array.from({ length: 60_000 }, (_, i) => `"2026-11-01T00:00:${String(i % 60).padStart(2, '0')}Z","${i.toString(36)}-${(i * 7919).toString(16)}","user${i % 977}@contoso.com"`);
    const data = Buffer.from(`"Date (UTC)","Request ID","Username"\n${lines.join('\n')}\n`);
    const path = join(dir, 'large.zip');
    writeFileSync(path, zipBytes([{ name: 'big.csv', data }]));
    const fds = (): number => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);
    const before = fds();
    const zip = await expandZip(path);
    if (!zip.ok) throw new Error(zip.error);
    const source = zip.sources[0] as InputSource;
    for (let i = 0; i < 20; i++) {
      expect((await readAll(source, { start: 0, end: 65_535 })).equals(data.subarray(0, 65_536))).toBe(true);
    }
    expect((await readAll(source, { start: data.length - 100 })).equals(data.subarray(data.length - 100))).toBe(true);
    zip.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(fds()).toBe(before);
  });

  it('stops an entry that inflates beyond its declared size', async () => {
    const dir = tmp();
    const path = join(dir, 'liar.zip');
    writeFileSync(path, zipBytes([{ name: 'a.csv', data: Buffer.alloc(400_000, 0x61), declaredSize: 4000 }]));
    const zip = await expandZip(path);
    if (!zip.ok) throw new Error(zip.error);
    await expect(readAll(zip.sources[0] as InputSource)).rejects.toThrow(/more data than its header declares/u);
    zip.close();
  });

  it('refuses an archive that expands beyond the total allowed, and names one entry on request', async () => {
    const small = { maxEntries: 10_000, maxTotalBytes: 10_000, maxRatio: 200 };
    const refused = await expandZip(TENANT_ZIP, { limits: small });
    expect(refused).toEqual({ ok: false, error: expect.stringMatching(/^Refused: the archive expands to more than 0\.0 GB/u) });
    const one = await collectInputs([`${TENANT_ZIP}!tenant-export/Users/exportUsers_2026-11-2.csv`]);
    expect(one.sources.map((s) => s.path)).toEqual([`${TENANT_ZIP}!tenant-export/Users/exportUsers_2026-11-2.csv`]);
    one.close();
    const folder = await collectInputs([`${TENANT_ZIP}!tenant-export/SignIns`]);
    expect(folder.sources.map((s) => s.name)).toEqual(['InteractiveSignIns_2026-11-01_2026-11-02.csv', 'NonInteractiveSignIns_2026-11-01_2026-11-02.csv']);
    folder.close();
    const none = await collectInputs([`${TENANT_ZIP}!nothing/here.csv`]);
    expect(none.problems).toEqual([{ path: `${TENANT_ZIP}!nothing/here.csv`, error: 'The archive has no entry nothing/here.csv.' }]);
  });
});

describe('choosing the kind of a file whose kind could not be detected (real engine host)', () => {
  it('offers the ambiguous candidates, then imports the file again as the chosen kind, also inside an archive', async () => {
    const { host, dir } = start();
    await host.invoke('engagement:create', { path: join(dir, 'e.nhiaudit') });
    const renamed = join(dir, 'signins.csv');
    copyFileSync(INTERACTIVE, renamed);
    const first = await importPaths(host, [renamed]);
    expect(first[0]).toMatchObject({ status: 'failed', candidates: ['signins.portal.interactive.csv', 'signins.portal.non_interactive.csv'] });
    expect(first[0]?.error).toMatch(/does not say whether it holds interactive or non-interactive/u);
    const second = await importPaths(host, [renamed], { [renamed]: 'signins.portal.non_interactive.csv' });
    expect(second[0]).toMatchObject({ status: 'imported', kind: 'signins.portal.non_interactive.csv', rowsImported: 7 });

    const zipPath = join(dir, 'export.zip');
    writeFileSync(zipPath, zipBytes([{ name: 'logs/signins.csv', data: readFileSync(join(FIXTURES, 'portal', 'NonInteractiveSignIns_2026-11-01_2026-11-02.csv')) }]));
    const entry = `${zipPath}!logs/signins.csv`;
    expect((await importPaths(host, [zipPath]))[0]).toMatchObject({ path: entry, name: 'signins.csv', status: 'failed' });
    expect((await importPaths(host, [entry], { [entry]: 'signins.portal.non_interactive.csv' }))[0]).toMatchObject({ path: entry, status: 'imported' });
    const coverage = await host.invoke('coverage:get', {});
    expect(coverage.categories.find((c) => c.category === 'non_interactive')).toMatchObject({ present: true, files: 2 });
    expect(coverage.categories.find((c) => c.category === 'interactive')?.present).toBe(false);
    expect(coverage.caveats.map((c) => c.code)).toContain('missing_interactive');
  });
});

describe('coverage of an engagement (real engine host)', () => {
  it('flags a file at the portal cap as truncated, and the report carries the coverage', async () => {
    const { host, dir } = start();
    await host.invoke('engagement:create', { path: join(dir, 'e.nhiaudit') });
    const capped = bigInteractiveCsv(dir, 100_000);
    await importPaths(host, [capped, join(FIXTURES, 'portal', 'exportUsers_2026-11-2.csv')]);
    const coverage = await host.invoke('coverage:get', {});
    expect(coverage.truncatedFiles).toEqual([expect.objectContaining({ name: 'InteractiveSignIns_2026-11-01_2026-11-09.csv', flags: ['truncated_at_cap'] })]);
    expect(coverage.window).toEqual({ from: '2026-11-01', to: '2026-11-09' });
    expect(coverage.entities.filter((e) => e.present).map((e) => e.entity)).toEqual(['users']);
    expect(coverage.caveats.map((c) => c.code)).toEqual(expect.arrayContaining(['missing_non_interactive', 'truncated_at_cap', 'missing_mfa_registration', 'short_window']));

    const out = join(dir, 'r.json');
    const { jobId } = await host.invoke('export:report', { outPath: out, asOf: '2026-11-20' });
    await host.waitForJob(jobId);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { coverage: Record<string, unknown> };
    expect(Object.keys(report.coverage)).toEqual(['signIns', 'signInsByCategory', 'firstSignIn', 'lastSignIn', 'categories', 'entities', 'truncatedFiles', 'caveats']);
    expect(report.coverage.truncatedFiles).toEqual(coverage.truncatedFiles);
    expect(report.coverage.caveats).toEqual(coverage.caveats);
  });
});
