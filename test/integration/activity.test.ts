import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityActivitySchema } from '../../shared/contract/activity';
import { inProcessEngine } from '../support/engineHarness';
import { SAMPLE } from '../support/paths';

const h = inProcessEngine();
afterAll(() => h.engine.shutdown());

const find = async (search: string) => {
  const row = (await h.call('identities:list', { search, limit: 5 })).rows[0];
  if (!row) throw new Error(`${search} not found`);
  return row;
};
const activity = async (id: number) => IdentityActivitySchema.parse(await h.call('identities:activity', { id }));

describe('identity activity on the bundled sample', () => {
  beforeAll(async () => {
    await h.job((await h.call('engagement:openSample', { path: join(h.dir, 'sample.nhiaudit') })).jobId);
  });

  it('svc-monitor runs every 15 minutes around the clock: a bar every day, every hour of the week lit, one source', async () => {
    const row = await find('svc-monitor@contoso.com');
    const a = await activity(row.id);
    expect(a.profile).toBe('current');
    expect(a.totals.signIns).toBe(row.signIns);
    expect(a.window).toEqual({ from: '2026-10-21', to: '2026-11-19' });
    expect(a.days).toHaveLength(30);
    expect(a.days.every((d) => d.interactive === 96)).toBe(true);
    expect(a.weekHours).toHaveLength(7);
    const cells = a.weekHours.flat();
    expect(cells).toHaveLength(168);
    expect(cells.every((n) => n > 0)).toBe(true);
    expect(cells.reduce((x, y) => x + y, 0)).toBe(row.signIns);
    expect(a.ips).toEqual([{ ip: '192.0.2.21', count: row.signIns, country: 'US', asn: null }]);
    expect(a.userAgents[0]?.agent).toMatch(/PowerShell\/7/u);
    // A user object: no application credentials and no owners, whatever the exports hold.
    expect(a).toMatchObject({ credentials: [], owners: [], ownersEvidence: 'not_applicable' });
    expect(a.roles).toEqual([expect.objectContaining({ system: 'azure', role: 'Monitoring Reader', state: 'active', privileged: false })]);
  });

  it('an application shows its credentials judged as the rules judge them, its roles and its owners', async () => {
    const powerBi = await activity((await find('Power BI Refresh')).id);
    expect(powerBi.credentials.map((c) => [c.displayName, c.type, c.status, c.seenInUse])).toEqual([
      ['refresh', 'password', 'valid', 'yes'],
      ['spare-do-not-use', 'password', 'valid', 'no'],
    ]);
    expect(powerBi.credentials[1]).toMatchObject({ seenWhy: 'Not used by any of 30 sign-ins, which used another key', issues: ['Lifetime 730 days, over the limit of 180'] });
    expect(powerBi.owners).toEqual([expect.objectContaining({ displayName: 'Grace Ashworth', upn: 'grace.ashworth@contoso.com', problem: null })]);
    expect(powerBi.ownersEvidence).toBe('known');
    expect(powerBi.totals.servicePrincipal).toBe(powerBi.days.reduce((n, d) => n + d.servicePrincipal, 0));

    const github = await activity((await find('GitHub Actions - infrastructure')).id);
    expect(github.credentials.map((c) => [c.type, c.status])).toEqual([
      ['federated', 'valid'],
      ['federated', 'valid'],
    ]);
    expect(github.roles).toEqual([expect.objectContaining({ system: 'azure', role: 'Contributor', scopeLevel: 'subscription', state: 'active', privileged: true })]);
    expect(github.owners.map((o) => o.displayName).sort()).toEqual(['Fatima Stewart', 'Felix Gibson']);

    const expense = await activity((await find('Expense Connector')).id);
    expect(expense.credentials.map((c) => c.status)).toEqual(['expired']);
  });

  it('refuses an unknown id with the error identities:get gives', async () => {
    const get = h.call('identities:get', { id: 987_654 });
    await expect(get).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND' });
    await expect(h.call('identities:activity', { id: 987_654 })).rejects.toMatchObject({ code: 'IDENTITY_NOT_FOUND', message: 'There is no identity 987654 in this engagement.' });
  });

  it('an identity imported but never analysed gets empty activity, not an error', async () => {
    const e = inProcessEngine();
    await e.call('engagement:create', { path: join(e.dir, 'raw.nhiaudit'), name: 'raw' });
    await e.job((await e.call('import:start', { paths: [join(SAMPLE, 'InteractiveSignIns_2026-10-21_2026-11-20.csv')], analyse: false })).jobId);
    const row = (await e.call('identities:list', { search: 'svc-monitor', limit: 1 })).rows[0];
    expect(row).toBeDefined();
    const a = IdentityActivitySchema.parse(await e.call('identities:activity', { id: row?.id ?? 0 }));
    expect(a).toMatchObject({ profile: 'not_analysed', window: null, days: [], weekHours: [], ips: [], userAgents: [], credentials: [], owners: [] });
    await e.engine.shutdown();
  });
});
