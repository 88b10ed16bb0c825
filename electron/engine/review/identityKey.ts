/**
 * The stable key of an identity: what a review decision and the workbook's hidden key column hold.
 * Row ids change when identities are merged or rebuilt; these do not. Applications and service
 * principals are keyed by app id because an app first known from its registration gains a
 * service-principal object id later, and the two are one identity.
 */
export function identityKeySql(alias: string): string {
  const a = alias ? `${alias}.` : '';
  return `(CASE WHEN ${a}kind IN ('service_principal', 'application') AND ${a}app_id IS NOT NULL THEN 'app:' || lower(${a}app_id)
     WHEN ${a}object_id IS NOT NULL THEN 'obj:' || lower(${a}object_id)
     WHEN ${a}upn IS NOT NULL THEN 'upn:' || lower(${a}upn)
     ELSE 'id:' || ${a}id END)`;
}
