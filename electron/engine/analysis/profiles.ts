import { ENTRA_CONNECT_APP_ID, enforcedSurface } from '../../../shared/catalogue/enforcedApps';
import { isPrivilegedAzureRole, isPrivilegedEntraRole } from '../../../shared/catalogue/privilegedRoles';
import { userAgentFamily, type UserAgentFamily } from '../../../shared/catalogue/userAgents';
import {
  emptySignIns,
  emptySurface,
  MFA_REQUIRED_CODES,
  PHISHING_RESISTANT_METHODS,
  type IdentityProfile,
  type RoleHolding,
} from '../../../shared/classification/profile';
import type { ClassificationSettings } from '../../../shared/classification/settings';
import { fieldIndex, parseGroupValue } from '../../../shared/parse/signInFields';
import type { IdentityBaseRow } from '../db/identityRow';
import type { Db } from '../db/open';
import { intervalStats } from '../../../shared/classification/intervals';

/** Federated IdPs that did MFA say so here instead of in the authentication requirement (formats.md §2). */
const MFA_BY_CLAIM = 'MFA requirement satisfied by claim in the token';
const TOP = 5;
const SAMPLES = 3;

interface IdentityRow extends IdentityBaseRow {
  job_title: string | null;
  department: string | null;
  on_premises_sync: number | null;
  in_directory: number;
  sp_type: string | null;
  app_owner_org_id: string | null;
  description: string | null;
  msi_type: string | null;
  deleted: number;
}

interface GroupRow {
  identity_id: number;
  category: string;
  auth_ref: number | null;
  client_ref: number | null;
  app_ref: number | null;
  resource_ref: number | null;
  outcome_ref: number | null;
  error_code: number | null;
  n: number;
  first_ms: number;
  last_ms: number;
  sample_a: string;
  sample_b: string;
}

const toBool = (v: number | null): boolean | null => (v == null ? null : v !== 0);
const iso = (ms: number): string => new Date(ms).toISOString();
const minIso = (a: string | null, b: string): string => (a == null || b < a ? b : a);
const maxIso = (a: string | null, b: string): string => (a == null || b > a ? b : a);

/** The stored combinations a profile reads, decoded once per id. */
class Values {
  private readonly cache = new Map<number, (string | null)[] | null>();
  private readonly get: (id: number) => { value: string } | undefined;
  constructor(db: Db) {
    const stmt = db.prepare<[number], { value: string }>('SELECT value FROM signin_values WHERE id = ?');
    this.get = (id) => stmt.get(id);
  }
  field(ref: number | null, index: number): string | null {
    if (ref == null) return null;
    let v = this.cache.get(ref);
    if (v === undefined) {
      v = parseGroupValue(this.get(ref)?.value ?? null);
      this.cache.set(ref, v);
    }
    return v?.[index] ?? null;
  }
}

const AUTH_REQUIREMENT = fieldIndex('auth', 'authRequirement');
const AUTH_PROTOCOL = fieldIndex('auth', 'authProtocol');
const MFA_RESULT = fieldIndex('auth', 'mfaResult');
const USER_AGENT = fieldIndex('client', 'userAgent');
const APP_ID = fieldIndex('app', 'appId');
const RESOURCE_ID = fieldIndex('resource', 'resourceId');
const STATUS = fieldIndex('outcome', 'status');
const COUNTRY = fieldIndex('location', 'country');
const IP = fieldIndex('ip', 'ip');

/**
 * Builds every identity's profile in three passes over the sign-ins, each grouped or ordered by
 * SQLite so the folds below run over groups or stream rows without holding them: (1) counts by
 * category, protocol, client, app, resource and outcome; (2) sources (IPs, countries, ASNs);
 * (3) times in order per identity for hour, weekday and interval regularity.
 */
export function buildProfiles(db: Db, settings: ClassificationSettings): Map<number, IdentityProfile> {
  const profiles = new Map<number, IdentityProfile>();
  const identities = db
    .prepare(
      `SELECT id, kind, object_id, app_id, upn, display_name, user_type, account_enabled, job_title, department,
              on_premises_sync, in_directory, sp_type, app_owner_org_id, description, msi_type, deleted FROM identities`,
    )
    .iterate() as IterableIterator<IdentityRow>;
  for (const r of identities) {
    profiles.set(r.id, {
      id: r.id,
      kind: r.kind,
      objectId: r.object_id,
      appId: r.app_id,
      upn: r.upn,
      displayName: r.display_name,
      userType: r.user_type,
      accountEnabled: toBool(r.account_enabled),
      jobTitle: r.job_title,
      department: r.department,
      onPremisesSync: toBool(r.on_premises_sync),
      inDirectory: r.in_directory !== 0,
      spType: r.sp_type,
      appOwnerOrgId: r.app_owner_org_id,
      description: r.description,
      msiType: r.msi_type,
      deleted: r.deleted !== 0,
      registration: null,
      roles: [],
      signIns: emptySignIns(),
    });
  }
  const ownAppIds = new Set(
    (db.prepare(`SELECT app_id FROM identities WHERE kind = 'application' AND app_id IS NOT NULL`).raw(true).all() as [string][]).map(([a]) => a),
  );
  for (const p of profiles.values()) if (p.kind !== 'user') p.ownApp = p.kind === 'application' || (p.appId != null && ownAppIds.has(p.appId));
  const values = new Values(db);
  foldGroups(db, profiles, values);
  foldSources(db, profiles, values);
  foldTimes(db, profiles, settings);
  addRegistration(db, profiles);
  addRoles(db, profiles);
  return profiles;
}

function foldGroups(db: Db, profiles: Map<number, IdentityProfile>, values: Values): void {
  const families = new Map<string | null, UserAgentFamily>();
  const family = (ua: string | null): UserAgentFamily => {
    let f = families.get(ua);
    if (f === undefined) {
      f = userAgentFamily(ua);
      families.set(ua, f);
    }
    return f;
  };
  const agents = new Map<number, Map<string, number>>();
  const groups = db
    .prepare(
      `SELECT identity_id, category, auth_ref, client_ref, app_ref, resource_ref, outcome_ref, error_code,
              count(*) AS n, min(time_ms) AS first_ms, max(time_ms) AS last_ms, min(request_id) AS sample_a, max(request_id) AS sample_b
         FROM signins WHERE identity_id IS NOT NULL
        GROUP BY identity_id, category, auth_ref, client_ref, app_ref, resource_ref, outcome_ref, error_code`,
    )
    .iterate() as IterableIterator<GroupRow>;
  for (const g of groups) {
    const p = profiles.get(g.identity_id);
    if (!p) continue;
    const s = p.signIns;
    s.total += g.n;
    if (g.category === 'interactive') s.interactive += g.n;
    else if (g.category === 'non_interactive') s.nonInteractive += g.n;
    else if (g.category === 'service_principal') s.servicePrincipal += g.n;
    else if (g.category === 'managed_identity') s.managedIdentity += g.n;
    const protocol = values.field(g.auth_ref, AUTH_PROTOCOL);
    if (protocol === 'ropc') s.ropc += g.n;
    if (protocol === 'deviceCode') s.deviceCode += g.n;
    const ua = values.field(g.client_ref, USER_AGENT);
    const f = family(ua);
    if (f === 'browser') s.browserAgent += g.n;
    else if (f === 'automation') s.automationAgent += g.n;
    if (ua) {
      let m = agents.get(g.identity_id);
      if (!m) agents.set(g.identity_id, (m = new Map()));
      m.set(ua, (m.get(ua) ?? 0) + g.n);
    }
    const appId = values.field(g.app_ref, APP_ID);
    if (appId === ENTRA_CONNECT_APP_ID) s.syncApp += g.n;
    const status = values.field(g.outcome_ref, STATUS) ?? (g.error_code === 0 ? 'success' : g.error_code != null ? 'failure' : null);
    const requirement = values.field(g.auth_ref, AUTH_REQUIREMENT);
    const mfaDone = requirement === 'multiFactorAuthentication' || values.field(g.auth_ref, MFA_RESULT) === MFA_BY_CLAIM;
    const success = status === 'success' || g.error_code === 0;
    if (success) {
      if (mfaDone) s.mfa += g.n;
      else if (requirement === 'singleFactorAuthentication') s.singleFactor += g.n;
    } else {
      s.failures += g.n;
    }
    const first = iso(g.first_ms);
    const last = iso(g.last_ms);
    s.firstSeen = minIso(s.firstSeen, first);
    s.lastSeen = maxIso(s.lastSeen, last);

    const surface = enforcedSurface(appId, values.field(g.resource_ref, RESOURCE_ID));
    if (!surface) continue;
    s.enforcedApps += g.n;
    const st = (s.surfaces[surface] ??= emptySurface());
    const sample = (): void => {
      for (const id of [g.sample_a, g.sample_b]) if (st.sampleRequestIds.length < SAMPLES && !st.sampleRequestIds.includes(id)) st.sampleRequestIds.push(id);
    };
    if (success) {
      st.lastSuccess = maxIso(st.lastSuccess, last);
      if (mfaDone) {
        st.mfa += g.n;
        st.lastMfa = maxIso(st.lastMfa, last);
      } else {
        // Treated as single-factor unless the log says MFA: a missing requirement is not proof of MFA.
        st.singleFactor += g.n;
        st.firstSingleFactor = minIso(st.firstSingleFactor, first);
        st.lastSingleFactor = maxIso(st.lastSingleFactor, last);
        sample();
      }
    } else if (g.error_code != null && MFA_REQUIRED_CODES.has(g.error_code)) {
      st.mfaFailures += g.n;
      st.firstMfaFailure = minIso(st.firstMfaFailure, first);
      st.lastMfaFailure = maxIso(st.lastMfaFailure, last);
      sample();
    } else {
      st.otherFailures += g.n;
    }
  }
  for (const [id, m] of agents) {
    const p = profiles.get(id);
    if (p) p.signIns.topUserAgents = [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([agent, count]) => ({ agent, count }));
  }
}

function foldSources(db: Db, profiles: Map<number, IdentityProfile>, values: Values): void {
  const rows = db
    .prepare(
      `SELECT identity_id, ip_ref, location_ref, asn, count(*) AS n FROM signins WHERE identity_id IS NOT NULL
        GROUP BY identity_id, ip_ref, location_ref, asn`,
    )
    .iterate() as IterableIterator<{ identity_id: number; ip_ref: number | null; location_ref: number | null; asn: number | null; n: number }>;
  let current = -1;
  let ips = new Map<string, number>();
  let countries = new Set<string>();
  let asns = new Set<number>();
  const flush = (): void => {
    const p = profiles.get(current);
    if (p) {
      p.signIns.distinctIps = ips.size;
      p.signIns.distinctCountries = countries.size;
      p.signIns.distinctAsns = asns.size;
      p.signIns.topIps = [...ips].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([ip, count]) => ({ ip, count }));
    }
    ips = new Map();
    countries = new Set();
    asns = new Set();
  };
  // GROUP BY returns the rows ordered by identity: one identity's sources at a time.
  for (const r of rows) {
    if (r.identity_id !== current) {
      if (current !== -1) flush();
      current = r.identity_id;
    }
    const ip = values.field(r.ip_ref, IP);
    if (ip) ips.set(ip, (ips.get(ip) ?? 0) + r.n);
    const country = values.field(r.location_ref, COUNTRY);
    if (country) countries.add(country);
    if (r.asn != null) asns.add(r.asn);
  }
  if (current !== -1) flush();
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

function foldTimes(db: Db, profiles: Map<number, IdentityProfile>, settings: ClassificationSettings): void {
  // The (identity_id, time_ms) index covers this query: times arrive sorted per identity without a sort.
  const rows = db
    .prepare(`SELECT identity_id, time_ms FROM signins INDEXED BY signins_identity_time WHERE identity_id IS NOT NULL ORDER BY identity_id, time_ms`)
    .raw(true)
    .iterate() as IterableIterator<[number, number]>;
  let current = -1;
  let times: number[] = [];
  const flush = (): void => {
    const p = profiles.get(current);
    if (p) p.signIns.intervals = intervalStats(times, settings.regularityToleranceShare);
    times = [];
  };
  let p: IdentityProfile | undefined;
  for (const [id, t] of rows) {
    if (id !== current) {
      if (current !== -1) flush();
      current = id;
      p = profiles.get(id);
    }
    if (!p) continue;
    p.signIns.hours[Math.floor(t / HOUR) % 24] = (p.signIns.hours[Math.floor(t / HOUR) % 24] ?? 0) + 1;
    // 1970-01-01 was a Thursday: day 0 is weekday 3 when Monday is 0.
    const wd = (Math.floor(t / DAY) + 3) % 7;
    p.signIns.weekdays[wd] = (p.signIns.weekdays[wd] ?? 0) + 1;
    times.push(t);
  }
  if (current !== -1) flush();
}

function addRegistration(db: Db, profiles: Map<number, IdentityProfile>): void {
  const rows = db
    .prepare(`SELECT identity_id, is_mfa_capable, is_mfa_registered, is_passwordless_capable, methods FROM mfa_registration`)
    .iterate() as IterableIterator<{ identity_id: number; is_mfa_capable: number | null; is_mfa_registered: number | null; is_passwordless_capable: number | null; methods: string | null }>;
  for (const r of rows) {
    const p = profiles.get(r.identity_id);
    if (!p) continue;
    const methods = r.methods ? (JSON.parse(r.methods) as string[]) : [];
    p.registration = {
      capable: toBool(r.is_mfa_capable),
      registered: toBool(r.is_mfa_registered),
      passwordlessCapable: toBool(r.is_passwordless_capable),
      methods,
      phishingResistant: methods.some((m) => PHISHING_RESISTANT_METHODS.has(m.toLowerCase())),
    };
  }
}

function addRoles(db: Db, profiles: Map<number, IdentityProfile>): void {
  const rows = db
    .prepare(`SELECT identity_id, system, role_name, role_definition_id, scope, scope_level, state FROM role_assignments WHERE identity_id IS NOT NULL`)
    .iterate() as IterableIterator<{ identity_id: number; system: 'azure' | 'entra'; role_name: string; role_definition_id: string | null; scope: string; scope_level: string | null; state: 'active' | 'eligible' }>;
  for (const r of rows) {
    const p = profiles.get(r.identity_id);
    if (!p) continue;
    const privileged = r.system === 'entra' ? isPrivilegedEntraRole(r.role_definition_id, r.role_name) : isPrivilegedAzureRole(r.role_definition_id, r.role_name);
    const holding: RoleHolding = { system: r.system, role: r.role_name, scope: r.scope, scopeLevel: r.scope_level, state: r.state, privileged };
    (p.roles ??= []).push(holding);
  }
}
