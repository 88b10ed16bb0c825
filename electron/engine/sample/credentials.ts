/**
 * Credential factories for app registrations and managed identities. Dates are relative to `asOf`,
 * so "expires in under 30 days" and "expired last month" stay true whatever date a run is for.
 */
import type { CertificateCredential, CredentialUse, FederatedCredential, PasswordCredential } from './model';
import type { Rng } from './prng';
import { DAY, isoSevenDigits } from './time';

const HINT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-';

/** A client secret. `end` may be a literal Graph endDateTime for secrets made to "never" expire. */
export function secret(rng: Rng, displayName: string, startMs: number, end: number | string): PasswordCredential {
  const start = startMs + rng.int(0, 86399) * 1000 + rng.int(0, 999);
  // Portal-made secrets end exactly N days/months after creation, to the second.
  const endMs = typeof end === 'number' ? end + (start % DAY) - (end % DAY) : Date.parse(end);
  const endText = typeof end === 'number' ? isoSevenDigits(endMs, rng.int(0, 9999)) : end;
  let hint = '';
  for (let i = 0; i < 3; i++) hint += HINT_CHARS.charAt(rng.int(0, HINT_CHARS.length - 1));
  return { keyId: rng.guid(), displayName, startMs: start, end: endText, endMs, hint };
}

export function certificate(rng: Rng, subject: string, startMs: number, endMs: number): CertificateCredential {
  // Certificates are issued at some time of day; validity ends at the same time of day.
  const offset = rng.int(0, 86399) * 1000;
  return { keyId: rng.guid(), displayName: `CN=${subject}`, startMs: startMs + offset, endMs: endMs + offset, thumbprint: rng.hex(40).toUpperCase() };
}

export function federated(rng: Rng, name: string, issuer: string, subject: string, description: string): FederatedCredential {
  return { id: rng.guid(), name, issuer, subject, description };
}

/** The credential a job presents for the whole window. */
export function usesSecret(c: PasswordCredential, windowStartMs: number, windowEndMs: number): CredentialUse {
  return { keyId: c.keyId, thumbprint: null, fromMs: windowStartMs, toMs: windowEndMs, expiresMs: c.endMs };
}

export function usesCertificate(c: CertificateCredential, windowStartMs: number, windowEndMs: number): CredentialUse {
  return { keyId: c.keyId, thumbprint: c.thumbprint, fromMs: windowStartMs, toMs: windowEndMs };
}

export function usesFederation(windowStartMs: number, windowEndMs: number): CredentialUse {
  return { keyId: null, thumbprint: null, fromMs: windowStartMs, toMs: windowEndMs };
}

/** Graph returns Edm.Binary as base64; a certificate's customKeyIdentifier defaults to its thumbprint. */
export function thumbprintBase64(thumbprint: string): string {
  return Buffer.from(thumbprint, 'hex').toString('base64');
}
