// Workbook benchmark (issue 5): fills an engagement with N identities (classified, judged, with a
// stored profile) and M findings straight in SQL, then times the workbook export and reports the
// process's peak memory.   npm run bench:workbook -- [identities=100000] [findings=300000]
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Engagement } from '../electron/engine/engagement';
import { ENGINE_RESOURCE_LIMITS } from '../electron/engine/host';
import { emptySignIns } from '../shared/classification/profile';
import { RULES } from '../shared/rules/registry';

const nums = process.argv.slice(2).filter((a) => /^\d+$/u.test(a)).map(Number);
const identities = nums[0] ?? 100_000;
const findings = nums[1] ?? 300_000;
const dir = mkdtempSync(join(tmpdir(), 'nhi-bench-workbook-'));
const n = (v: number): string => Math.round(v).toLocaleString('en-US');

async function main(): Promise<void> {
  const path = join(dir, 'bench.nhiaudit');
  const e = Engagement.create(path, { name: 'Workbook benchmark', customer: 'Contoso', tenant: 'contoso.onmicrosoft.com', auditor: 'bench', asOf: '2026-11-20' }, 'bench');
  const db = e.writer;
  const t0 = performance.now();
  const classes = ['human', 'service_account', 'service_principal', 'managed_identity', 'guest'] as const;
  const verdicts = ['ready', 'no_activity', 'will_break', 'at_risk', 'not_in_scope'] as const;
  db.transaction(() => {
    const id = db.prepare(`INSERT INTO identities (id, kind, object_id, upn, display_name, user_type, account_enabled) VALUES (?, ?, ?, ?, ?, 'Member', 1)`);
    const cls = db.prepare(`INSERT INTO classifications (identity_id, class, confidence, reasons, computed_at) VALUES (?, ?, 0.9, ?, 't')`);
    const prof = db.prepare(`INSERT INTO identity_profiles (identity_id, sign_ins, interactive, non_interactive, service_principal, managed_identity, first_seen, last_seen, profile, computed_at) VALUES (?, 120, 60, 60, 0, 0, '2026-10-21T00:00:00Z', '2026-11-19T00:00:00Z', ?, 't')`);
    const ready = db.prepare(`INSERT INTO readiness (identity_id, verdict, surfaces, evidence, reason, recommendation, computed_at) VALUES (?, ?, ?, '{"phase":2}', ?, ?, 't')`);
    const surfaces = JSON.stringify([{ surface: 'cli', label: 'Azure CLI', phase: 2, effect: 'breaks', mfa: 0, singleFactor: 40, mfaFailures: 0, otherFailures: 0, firstSingleFactor: '2026-10-22T01:00:00.000Z', lastSingleFactor: '2026-11-19T01:00:00.000Z', firstMfaFailure: null, lastMfaFailure: null, lastMfa: null, lastSuccess: '2026-11-19T01:00:00.000Z', sampleRequestIds: ['4f1d2c3b-0000-4000-8000-000000000001'] }]);
    const reasons = JSON.stringify([{ code: 'ropc', text: 'ROPC (username/password token flow) on 40 sign-ins', weight: 0.45 }, { code: 'one-ip', text: 'All 120 sign-ins from one IP address', weight: 0.1 }]);
    const profile = JSON.stringify({ signIns: emptySignIns() });
    const rec = JSON.stringify({ pattern: 'service_principal_certificate', action: 'Move the job to a service principal with a certificate.', rationale: '120 sign-ins by a script.' });
    for (let i = 1; i <= identities; i++) {
      const c = classes[i % classes.length] as (typeof classes)[number];
      id.run(i, c === 'service_principal' || c === 'managed_identity' ? 'service_principal' : 'user', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `user${i}@contoso.com`, i === 7 ? '=HYPERLINK("http://x","click")' : `User ${i}`);
      cls.run(i, c, reasons);
      prof.run(i, profile);
      ready.run(i, verdicts[i % verdicts.length], surfaces, 'Automation signs in single-factor to Azure CLI (phase 2): 40 sign-ins the enforcement will stop.', rec);
    }
    // Directory facts for the Credentials, Privileged Access and Ownership sheets: two credentials
    // and an owner per service principal, a role assignment for every second identity.
    const cred = db.prepare(`INSERT INTO credentials (identity_id, type, key_id, display_name, start_time, end_time) VALUES (?, ?, ?, ?, '2025-06-01T00:00:00Z', ?)`);
    const owner = db.prepare(`INSERT INTO owners (identity_id, owner_object_id, owner_upn, owner_display_name, owner_type) VALUES (?, ?, ?, ?, 'user')`);
    const role = db.prepare(`INSERT INTO role_assignments (system, principal_object_id, identity_id, principal_name, principal_type, role_name, scope, scope_level) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let i = 1; i <= identities; i++) {
      const c = classes[i % classes.length] as (typeof classes)[number];
      if (c === 'service_principal') {
        cred.run(i, 'password', `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `secret ${i}`, '2027-06-01T00:00:00Z');
        cred.run(i, 'certificate', `20000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `CN=app${i}`, '2026-12-01T00:00:00Z');
        owner.run(i, `30000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `owner${i}@contoso.com`, `Owner ${i}`);
      }
      if (i % 2 === 0) role.run('azure', `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, i, `User ${i}`, 'User', i % 4 === 0 ? 'Owner' : 'Reader', `/subscriptions/05985f36-7ac4-4110-96ab-3024da657f30/resourceGroups/rg-${i % 50}`, 'resourceGroup');
    }
    const f = db.prepare(`INSERT INTO findings (rule_id, identity_id, severity, title, subject, evidence, computed_at) VALUES (?, ?, ?, ?, ?, ?, 't')`);
    for (let k = 0; k < findings; k++) {
      const rule = RULES[k % RULES.length];
      if (!rule) continue;
      const who = 1 + (k % identities);
      f.run(rule.meta.id, who, rule.meta.severity, rule.meta.title, `User ${who} (user${who}@contoso.com)`, JSON.stringify({ text: `Finding ${k}: evidence with numbers, 1,234 of 5,678 sign-ins` }));
    }
    db.prepare(`INSERT INTO settings (key, value) VALUES ('analysis.lastRun', '"2026-11-20T00:00:00.000Z"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run();
  })();
  console.log(`filled      ${n(identities)} identities, ${n(findings)} findings in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  e.close();
  const out = join(dir, 'bench.xlsx');
  // The export runs where the app runs it: on a worker with the engine worker's young-generation limit.
  const worker = new Worker(join(import.meta.dirname, 'bench', 'workbookWorker.ts'), {
    workerData: { path, out },
    execArgv: ['--import', 'tsx'],
    resourceLimits: ENGINE_RESOURCE_LIMITS,
  });
  let peak = 0;
  const timer = setInterval(() => {
    const m = /VmRSS:\s+(\d+) kB/u.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) peak = Math.max(peak, Number(m[1]) * 1024);
  }, 25);
  const [{ seconds }] = (await once(worker, 'message')) as [{ seconds: number }];
  clearInterval(timer);
  await worker.terminate();
  console.log(`workbook    ${seconds.toFixed(1)} s, ${(statSync(out).size / 1048576).toFixed(1)} MB, peak RSS of the process while writing ${n(peak / 1048576)} MB`);
  if (process.argv.includes('--keep')) console.log(`kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

void main();
