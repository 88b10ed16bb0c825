/** Cell wording shared by the Credentials, Privileged Access and Ownership sheets. */
import { CLASS_LABELS, type IdentityClass } from '../../../../shared/domain/vocabulary';
import { text } from '../cells';

const UTC_ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)?$/iu;

/**
 * An exported time as the other sheets write it: 'YYYY-MM-DD HH:MM' text, UTC. A UTC ISO time is
 * cut, not parsed (Graph's "never" end 9999-12-31T23:59:59.9999999Z would round into year 10000);
 * another offset is converted; text that is no date is kept as it was (inert text), never guessed.
 */
export function utcMinute(iso: string | null): string {
  if (!iso) return '';
  if (UTC_ISO.test(iso)) return iso.slice(0, 16).replace('T', ' ');
  const ms = Date.parse(iso);
  const d = new Date(ms);
  return Number.isFinite(ms) && d.getUTCFullYear() >= 1000 && d.getUTCFullYear() <= 9999 ? d.toISOString().slice(0, 16).replace('T', ' ') : text(iso);
}

export const yesNo = (b: boolean): string => (b ? 'Yes' : 'No');

/** An identity kind in words (as the Identities sheet writes it). */
export const kindLabel = (kind: string | null): string => (kind ? kind.replace('_', ' ') : '');

export const classLabel = (cls: IdentityClass | null): string => (cls ? CLASS_LABELS[cls] : 'Not analysed');

/** A directory object type as exported (servicePrincipal, #microsoft.graph.user) in words. */
export function objectTypeLabel(type: string | null): string {
  if (!type) return '';
  return type
    .replace(/^#?microsoft\.graph\./iu, '')
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase();
}
