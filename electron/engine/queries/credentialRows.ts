import type { RuleCredential } from '../../../shared/rules/rule';

/**
 * A `credentials` row as the queries read it. One column list and one mapping serve the rules,
 * the Credentials sheet and the detail panel, so a credential reads the same in all three.
 */
export interface CredentialRow {
  id: number;
  identity_id: number;
  type: RuleCredential['type'];
  key_id: string | null;
  display_name: string | null;
  start_time: string | null;
  end_time: string | null;
  issuer: string | null;
  subject: string | null;
}

const COLUMNS = ['id', 'identity_id', 'type', 'key_id', 'display_name', 'start_time', 'end_time', 'issuer', 'subject'] as const satisfies readonly (keyof CredentialRow)[];

/** The select list of a CredentialRow; `table` qualifies the columns in a join. */
export function credentialColumns(table?: string): string {
  return COLUMNS.map((c) => (table ? `${table}.${c}` : c)).join(', ');
}

/** The credential as the rules and assessCredential judge it. */
export function ruleCredentialOf(r: Omit<CredentialRow, 'id'>): RuleCredential {
  return {
    identityId: r.identity_id,
    type: r.type,
    keyId: r.key_id,
    displayName: r.display_name,
    start: r.start_time,
    end: r.end_time,
    subject: r.subject,
    issuer: r.issuer,
  };
}

/** What every view of a credential shows of it, named as the rules name it. */
export interface CredentialFields extends Omit<RuleCredential, 'identityId'> {
  id: number;
}

export function credentialFieldsOf(r: CredentialRow): CredentialFields {
  return {
    id: r.id,
    type: r.type,
    displayName: r.display_name,
    keyId: r.key_id,
    start: r.start_time,
    end: r.end_time,
    issuer: r.issuer,
    subject: r.subject,
  };
}
