import { readFile, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSampleTenant, type GeneratedFile } from '../../../electron/engine/sample/index';
import { SHARED_SAMPLES } from '../../support/paths';
import { readCsv, readJsonValue, readServiceTagPrefixes, records, sha256, tempDir } from './helpers';

const KINDS = [
  'signins.portal.interactive.csv',
  'signins.portal.non_interactive.csv',
  'signins.portal.service_principal.csv',
  'signins.portal.managed_identity.csv',
  'users.portal.csv',
  'mfa.graph.json',
  'applications.graph.json',
  'serviceprincipals.graph.json',
  'azure.roles.csv',
  'entra.roles.graph.json',
  'azure.ipranges.json',
];

let dir = '';
let files: GeneratedFile[] = [];
const fileOf = (kind: string): string => {
  const f = files.find((x) => x.kind === kind);
  if (!f) throw new Error(`no ${kind}`);
  return f.path;
};
const firstLine = async (path: string): Promise<string> => (await readFile(path, 'utf8')).split('\r\n')[0] ?? '';

beforeAll(async () => {
  dir = await tempDir('default');
  files = await generateSampleTenant({ outDir: dir });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sample tenant generator: files', () => {
  it('writes every kind once, with the portal file names', async () => {
    expect(files.map((f) => f.kind)).toEqual(KINDS);
    expect((await readdir(dir)).sort()).toEqual(
      [
        'ApplicationSignIns_2026-10-21_2026-11-20.csv',
        'InteractiveSignIns_2026-10-21_2026-11-20.csv',
        'MSISignIns_2026-10-21_2026-11-20.csv',
        'NonInteractiveSignIns_2026-10-21_2026-11-20.csv',
        'applications.json',
        'azure_role_assignments.csv',
        'entra_role_assignments.json',
        'exportUsers_2026-11-20.csv',
        'servicePrincipals.json',
        'userRegistrationDetails.json',
        'ServiceTags_Public_20261116.json',
      ].sort(),
    );
  });

  it('is deterministic: the same seed and options give byte-identical files', async () => {
    const again = await tempDir('again');
    try {
      const second = await generateSampleTenant({ outDir: again });
      for (const f of files) {
        const twin = second.find((s) => s.kind === f.kind);
        expect(twin && basename(twin.path)).toBe(basename(f.path));
        expect(await sha256(join(again, basename(f.path))), f.kind).toBe(await sha256(f.path));
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });

  it('a different seed gives a different tenant', async () => {
    const other = await tempDir('seed');
    try {
      const second = await generateSampleTenant({ outDir: other, seed: 7, signIns: 3000 });
      const users = second.find((f) => f.kind === 'users.portal.csv');
      expect(users && (await sha256(users.path))).not.toBe(await sha256(fileOf('users.portal.csv')));
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('returns the real number of data rows of every file', async () => {
    for (const f of files) {
      const rows = f.path.endsWith('.csv')
        ? (await readCsv(f.path)).rows.length
        : f.kind === 'azure.ipranges.json'
          ? (await readServiceTagPrefixes(f.path)).length
          : (await readJsonValue(f.path)).length;
      expect(rows, f.kind).toBe(f.rows);
    }
  });

  it('writes Azure IP ranges that hold the addresses its Azure workloads use, in the real download\'s shape', async () => {
    const body = JSON.parse(await readFile(fileOf('azure.ipranges.json'), 'utf8')) as { cloud: string; values: { id: string; properties: { addressPrefixes: string[] } }[] };
    expect(body.cloud).toBe('Public');
    expect(body.values.map((v) => v.id)).toEqual(expect.arrayContaining(['AzureCloud', 'AzureCloud.westeurope', 'AzureActiveDirectory']));
  });

  it('produces about the requested number of sign-ins by default', () => {
    const total = files.filter((f) => f.kind.startsWith('signins.')).reduce((n, f) => n + f.rows, 0);
    expect(total).toBeGreaterThan(18_000);
    expect(total).toBeLessThan(22_000);
  });
});

describe('sample tenant generator: headers and encoding', () => {
  it('user sign-in files carry the real 55-column header verbatim, without BOM, with CRLF', async () => {
    const sample = await firstLine(join(SHARED_SAMPLES, 'HEADER-ONLY_portal-InteractiveSignIns_2024-10_bitpusher2k-M365IRScripts.csv'));
    expect(sample.split('","')).toHaveLength(55);
    for (const kind of ['signins.portal.interactive.csv', 'signins.portal.non_interactive.csv']) {
      const bytes = await readFile(fileOf(kind));
      expect(bytes[0], kind).toBe(0x22); // '"', no BOM
      expect(await firstLine(fileOf(kind)), kind).toBe(sample);
      const text = bytes.toString('utf8');
      expect(text.split('\n').length, 'every line ends with CRLF').toBe(text.split('\r\n').length);
    }
  });

  it('the application sign-in header is the documented 22 columns; the MSI file adds the four managed-identity columns', async () => {
    const sample = await firstLine(join(SHARED_SAMPLES, 'HEADER-ONLY_portal-ApplicationSignIns_2026-01_unattributed-schema-doc.csv'));
    expect(await firstLine(fileOf('signins.portal.service_principal.csv'))).toBe(sample);
    expect(await firstLine(fileOf('signins.portal.managed_identity.csv'))).toBe(
      `${sample},Managed Identity type,Associated Resource Id,Federated Token Id,Federated Token Issuer`,
    );
  });

  it('the users download uses the real 2021 header and value styles', async () => {
    const sample = await firstLine(join(SHARED_SAMPLES, 'entra-users-download_y-security-blog-2021-12-06.csv'));
    expect(await firstLine(fileOf('users.portal.csv'))).toBe(sample);
    const users = records(await readCsv(fileOf('users.portal.csv')));
    for (const u of users) {
      expect(u.createdDateTime).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} (AM|PM)$/u);
      expect(['True', 'False']).toContain(u.accountEnabled);
    }
  });

  it('the Azure role export is Get-AzRoleAssignment | Export-Csv: every field quoted', async () => {
    const line = await firstLine(fileOf('azure.roles.csv'));
    expect(line).toBe(
      '"RoleAssignmentName","RoleAssignmentId","Scope","DisplayName","SignInName","RoleDefinitionName","RoleDefinitionId","ObjectId","ObjectType","CanDelegate","Description","ConditionVersion","Condition"',
    );
    const text = await readFile(fileOf('azure.roles.csv'), 'utf8');
    for (const row of text.trim().split('\r\n')) expect(row).toMatch(/^"([^"]|"")*"(,"([^"]|"")*")*$/u);
  });

  it('sign-in dates are UTC seconds with Z, inside the 30 days before asOf, newest first', async () => {
    for (const kind of KINDS.slice(0, 4)) {
      const recs = records(await readCsv(fileOf(kind)));
      let previous = Infinity;
      for (const r of recs) {
        expect(r['Date (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u);
        const t = Date.parse(r['Date (UTC)'] ?? '');
        expect(t).toBeGreaterThanOrEqual(Date.UTC(2026, 9, 21));
        expect(t).toBeLessThan(Date.UTC(2026, 10, 20));
        expect(t).toBeLessThanOrEqual(previous);
        previous = t;
      }
    }
  });
});

describe('sample tenant generator: ids', () => {
  it('every request id is unique across the four sign-in files', async () => {
    const seen = new Set<string>();
    let count = 0;
    for (const kind of KINDS.slice(0, 4)) {
      for (const r of records(await readCsv(fileOf(kind)))) {
        const id = r['Request ID'] ?? '';
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
        seen.add(id);
        count++;
      }
    }
    expect(seen.size).toBe(count);
  });

  it('service principal sign-ins mostly present a key id of the app; one rotated-away key; one credential never used', async () => {
    const apps = await readJsonValue(fileOf('applications.graph.json'));
    const keyToApp = new Map<string, string>();
    for (const a of apps) {
      for (const c of [...(a.passwordCredentials as { keyId: string }[]), ...(a.keyCredentials as { keyId: string }[])]) keyToApp.set(c.keyId, a.appId as string);
    }
    const recs = records(await readCsv(fileOf('signins.portal.service_principal.csv')));
    const withKey = recs.filter((r) => r['Credential key ID']);
    const found = withKey.filter((r) => keyToApp.get(r['Credential key ID'] ?? '') === r['Application ID ']);
    expect(found.length / withKey.length).toBeGreaterThan(0.9);
    const missing = new Set(withKey.filter((r) => !keyToApp.has(r['Credential key ID'] ?? '')).map((r) => r['Credential key ID']));
    expect(missing.size).toBe(1);
    const used = new Set(withKey.map((r) => r['Credential key ID']));
    const powerBi = apps.find((a) => a.displayName === 'Power BI Refresh');
    const spare = (powerBi?.passwordCredentials as { keyId: string; displayName: string }[]).find((c) => c.displayName === 'spare-do-not-use');
    expect(spare && used.has(spare.keyId)).toBe(false);
    expect(recs.some((r) => r['Sign-in error code'] === '7000222')).toBe(true);
  });
});

describe('sample tenant generator: scale', () => {
  it('streams 200,000 sign-ins', { timeout: 300_000 }, async () => {
    const big = await tempDir('scale');
    try {
      const out = await generateSampleTenant({ outDir: big, signIns: 200_000 });
      const total = out.filter((f) => f.kind.startsWith('signins.')).reduce((n, f) => n + f.rows, 0);
      expect(total).toBeGreaterThan(150_000);
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  });
});
