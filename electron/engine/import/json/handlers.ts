import type { FileFlag } from '../../../../shared/coverage/flags';
import type { ImportKind } from '../../../../shared/domain/importKinds';
import type { DirectoryObjectRecord } from '../../../../shared/domain/records';
import { scheduleHintFromContext } from '../../../../shared/parse/json/detect';
import {
  looksLikeApplication,
  looksLikeServicePrincipal,
  mapJsonApplication,
  mapJsonServicePrincipal,
  type GrantRef,
} from '../../../../shared/parse/json/directory';
import { mapAzureRoleAssignment, mapEntraRoleAssignment, mapEntraRoleSchedule, type RoleMapResult } from '../../../../shared/parse/json/roles';
import { mapJsonMfaRegistration, mapJsonUser } from '../../../../shared/parse/json/users';
import { has, prop, str, type JsonObject } from '../../../../shared/parse/json/value';
import type { Db } from '../../db/open';
import { DirectoryWriter } from '../../store/directoryWriter';
import { IdentityResolver } from '../../store/identityResolver';
import { MfaWriter } from '../../store/mfaWriter';
import { RoleAssignmentWriter } from '../../store/roleAssignmentWriter';
import { signInHandler } from './signInHandler';

export type RecordOutcome = { status: 'imported'; timeMs: number | null; rows?: number } | { status: 'duplicate' } | { status: 'rejected'; reason: string };

/** Turns one JSON record of one kind into canonical records in the engagement. */
export interface RecordHandler {
  /** What counts as a duplicate, for the warning ("sign-ins", "role assignments"). */
  noun: string;
  /** `context`: the @odata.context of the record's page (or its own), if any. */
  handle(o: JsonObject, position: number, context: string | null): RecordOutcome;
  /** Work that needs the whole file (still inside its transaction), and the file's closing warnings. */
  finish(note: Note): void;
}

/** Records a warning about the whole file; with a flag when it is a coverage fact. */
export type Note = (message: string, flag?: FileFlag) => void;

const n = (v: number): string => v.toLocaleString('en-US');

function simple(noun: string, handle: (o: JsonObject, position: number, context: string | null) => RecordOutcome, finish: (note: Note) => void = () => undefined): RecordHandler {
  return { noun, handle, finish };
}

/**
 * Microsoft's Azure IP ranges download: one document whose `values` are service tags. Only the
 * AzureCloud tag and its regional tags (`AzureCloud.westeurope`) are kept: together they are the
 * whole public Azure address space, which is all the analysis asks about.
 */
function ipRangesHandler(db: Db, fileId: number): RecordHandler {
  const insert = db.prepare(`INSERT OR IGNORE INTO azure_ip_ranges (prefix, tag, region, file_id) VALUES (?, ?, ?, ?)`);
  return simple(
    'address ranges',
    (o) => {
      let prefixes = 0;
      const values = prop(o, 'values');
      if (!Array.isArray(values)) return { status: 'rejected', reason: 'has no "values" list of service tags' };
      for (const v of values) {
        if (v == null || typeof v !== 'object' || Array.isArray(v)) continue;
        const tag = str(v, 'id') ?? str(v, 'name');
        if (!tag || !/^AzureCloud(\.|$)/iu.test(tag)) continue;
        const props = prop(v, 'properties');
        const list = props && typeof props === 'object' && !Array.isArray(props) ? prop(props, 'addressprefixes') : undefined;
        if (!Array.isArray(list)) continue;
        const region = props && typeof props === 'object' && !Array.isArray(props) ? str(props, 'region') : null;
        for (const p of list) if (typeof p === 'string' && p.includes('/')) prefixes += insert.run(p, tag, region, fileId).changes;
      }
      return prefixes > 0 ? { status: 'imported', timeMs: null, rows: prefixes } : { status: 'rejected', reason: 'holds no AzureCloud address ranges' };
    },
  );
}

/**
 * Applications and service principals. A record is mapped by what it is, whatever the file's
 * kind, because concatenated Graph pages may hold both. Permissions granted to a service
 * principal name their resource by object id; they are resolved to app ids once the whole file
 * (which usually holds the resource too) has been seen.
 */
function directoryHandler(db: Db, fileId: number, defaultKind: 'application' | 'service_principal'): RecordHandler {
  const writer = new DirectoryWriter(db);
  const appIdOf = db.prepare<[string], { app_id: string | null }>(`SELECT app_id FROM identities WHERE object_id = ?`);
  const appIds = new Map<string, string>();
  const pending: { record: DirectoryObjectRecord; grants: GrantRef[] }[] = [];
  let unresolved = 0;
  return {
    noun: 'directory objects',
    handle(o) {
      const asSp = defaultKind === 'service_principal' ? !looksLikeApplication(o) : looksLikeServicePrincipal(o);
      const mapped = asSp ? mapJsonServicePrincipal(o) : mapJsonApplication(o);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      writer.write(mapped.record, fileId);
      if (mapped.record.kind === 'service_principal' && mapped.record.appId) appIds.set(mapped.record.objectId, mapped.record.appId);
      if (mapped.grants.length > 0) pending.push({ record: mapped.record, grants: mapped.grants });
      return { status: 'imported', timeMs: null };
    },
    finish(note) {
      for (const { record, grants } of pending) {
        const permissions = [];
        for (const g of grants) {
          const resourceAppId = appIds.get(g.resourceObjectId) ?? appIdOf.get(g.resourceObjectId)?.app_id ?? null;
          if (resourceAppId) permissions.push({ resourceAppId, permissionId: g.appRoleId, type: 'Role' as const, source: 'granted' as const });
          else unresolved++;
        }
        if (permissions.length > 0) writer.write({ ...record, credentials: [], owners: [], permissions }, fileId);
      }
      if (unresolved > 0) {
        note(`${n(unresolved)} granted app roles name a resource service principal that is in neither this file nor the engagement; import the resource's service principal to see them.`);
      }
    },
  };
}

function roleHandler(
  map: (o: JsonObject, context: string | null) => RoleMapResult,
  db: Db,
  fileId: number,
  extra: (seen: { any: number; withPrincipal: number }, note: Note) => void = () => undefined,
): RecordHandler {
  const writer = new RoleAssignmentWriter(db);
  let unknownRoles = 0;
  const seen = { any: 0, withPrincipal: 0 };
  return simple(
    'role assignments',
    (o, _position, context) => {
      const mapped = map(o, context);
      if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
      if (mapped.unknownRole) unknownRoles++;
      seen.any++;
      if (has(o, 'principal')) seen.withPrincipal++;
      return writer.write(mapped.record, fileId) ? { status: 'imported', timeMs: null } : { status: 'duplicate' };
    },
    (note) => {
      if (unknownRoles > 0) {
        note(`${n(unknownRoles)} assignments name a role definition that is not a built-in Entra role (a custom role?); they are kept as "Unknown role <id>".`);
      }
      extra(seen, note);
    },
  );
}

/** The handler of each JSON kind. `context` is the file's first @odata.context (PIM: eligible or active). */
export function recordHandler(kind: ImportKind, db: Db, fileId: number, context: string | null): RecordHandler {
  switch (kind) {
    case 'signins.portal.json':
    case 'signins.graph.json':
    case 'signins.powershell.json':
      return signInHandler(kind, db, fileId);
    case 'users.graph.json': {
      const resolver = new IdentityResolver(db);
      return simple('users', (o) => {
        const mapped = mapJsonUser(o);
        if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
        resolver.upsertUser(mapped.record, fileId);
        return { status: 'imported', timeMs: null };
      });
    }
    case 'mfa.graph.json': {
      const writer = new MfaWriter(db);
      return simple('registrations', (o) => {
        const mapped = mapJsonMfaRegistration(o);
        if (!mapped.ok) return { status: 'rejected', reason: mapped.reason };
        return writer.write(mapped.record, fileId) == null ? { status: 'rejected', reason: 'names no user' } : { status: 'imported', timeMs: null };
      });
    }
    case 'azure.ipranges.json':
      return ipRangesHandler(db, fileId);
    case 'applications.graph.json':
      return directoryHandler(db, fileId, 'application');
    case 'serviceprincipals.graph.json':
      return directoryHandler(db, fileId, 'service_principal');
    case 'azure.roles.az.json':
      return roleHandler(mapAzureRoleAssignment, db, fileId);
    case 'azure.roles.portal.json':
      return roleHandler(mapAzureRoleAssignment, db, fileId, (_s, note) =>
        note('The portal\'s role assignment download leaves out assignments whose principal was deleted, and classic administrators.', 'omits_deleted_principals'),
      );
    case 'entra.roles.graph.json':
      return roleHandler(mapEntraRoleAssignment, db, fileId, (s, note) => {
        if (s.any > 0) note('Graph roleAssignments lists active assignments only; PIM-eligible roles need a roleEligibilitySchedules export.');
        if (s.any > 0 && s.withPrincipal === 0) note('Principal types are unknown (export with $expand=principal to tell users, groups and service principals apart).');
      });
    case 'entra.roles.schedules.graph.json': {
      // A page's context says eligible or active; files that mix both pages keep each page's own.
      const fileHint = scheduleHintFromContext(context);
      return roleHandler((o, pageContext) => mapEntraRoleSchedule(o, scheduleHintFromContext(pageContext) ?? fileHint), db, fileId);
    }
    default:
      throw new Error(`${kind} is not a JSON kind`);
  }
}
