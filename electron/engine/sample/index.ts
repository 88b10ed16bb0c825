/**
 * Deterministic generator of a realistic fictional tenant, "Contoso", written in the real export
 * formats (shared/reference/formats.md): the four portal sign-in downloads, the users download,
 * Graph JSON for MFA registration, applications, service principals and directory role assignments,
 * and Get-AzRoleAssignment CSV. Same seed and options => byte-identical files.
 *
 * Sign-ins are planned one UTC day at a time and streamed to the CSVs with backpressure, so memory
 * stays flat at millions of rows.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { planContext, planUtcDay } from './behaviour';
import { isUserSignIn } from './events';
import { Rng } from './prng';
import { buildTenant } from './tenant';
import { DAY, epochDay, parseYmd, ymd, ymdUnpadded } from './time';
import { writeAzureRolesCsv } from './writers/azureRolesCsv';
import { writeApplications, writeServicePrincipals } from './writers/graphApps';
import { writeEntraRoleAssignments, writeRegistrationDetails } from './writers/graphDirectory';
import { LineSink } from './writers/lineSink';
import { managedIdentityHeaderLine, servicePrincipalHeaderLine, userHeaderLine, userRow, workloadRow, type IdSource } from './writers/portalSignInCsv';
import { writeUsersCsv } from './writers/usersCsv';
import { writeServiceTags } from './writers/serviceTags';

export interface SampleOptions {
  outDir: string;
  /** Default 20261120. */
  seed?: number;
  /** Approximate total sign-in events across the four sign-in files; default 20000. */
  signIns?: number;
  /** YYYY-MM-DD; default '2026-11-20'. Sign-ins cover the 30 days before it. */
  asOf?: string;
}

export interface GeneratedFile {
  path: string;
  kind: string;
  rows: number;
}

export const DEFAULT_SEED = 20261120;
export const DEFAULT_SIGNINS = 20000;
export const DEFAULT_AS_OF = '2026-11-20';
export const WINDOW_DAYS = 30;

/**
 * Options of the committed resources/sample. Portal sign-in rows are 500-900 bytes each, so the
 * 20,000-event default is about 15.6 MB; the bundled sample uses 10,000 events to stay near 8 MB
 * (every named account and fixed schedule is still there; people and workloads are sparser).
 */
export const BUNDLED_SAMPLE_OPTIONS = { seed: DEFAULT_SEED, signIns: 20_000, asOf: DEFAULT_AS_OF } as const;

export { buildTenant } from './tenant';
export type { Tenant, User, UserClass } from './model';

export async function generateSampleTenant(options: SampleOptions): Promise<GeneratedFile[]> {
  const seed = options.seed ?? DEFAULT_SEED;
  const signIns = options.signIns ?? DEFAULT_SIGNINS;
  if (!Number.isFinite(signIns) || signIns < 0) throw new Error(`signIns must be a non-negative number, got ${signIns}`);
  const asOfMs = parseYmd(options.asOf ?? DEFAULT_AS_OF);
  const tenant = buildTenant({ seed, signIns, asOfMs, days: WINDOW_DAYS });
  await mkdir(options.outDir, { recursive: true });

  // Portal file names carry the filter range; the users download carries the export date.
  const range = `${ymd(tenant.windowStartMs)}_${ymd(asOfMs)}`;
  const file = (name: string): string => join(options.outDir, name);
  const interactive = LineSink.open(file(`InteractiveSignIns_${range}.csv`));
  const nonInteractive = LineSink.open(file(`NonInteractiveSignIns_${range}.csv`));
  const servicePrincipal = LineSink.open(file(`ApplicationSignIns_${range}.csv`));
  const managedIdentity = LineSink.open(file(`MSISignIns_${range}.csv`));
  interactive.header(userHeaderLine());
  nonInteractive.header(userHeaderLine());
  servicePrincipal.header(servicePrincipalHeaderLine());
  managedIdentity.header(managedIdentityHeaderLine());

  const ids: IdSource = { rng: Rng.fork(seed, 'event-ids') };
  const ctx = planContext(tenant);
  const sinks = [interactive, nonInteractive, servicePrincipal, managedIdentity];
  try {
    for (let day = epochDay(asOfMs - DAY); day >= epochDay(tenant.windowStartMs); day--) {
      for (const e of planUtcDay(ctx, day)) {
        let sink: LineSink;
        let line: string;
        if (isUserSignIn(e)) {
          sink = e.cat === 'interactive' ? interactive : nonInteractive;
          line = userRow(e, ids, tenant.tenantId);
        } else {
          sink = e.cat === 'servicePrincipal' ? servicePrincipal : managedIdentity;
          line = workloadRow(e, ids, tenant.tenantId);
        }
        if (sink.row(line)) await sink.flush();
      }
    }
  } finally {
    for (const s of sinks) await s.close();
  }

  const usersPath = file(`exportUsers_${ymdUnpadded(asOfMs)}.csv`);
  const mfaPath = file('userRegistrationDetails.json');
  const appsPath = file('applications.json');
  const spsPath = file('servicePrincipals.json');
  const azurePath = file('azure_role_assignments.csv');
  const entraPath = file('entra_role_assignments.json');
  // The download's name carries its publication date (a Monday near the as-of date).
  const tagsPath = file(`ServiceTags_Public_${ymd(asOfMs - 4 * DAY).replaceAll('-', '')}.json`);
  return [
    { path: interactive.path, kind: 'signins.portal.interactive.csv', rows: interactive.rows },
    { path: nonInteractive.path, kind: 'signins.portal.non_interactive.csv', rows: nonInteractive.rows },
    { path: servicePrincipal.path, kind: 'signins.portal.service_principal.csv', rows: servicePrincipal.rows },
    { path: managedIdentity.path, kind: 'signins.portal.managed_identity.csv', rows: managedIdentity.rows },
    { path: usersPath, kind: 'users.portal.csv', rows: await writeUsersCsv(usersPath, tenant.users) },
    { path: mfaPath, kind: 'mfa.graph.json', rows: await writeRegistrationDetails(mfaPath, tenant) },
    { path: appsPath, kind: 'applications.graph.json', rows: await writeApplications(appsPath, tenant) },
    { path: spsPath, kind: 'serviceprincipals.graph.json', rows: await writeServicePrincipals(spsPath, tenant) },
    { path: azurePath, kind: 'azure.roles.csv', rows: await writeAzureRolesCsv(azurePath, tenant.azureAssignments) },
    { path: entraPath, kind: 'entra.roles.graph.json', rows: await writeEntraRoleAssignments(entraPath, tenant) },
    { path: tagsPath, kind: 'azure.ipranges.json', rows: await writeServiceTags(tagsPath, tenant) },
  ];
}
