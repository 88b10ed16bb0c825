/**
 * Microsoft Graph list responses as an exporter saves them: `{ "@odata.context": ..., "value": [...] }`
 * (formats.md sections 4, 5, 7, 8.2). These files hold hundreds of objects, not millions, so each is
 * serialised in one go.
 */
import { writeFile } from 'node:fs/promises';
import type { OwnerRef, User } from '../model';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0/$metadata';

export async function writeGraphList(path: string, context: string, value: readonly unknown[]): Promise<number> {
  await writeFile(path, `${JSON.stringify({ '@odata.context': `${GRAPH_V1}#${context}`, value }, null, 2)}\n`, 'utf8');
  return value.length;
}

/** A user as Graph returns it inside `$expand` (the default property set). */
export function graphUser(u: User): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.user',
    id: u.id,
    businessPhones: u.telephoneNumber ? [u.telephoneNumber] : [],
    displayName: u.displayName,
    givenName: u.givenName || null,
    jobTitle: u.jobTitle || null,
    mail: u.mail || null,
    mobilePhone: u.mobilePhone || null,
    officeLocation: u.office?.label ?? null,
    preferredLanguage: null,
    surname: u.surname || null,
    userPrincipalName: u.upn,
  };
}

export function graphOwner(o: OwnerRef): Record<string, unknown> {
  if (o.kind === 'user') return graphUser(o.user);
  return { '@odata.type': '#microsoft.graph.servicePrincipal', id: o.spId, appId: o.appId, displayName: o.displayName, servicePrincipalType: 'Application' };
}

/** What Graph returns for an app without a verified publisher. */
export const NO_PUBLISHER = { displayName: null, verifiedPublisherId: null, addedDateTime: null } as const;
