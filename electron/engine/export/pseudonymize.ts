import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { MICROSOFT_OWNER_TENANTS } from '../../../shared/catalogue/enforcedApps';
import type { Db } from '../db/open';

const KEY_SETTING = 'pseudonym_key';
const EMAIL = /[\p{L}\p{N}._%+#'-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/gu;
// Candidates only: every hit is confirmed with isIP, so times such as 10:15:00 stay.
const IPV6 = /(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/giu;
/** Azure resource ids and scopes: their resource group and resource names are the customer's words. */
const ARM_PATH = /\/(?:subscriptions|providers)\/[^\s)"',;]+/giu;
/** Names shorter than this are not looked for inside other text: "HR" or "IT" would eat ordinary words. */
const MIN_NAME = 4;

/**
 * The engagement's pseudonym key, created on first use. Pseudonyms are keyed hashes, so they are
 * stable across exports of one engagement (a reviewer can compare two reports) and cannot be
 * reversed or matched across engagements without the key, which never leaves the engagement file.
 */
export function pseudonymKey(db: Db): Buffer {
  const row = db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(KEY_SETTING) as string | undefined;
  if (row) return Buffer.from(row, 'hex');
  const key = randomBytes(32);
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`).run(KEY_SETTING, key.toString('hex'));
  return key;
}

/** Letters and digits, ASCII without a regular expression: this runs for every character of every cell. */
function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return /[\p{L}\p{N}]/u.test(s.charAt(i));
}

/**
 * Replaces people's and applications' names, UPNs and e-mail addresses, and IP addresses with
 * stable pseudonyms, in whole cells and inside free text (evidence, reasons, notes). Names are
 * those the engagement knows (identities, owners, the customer); addresses are found by pattern.
 */
export class Pseudonymizer {
  private readonly names = new Map<string, string>();
  private readonly byFirstWord = new Map<string, string[]>();

  constructor(private readonly key: Buffer) {}

  /** Loads every name the engagement holds; identities first, so an owner who is also an identity gets the same pseudonym. */
  static fromEngagement(db: Db, key: Buffer, info: { customer: string; tenant: string; name: string }): Pseudonymizer {
    const p = new Pseudonymizer(key);
    const prefix: Record<string, string> = { user: 'User', service_principal: 'App', application: 'App', unknown: 'Principal' };
    // Microsoft's own applications (Microsoft Graph, Azure Portal) are named alike in every tenant
    // and their names are part of the findings' wording: they stay.
    const ours = [...MICROSOFT_OWNER_TENANTS].map((t) => `'${t}'`).join(', ');
    const identities = db.prepare(`SELECT display_name, kind FROM identities WHERE display_name IS NOT NULL AND coalesce(app_owner_org_id, '') NOT IN (${ours})`);
    for (const [name, kind] of identities.raw(true).iterate() as IterableIterator<[string, string]>) {
      p.addName(name, prefix[kind] ?? 'Principal');
    }
    for (const [name] of db.prepare(`SELECT DISTINCT owner_display_name FROM owners WHERE owner_display_name IS NOT NULL`).raw(true).iterate() as IterableIterator<[string]>) {
      p.addName(name, 'User');
    }
    for (const v of [info.customer, info.name]) if (v.trim()) p.addName(v.trim(), 'Customer');
    if (info.tenant.trim()) p.addName(info.tenant.trim(), 'Tenant');
    // The customer's name hides in resource names too (mg-contoso, contoso/infrastructure): its
    // first word and the tenant domain's first label are names of their own.
    for (const v of [/^[\p{L}\p{N}]+/u.exec(info.customer.trim())?.[0], /^[\p{L}\p{N}-]+/u.exec(info.tenant.trim())?.[0]]) {
      if (v && v.length >= MIN_NAME && !/^[0-9a-f-]{36}$/iu.test(v)) p.addName(v, 'Tenant');
    }
    for (const list of p.byFirstWord.values()) list.sort((a, b) => b.length - a.length);
    return p;
  }

  code(kind: string, real: string): string {
    return createHmac('sha256', this.key).update(`${kind}\0${real.toLowerCase()}`).digest('base64url').replace(/[-_]/gu, 'x').slice(0, 6).toUpperCase();
  }

  addName(real: string, prefix: string): void {
    const lower = real.trim().toLowerCase();
    if (lower.length === 0 || this.names.has(lower)) return;
    this.names.set(lower, `${prefix} ${this.code('name', lower)}`);
    if (lower.length < MIN_NAME) return;
    const first = /^[\p{L}\p{N}]+/u.exec(lower)?.[0];
    if (!first) return;
    const list = this.byFirstWord.get(first);
    if (list) list.push(lower);
    else this.byFirstWord.set(first, [lower]);
  }

  email(real: string): string {
    return `user-${this.code('upn', real).toLowerCase()}@pseudonym.invalid`;
  }

  ip(real: string): string {
    return `ip-${this.code('ip', real).toLowerCase()}`;
  }

  /** A stable, irreversible stand-in for an identity key, so a pseudonymised workbook can still be reviewed and read back. */
  identityKey(key: string): string {
    return `p:${createHmac('sha256', this.key).update(`key\0${key}`).digest('hex').slice(0, 24)}`;
  }

  /** Pseudonymises one cell or text. */
  text(s: string): string {
    if (s.length === 0) return s;
    const whole = this.names.get(s.trim().toLowerCase());
    if (whole) return whole;
    let out = s.replace(EMAIL, (m) => this.email(m));
    if (out.includes('/')) out = out.replace(ARM_PATH, (m) => this.armPath(m));
    out = out.replace(IPV4, (m) => (isIP(m) === 4 ? this.ip(m) : m));
    if (out.includes(':')) out = out.replace(IPV6, (m) => (isIP(m) === 6 ? this.ip(m) : m));
    return this.namesIn(out);
  }

  /**
   * Keeps an Azure id's structure (subscription ids, provider namespaces and types) and replaces
   * the names: of management groups, resource groups, and resources after `providers/ns/type/`.
   */
  armPath(path: string): string {
    const parts = path.split('/');
    let provider = -1;
    return parts
      .map((seg, i) => {
        const prev = (parts[i - 1] ?? '').toLowerCase();
        if (seg.toLowerCase() === 'providers') provider = i;
        const isName =
          prev === 'resourcegroups' ||
          prev === 'managementgroups' ||
          (provider >= 0 && i - provider >= 3 && (i - provider) % 2 === 1 && parts[provider + 1]?.toLowerCase() !== 'microsoft.management');
        return isName && seg.length > 0 ? `name-${this.code('arm', seg).toLowerCase()}` : seg;
      })
      .join('/');
  }

  private namesIn(s: string): string {
    const lower = s.toLowerCase();
    // Lower-casing that changes the length (a few non-Latin letters) would misalign the two strings.
    if (this.byFirstWord.size === 0 || lower.length !== s.length) return s;
    let out = '';
    let from = 0;
    for (let i = 0; i < lower.length; i++) {
      if (!isWordChar(lower, i) || isWordChar(lower, i - 1)) continue;
      let end = i;
      while (isWordChar(lower, end)) end++;
      const candidates = this.byFirstWord.get(lower.slice(i, end));
      const hit = candidates?.find((name) => lower.startsWith(name, i) && !isWordChar(lower, i + name.length));
      if (!hit) continue;
      out += s.slice(from, i) + (this.names.get(hit) ?? hit);
      from = i + hit.length;
      i = from - 1;
    }
    return from === 0 ? s : out + s.slice(from);
  }
}
