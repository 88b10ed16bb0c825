import type { IdentityClass, IdentityKind } from '../../../shared/domain/vocabulary';
import { assessCredential, type CredentialAssessment, type HolderUse } from '../../../shared/rules/credentialState';
import type { RuleCredential, RuleSettings } from '../../../shared/rules/rule';
import { endOfDayMs } from '../analysis/asOf';
import { ruleSettings } from '../analysis/ruleInputs';
import type { Db } from '../db/open';
import { credentialColumns, credentialFieldsOf, ruleCredentialOf, type CredentialFields, type CredentialRow } from './credentialRows';
import { sqlFunction } from './sqlFunctions';

/** One credential of an application or service principal, with its holder and its state on the as-of date. */
export interface CredentialSheetRow extends CredentialFields {
  audiences: string[];
  holder: { id: number; displayName: string | null; appId: string | null; kind: IdentityKind; cls: IdentityClass | null };
  state: CredentialAssessment;
}

interface Row extends CredentialRow {
  audiences: string | null;
  holder_name: string | null;
  app_id: string | null;
  kind: IdentityKind;
  cls: IdentityClass | null;
  sp_sign_ins: number | null;
  key_ids: string | null;
}

/** Whether any service principal sign-in was analysed: without one, no credential's use is known. */
function workloadSignInsAnalysed(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM identity_profiles WHERE service_principal > 0 LIMIT 1`).get() !== undefined;
}

const useOf = (imported: boolean, spSignIns: number | null, keyIds: string | null): HolderUse => ({
  workloadSignInsImported: imported,
  servicePrincipalSignIns: spSignIns,
  keyIds: keyIds ? (JSON.parse(keyIds) as string[]) : [],
});

/**
 * Every credential (client secret, certificate, federated credential), streamed worst first:
 * expired, secrets that never expire, expiring, secrets over the lifetime limit, unused; then by
 * holder and credential name. Status and problems use the engagement's rule thresholds.
 */
export function iterateCredentials(db: Db, asOf: string, settings: RuleSettings = ruleSettings(db)): IterableIterator<CredentialSheetRow> {
  const asOfMs = endOfDayMs(asOf);
  const imported = workloadSignInsAnalysed(db);
  const limits = { expiringDays: settings.expiringDays, maxSecretDays: settings.maxSecretDays };
  // The sort key is the very judgement the row shows (assessCredential), computed by SQLite while it sorts.
  sqlFunction(
    db,
    'nhi_credential_rank',
    (type: RuleCredential['type'], keyId: string | null, start: string | null, end: string | null, spSignIns: number | null, keyIds: string | null, at: number, expiringDays: number, maxSecretDays: number, anySp: number) =>
      assessCredential(
        ruleCredentialOf({ identity_id: 0, type, key_id: keyId, display_name: null, start_time: start, end_time: end, subject: null, issuer: null }),
        useOf(anySp === 1, spSignIns, keyIds),
        { expiringDays, maxSecretDays },
        at,
      ).rank,
  );
  const rows = db
    .prepare(
      `SELECT ${credentialColumns('c')}, c.audiences,
              i.display_name AS holder_name, i.app_id, i.kind, coalesce(cl.override_class, cl.class) AS cls,
              p.service_principal AS sp_sign_ins, json_extract(p.profile, '$.signIns.credentialKeyIds') AS key_ids
         FROM credentials c
         JOIN identities i ON i.id = c.identity_id
         LEFT JOIN classifications cl ON cl.identity_id = i.id
         LEFT JOIN identity_profiles p ON p.identity_id = i.id
        ORDER BY nhi_credential_rank(c.type, c.key_id, c.start_time, c.end_time, p.service_principal,
                   json_extract(p.profile, '$.signIns.credentialKeyIds'), @asOfMs, @expiringDays, @maxSecretDays, @anySp),
                 coalesce(i.display_name, i.app_id, '') COLLATE NOCASE, coalesce(c.display_name, c.key_id, '') COLLATE NOCASE, c.id`,
    )
    .iterate({ asOfMs, ...limits, anySp: imported ? 1 : 0 }) as IterableIterator<Row>;
  return (function* () {
    for (const r of rows) {
      yield {
        ...credentialFieldsOf(r),
        audiences: r.audiences ? (JSON.parse(r.audiences) as string[]) : [],
        holder: { id: r.identity_id, displayName: r.holder_name, appId: r.app_id, kind: r.kind, cls: r.cls },
        state: assessCredential(ruleCredentialOf(r), useOf(imported, r.sp_sign_ins, r.key_ids), limits, asOfMs),
      };
    }
  })();
}
